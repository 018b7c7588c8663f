package app.sendsongs.core;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.command.Help;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chat platform made up for this test, with plain texts only and a short text limit, added to the
 * real core by nothing more than handing it to {@link SendSongs}: a person on it and a person on
 * Messenger register, send each other songs, play them and get the notices, each on their own
 * platform. No feature knows the platform.
 */
class AnotherChatPlatformTest {
    private static final Platform TESTCHAT = new Platform("testchat");
    private static final int LIMIT = 160;
    private static final ChatAddress TINA = new ChatAddress(TESTCHAT, "tina-7");
    private static final ChatAddress MO = BotHarness.at("mo");

    private final RecordingChat testchat = RecordingChat.plainText(TESTCHAT, LIMIT);
    private final BotHarness bot = new BotHarness(testchat);

    @BeforeEach
    void tinaRegistersFromTheNewPlatformAndMoFromMessenger() {
        assertThat(answer(TINA, "hi")).startsWith("Hi! I'm Send Songs");
        assertThat(answer(TINA, "register code:\"" + connect(TINA) + "\" name:\"Tina Turner\""))
                .startsWith("Welcome, Tina Turner!");
        bot.reply(MO, "register code:\"" + connect(MO) + "\" name:\"Mo Salah\"");
    }

    @Test
    void aSongFromTheNewPlatformReachesMessengerAndThePlayIsToldBack() {
        assertThat(answer(TINA, "send_song name:\"Mo Salah\" pre:\"for you\" post:\"knew it\" "
                + FakeMusic.SONG.id().link())).isEqualTo("Sent " + FakeMusic.SONG.title() + " to Mo Salah. "
                + "I'll tell you when they play it (I'll watch for 7 days).");
        assertThat(bot.last(MO)).isEqualTo("🎵 Tina Turner sent you a song: " + FakeMusic.SONG.title()
                + "\n“for you”");
        assertThat(bot.chat.messages(MO.id()).getLast().card()).get().extracting(card -> card.link().toString())
                .isEqualTo(FakeMusic.SONG.id().link());

        bot.play(MO, FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.last(TINA)).isEqualTo("🎧 Mo Salah listened to " + FakeMusic.SONG.title()
                + " (5 min ago).");
        assertThat(bot.last(MO)).isEqualTo("Tina Turner's note on " + FakeMusic.SONG.title() + ": “knew it”");
    }

    @Test
    void aSongFromMessengerReachesTheNewPlatformInPartsItTakesAndThePlayIsToldBack() {
        String longNote = "this one ".repeat(20).strip();
        int before = bot.inbox(TINA).size();
        bot.reply(MO, "send_song name:\"Tina Turner\" pre:\"" + longNote + "\" post:\"knew it\" "
                + FakeMusic.OTHER_SONG.id().link());

        List<String> parts = bot.inbox(TINA).subList(before, bot.inbox(TINA).size());
        assertThat(parts).hasSizeGreaterThan(1).allMatch(part -> part.length() <= LIMIT);
        // the card and its taps as text: what to open, and what to type instead of tapping
        assertThat(String.join("\n", parts)).startsWith("🎵 Mo Salah sent you a song: " + FakeMusic.OTHER_SONG.title())
                .contains("“this one", "this one”", "Open in Spotify: " + FakeMusic.OTHER_SONG.id().link())
                .containsPattern("Don't tell Mo — reply: receipts off song [0-9a-f-]{36}\n")
                .containsPattern("Block Mo — reply: block song [0-9a-f-]{36}$");

        bot.play(TINA, FakeMusic.OTHER_SONG);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.last(MO)).isEqualTo("🎧 Tina Turner listened to " + FakeMusic.OTHER_SONG.title()
                + " (5 min ago).");
        assertThat(bot.last(TINA)).isEqualTo("Mo Salah's note on " + FakeMusic.OTHER_SONG.title() + ": “knew it”");
    }

    @Test
    void anExpiryIsToldOnTheSendersPlatform() {
        bot.reply(TINA, "send_song name:\"Mo Salah\" " + FakeMusic.SONG.id().link());

        bot.advance(BotHarness.WATCH_ENDS);

        assertThat(bot.last(TINA)).isEqualTo(FakeMusic.SONG.title() + ", sent to Mo Salah, was not played within 7 days, so "
                + "I've stopped watching.");
    }

    @Test
    void aLongAnswerIsSplitForTheNewPlatformOnly() {
        List<String> help = bot.say(TINA, "help");

        assertThat(help).hasSizeGreaterThan(1).allMatch(part -> part.length() <= LIMIT);
        assertThat(bot.say(MO, "help")).containsExactly(Help.all());
    }

    @Test
    void theSameIdOnTheNewPlatformAndOnMessengerIsTwoPeople() {
        ChatAddress moOnTestchat = new ChatAddress(TESTCHAT, MO.id());

        assertThat(answer(moOnTestchat, "pending")).startsWith("That works once you've connected");
        assertThat(bot.reply(MO, "pending")).startsWith("Nothing pending");
    }

    /** The bot's answer on the new platform, in as many parts as it took, put together. */
    private String answer(ChatAddress person, String text) {
        List<String> parts = bot.say(person, text);
        assertThat(parts).isNotEmpty().allMatch(part -> part.length() <= LIMIT);
        return String.join(" ", parts);
    }

    /** Consent as the Spotify account whose plays are the person's (see {@link FakeMusic}); the code shown. */
    private String connect(ChatAddress person) {
        return bot.registrationCode(SourceKind.SPOTIFY, person.key());
    }
}

package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a person sends that the bot cannot read (a photo, a voice message...) is answered, and takes nothing away. */
class UnreadableTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private BotHarness bot;

    @BeforeEach
    void friends() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
    }

    @Test
    void withNothingAskedItSaysOnlyTextIsReadAndHowASongIsSent() {
        assertThat(send("alice", "photo")).isEqualTo("I can't read photos. To send a song, paste its Spotify link "
                + "(in Spotify: Share → Copy link).");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Menu", "Help");
        assertThat(send("alice", "voice message")).startsWith("I can't read voice messages.");
    }

    @Test
    void atWhoIsItForTheQuestionIsAskedAgainAndTheSongStillWaits() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", LINK);

        assertThat(send("alice", "photo")).isEqualTo("I can't read photos, only text. Who is " + TITLE + " for?");
        assertThat(last("alice").choices()).extracting(Choice::title).as("the taps the question was first asked with")
                .containsExactly("Bob Fisher", "Someone else");
        assertThat(bot.reply("alice", "Bob Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void atWhoIsItForWithNobodyToOfferItAsksForTheNameAgain() {
        bot.reply("alice", LINK);

        assertThat(send("alice", "photo")).isEqualTo("I can't read photos, only text. Who is " + TITLE + " for? Type "
                + "their name.");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Type a name");
    }

    @Test
    void atSendItToBobTheQuestionStandsWithItsTaps() {
        bot.reply("alice", LINK);
        bot.reply("alice", "Bob Fisher");

        assertThat(send("alice", "sticker")).isEqualTo("I can't read stickers, only text. Send " + TITLE
                + " to Bob Fisher?");
        assertThat(last("alice").choices()).extracting(Choice::title).contains("Send", "Don't send");
        assertThat(bot.reply("alice", "yes")).startsWith("Sent " + TITLE + " to Bob Fisher.");
    }

    @Test
    void whileANoteIsAwaitedTheNoteIsAskedForAgainAndTheNextTextIsIt() {
        bot.reply("alice", LINK);
        bot.reply("alice", "Bob Fisher");
        bot.reply("alice", "add a note");

        assertThat(send("alice", "GIF")).isEqualTo("I can't read GIFs, only text. Type the note that goes with the "
                + "song to Bob Fisher.");
        assertThat(bot.reply("alice", "the bridge!")).startsWith("Noted. Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void atWhichOneTheQuestionComesAgainWithItsTapsAndItsNumberStillAnswersIt() {
        bot.advance(Duration.ofDays(1));
        bot.register("bob2", "bob fisher");
        String question = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(send("alice", "voice message")).isEqualTo("I can't read voice messages, only text.\n" + question);
        assertThat(last("alice").choices()).hasSize(3);
        assertThat(bot.reply("alice", "2")).startsWith("Sent " + TITLE + " to bob fisher (joined 2 May 2030).");
    }

    @Test
    void atAYesOrNoQuestionItsTapsComeAgainAndNothingIsDone() {
        bot.reply("alice", "forget_me");

        assertThat(send("alice", "file")).isEqualTo("I can't read files, only text. To answer, tap \"Yes, delete it "
                + "all\" or \"No, keep it\".");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Yes, delete it all",
                "No, keep it");
        assertThat(bot.stores.users().findUser(at("alice"))).isPresent();
    }

    @Test
    void someoneNotRegisteredGetsTheWelcomeAfterIt() {
        assertThat(send("dave", "location")).startsWith("I can't read locations, only text.\n\nHi! I'm Send Songs");
    }

    private String send(String psid, String what) {
        List<String> replies = bot.handle(new Inbound.Unreadable(bot.nextEventId(), at(psid), bot.clock.instant(),
                what));
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private Message last(String psid) {
        return bot.chat.messages(psid).getLast();
    }
}

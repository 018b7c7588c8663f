package app.sendsongs.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An invite's link opened again once the invite ended says what became of it, as far as that is the opener's to know:
 * used by them, cancelled, or expired (and when); used by someone else stays vague. What became of it is kept for
 * {@link EndedInvite#KEPT}, and forgotten with its sender or whoever used it.
 */
class InviteEndsTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String T_ME = "https://t.me/SongsBot?start=";
    private static final Pattern TELEGRAM_REF = Pattern.compile(Pattern.quote(T_ME) + "(\\S+)");
    private static final ChatAddress ALICE = new ChatAddress(Platform.TELEGRAM, "1001");
    private static final ChatAddress CAROL = new ChatAddress(Platform.TELEGRAM, "2002");
    private static final ChatAddress MALLORY = BotHarness.at("mallory");
    private static final String UNKNOWN = "That invite has expired or was already used.";

    private final RecordingChat telegram = RecordingChat.rich(Platform.TELEGRAM, 4096);
    private BotHarness bot;

    @BeforeEach
    void start() {
        bot = new BotHarness(new SendLimits(20, 10, 5), telegram);
        bot.chat.linksTo("https://m.me/page?ref=");
        telegram.linksTo(T_ME);
        bot.register(ALICE, "Alice Smith");
    }

    @Test
    void usedItSaysSoToWhoeverUsedItAndStaysVagueToAnyoneElse() {
        String ref = invite("Carol Jones");
        open(CAROL, ref);
        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");

        assertThat(open(CAROL, ref)).first().asString().startsWith("You already used this invite: " + TITLE
                + " from Alice Smith.\n\nHi Carol");
        assertThat(open(MALLORY, ref)).first().asString().startsWith("This invite was already used.\n\nHi! I'm Send");
    }

    @Test
    void usedButItsSongRefusedItSaysTheSongCouldNotBeSentWithoutSayingWhy() {
        bot.register(CAROL, "Carol Jones");
        bot.reply(CAROL, "block Alice Smith");
        String ref = invite("CJ");

        open(CAROL, ref);

        assertThat(bot.inbox(CAROL)).noneMatch(text -> text.startsWith("🎵 Alice Smith sent you a song"));
        assertThat(open(CAROL, ref)).first().asString().startsWith("You already used this invite, but " + TITLE
                + " from Alice Smith could not be sent to you.\n\n");
        assertThat(open(ALICE, ref)).first().asString().as("to the sender, as its sign-up notice said")
                .startsWith("Your invite for " + TITLE + " was already used, but the song could not be delivered.");
        assertThat(open(MALLORY, ref)).first().asString().startsWith("This invite was already used.\n\n");
    }

    @Test
    void usedOverTheSendersLimitAtSignUpItSaysTheSongCouldNotBeSent() {
        bot = new BotHarness(new SendLimits(1, 10, 5), telegram);
        bot.chat.linksTo("https://m.me/page?ref=");
        bot.register(ALICE, "Alice Smith");
        String ref = invite("Carol Jones");
        bot.register(BotHarness.at("erin"), "Erin Hale");
        bot.reply(ALICE, "send_song name:\"Erin Hale\" " + FakeMusic.OTHER_SONG.id().link());
        open(CAROL, ref);
        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");

        assertThat(bot.inbox(CAROL)).noneMatch(text -> text.startsWith("🎵 Alice Smith sent you a song"));
        assertThat(open(CAROL, ref)).first().asString().startsWith("You already used this invite, but " + TITLE
                + " from Alice Smith could not be sent to you.\n\nHi Carol");
    }

    @Test
    void cancelledItSaysTheSenderCancelledIt() {
        String ref = invite("Carol Jones");
        bot.reply(ALICE, "cancel invite 1");

        assertThat(open(CAROL, ref)).first().asString().startsWith("Alice Smith cancelled this invite.\n\nHi! I'm");
    }

    @Test
    void expiredItSaysWhenAndWhatToDo() {
        String ref = invite("Carol Jones");
        bot.advance(Invites.LIFETIME.plusMinutes(1));
        bot.advance(Duration.ofDays(3));

        assertThat(open(CAROL, ref)).first().asString().startsWith("This invite expired 3 days ago. Ask Alice Smith "
                + "to send the song again.\n\nHi! I'm");
    }

    @Test
    void theSenderOpeningTheirOwnEndedInviteIsToldWhatBecameOfItAsTheirs() {
        String cancelled = invite("Carol Jones");
        bot.reply(ALICE, "cancel invite 1");
        String expired = invite("Erin Hale");
        bot.advance(Invites.LIFETIME.plusMinutes(1));
        bot.advance(Duration.ofDays(3));

        assertThat(open(ALICE, cancelled)).first().asString().startsWith("You cancelled your invite for " + TITLE
                + ".\n\n");
        assertThat(open(ALICE, expired)).first().asString().startsWith("Your invite for " + TITLE + " expired 3 days "
                + "ago: send the song again to make a new one.\n\n");
    }

    @Test
    void usedByANamesakeTheSenderChoseItSaysSoToThemToo() {
        String ref = invite("Dan Brown");
        ChatAddress dan = BotHarness.at("dan");
        bot.chat.nameIs(dan.id(), "Dan Brown");
        bot.connectThroughOwnLink(dan, SourceKind.SPOTIFY, "dan");
        String send = telegram.messages(ALICE.id()).getLast().choices().getFirst().payload();
        bot.handle(new Inbound.ChoiceTapped(bot.nextEventId(), ALICE, bot.clock.instant(), send, "Send it to them"));

        assertThat(open(dan, ref)).first().asString().startsWith("You already used this invite: " + TITLE
                + " from Alice Smith.");
    }

    @Test
    void whatBecameOfItIsKeptThirtyDaysAndForgottenWithTheSenderOrWhoeverUsedIt() {
        String expiring = invite("Carol Jones");
        bot.advance(Invites.LIFETIME.plusMinutes(1));
        bot.advance(EndedInvite.KEPT.plusHours(2));
        assertThat(open(CAROL, expiring)).first().asString().as("kept no longer").startsWith(UNKNOWN);

        String used = invite("Carol Jones");
        open(CAROL, used);
        telegram.nameIs(CAROL.id(), "Carol Jones");
        bot.connectThroughOwnLink(CAROL, SourceKind.SPOTIFY, "carol");
        String cancelled = invite("Erin Hale");
        bot.reply(ALICE, "cancel invite 1");
        forget(CAROL);
        assertThat(open(CAROL, used)).first().asString().as("forgotten with whoever used it").startsWith(UNKNOWN);
        assertThat(open(MALLORY, cancelled)).first().asString().startsWith("Alice Smith cancelled this invite.");

        forget(ALICE);
        assertThat(open(MALLORY, cancelled)).first().asString().as("forgotten with its sender").startsWith(UNKNOWN);
    }

    private void forget(ChatAddress person) {
        bot.reply(person, "forget_me");
        bot.say(person, "forget_me confirm");
    }

    private String invite(String name) {
        Matcher link = TELEGRAM_REF.matcher(bot.reply(ALICE, "send_song name:\"" + name + "\" " + LINK));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private List<String> open(ChatAddress person, String ref) {
        return bot.handle(new Inbound.OpenedLink(bot.nextEventId(), person, bot.clock.instant(), ref));
    }
}

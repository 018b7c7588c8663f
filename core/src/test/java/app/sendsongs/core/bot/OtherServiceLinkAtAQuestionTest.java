package app.sendsongs.core.bot;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A link to another music service pasted while the bot asks something: it is told the link can't be sent, then the
 * question again with its taps, still open, as for a photo it cannot read.
 */
class OtherServiceLinkAtAQuestionTest {
    private static final String LINK = FakeMusic.SONG.id().link();
    private static final String TITLE = FakeMusic.SONG.title();
    private static final String APPLE = "https://music.apple.com/us/album/x/1558533900?i=1558534271";
    private static final String NOT_SPOTIFY = "That link is to Apple Music, and I can only send songs from Spotify. "
            + "Find the song in Spotify, tap Share, then Copy link, and paste that here.";
    private BotHarness bot;

    @BeforeEach
    void friends() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
    }

    @Test
    void withNothingAskedItGetsTheMenuAndHelpTaps() {
        assertThat(bot.reply("alice", APPLE)).isEqualTo(NOT_SPOTIFY);
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Menu", "Help");
    }

    @Test
    void atWhoIsItForTheQuestionIsAskedAgainWithItsTaps() {
        bot.reply("alice", "send_song name:\"Bob Fisher\" " + FakeMusic.OTHER_SONG.id().link());
        bot.reply("alice", LINK);

        assertThat(bot.reply("alice", APPLE)).isEqualTo(NOT_SPOTIFY + " Who is " + TITLE + " for?");
        assertThat(last("alice").choices()).extracting(Choice::title).contains("Bob Fisher");
        assertThat(bot.reply("alice", "Bob Fisher")).isEqualTo("Send " + TITLE + " to Bob Fisher?");
    }

    @Test
    void atWhichPersonTheQuestionComesAgainAndItsNumberStillAnswersIt() {
        bot.advance(Duration.ofDays(1));
        bot.register("bob2", "bob fisher");
        String question = bot.reply("alice", "send_song name:\"Bob Fisher\" " + LINK);

        assertThat(bot.reply("alice", APPLE)).isEqualTo(NOT_SPOTIFY + "\n" + question);
        assertThat(last("alice").choices()).hasSize(3);
        assertThat(bot.reply("alice", "2")).startsWith("Sent " + TITLE + " to bob fisher (joined 2 May 2030).");
    }

    @Test
    void atWhichGroupTheQuestionComesAgainAndItsNumberStillAnswersIt() {
        bot.register("carol", "Carol King");
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Carol King\"");
        bot.advance(Duration.ofMinutes(1));
        bot.reply("bob", "create_group family");
        bot.reply("bob", "add_to_group family \"Carol King\"");
        String question = bot.reply("carol", "send_song group:Family " + LINK);
        assertThat(question).startsWith("You're in 2 groups called Family. Which one?");

        assertThat(bot.reply("carol", APPLE)).isEqualTo(NOT_SPOTIFY + "\n" + question);
        assertThat(last("carol").choices()).extracting(Choice::title).containsExactly("1. Alice Smith's",
                "2. Bob Fisher's", "Don't send");
        assertThat(bot.reply("carol", "2")).startsWith("Sent " + TITLE + " to family (Bob Fisher's)");
    }

    @Test
    void atForgetMesYesOrNoItsTapsComeAgainAndNothingIsDeleted() {
        bot.reply("alice", "forget_me");

        assertThat(bot.reply("alice", APPLE)).isEqualTo(NOT_SPOTIFY + " To answer, tap \"Yes, delete it all\" or "
                + "\"No, keep it\".");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Yes, delete it all",
                "No, keep it");
        assertThat(bot.stores.users().findUser(at("alice"))).isPresent();
    }

    @Test
    void atDeleteGroupsYesOrNoItsTapsComeAgainAndTheGroupStays() {
        bot.reply("alice", "create_group Family");
        bot.reply("alice", "add_to_group Family \"Bob Fisher\"");
        bot.reply("alice", "delete_group Family");

        assertThat(bot.reply("alice", APPLE)).isEqualTo(NOT_SPOTIFY + " To answer, tap \"Yes, delete it\" or "
                + "\"No, keep it\".");
        assertThat(last("alice").choices()).extracting(Choice::title).containsExactly("Yes, delete it",
                "No, keep it");
        assertThat(bot.reply("alice", "groups")).contains("Family");
    }

    @Test
    void onceWhoItIsForIsKnownTheLinkIsStillTheNote() {
        bot.reply("alice", LINK);
        bot.reply("alice", "Bob Fisher");

        assertThat(bot.reply("alice", APPLE)).startsWith("Noted. Send " + TITLE + " to Bob Fisher?");
    }

    private Message last(String psid) {
        return bot.chat.messages(psid).getLast();
    }
}

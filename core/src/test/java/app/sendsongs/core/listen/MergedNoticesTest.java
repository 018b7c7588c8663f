package app.sendsongs.core.listen;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one check settles is told in one message per person, not one per song. */
class MergedNoticesTest {
    private static final String ONE = FakeMusic.SONG.title();
    private static final String TWO = FakeMusic.OTHER_SONG.title();
    private BotHarness bot;

    @BeforeEach
    void twoSongsFromAliceToBob() {
        bot = new BotHarness();
        bot.register("alice", "Alice Smith");
        bot.register("bob", "Bob Fisher");
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"first\" " + FakeMusic.SONG.id().link());
        bot.reply("alice", "send_song name:\"Bob Fisher\" post:\"second\" " + FakeMusic.OTHER_SONG.id().link());
    }

    @Test
    void twoPlaysFoundInOneCheckAreOneNoticeAndTheNotesOneMessage() {
        int aliceBefore = bot.inbox("alice").size();
        int bobBefore = bot.inbox("bob").size();
        bot.advance(Duration.ofMinutes(1));
        bot.play("bob", FakeMusic.SONG);
        bot.advance(Duration.ofMinutes(1));
        bot.play("bob", FakeMusic.OTHER_SONG);

        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.inbox("alice").subList(aliceBefore, bot.inbox("alice").size())).containsExactly(
                "🎧 Bob Fisher listened to 2 of your songs:\n• " + ONE + " (6 min ago)\n• " + TWO
                        + " (5 min ago)");
        assertThat(bot.inbox("bob").subList(bobBefore, bot.inbox("bob").size())).containsExactly(
                "Alice Smith's notes on the songs you played:\n• " + ONE + ": “first”\n• " + TWO + ": “second”");
    }

    @Test
    void twoSongsExpiringTogetherAreOneNotice() {
        int aliceBefore = bot.inbox("alice").size();

        bot.advance(BotHarness.WATCH_ENDS);

        assertThat(bot.inbox("alice").subList(aliceBefore, bot.inbox("alice").size())).containsExactly(
                "These songs sent to Bob Fisher were not played within 7 days, so I've stopped watching:\n• " + ONE + "\n• " + TWO);
    }
}

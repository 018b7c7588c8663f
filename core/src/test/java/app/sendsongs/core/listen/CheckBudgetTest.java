package app.sendsongs.core.listen;

import static app.sendsongs.core.fakes.BotHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.fakes.BotHarness;
import app.sendsongs.core.fakes.FakeMusic;
import app.sendsongs.core.watch.CheckBudget;
import app.sendsongs.core.watch.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tick starts listen checks only while its budget lasts: with a source that hangs, the checks it claimed but did not
 * start are let go, due again at once rather than when their lease ends.
 */
class CheckBudgetTest {
    private static final List<String> RECEIVERS = List.of("bob", "carol", "dave", "erin", "frank");
    /** A read that waits out the source's request timeout. */
    private static final Duration HANGING_READ = Duration.ofSeconds(10);
    private final BotHarness bot = new BotHarness();

    @BeforeEach
    void aliceSendsEachReceiverASong() {
        bot.register("alice", "Alice Smith");
        for (String receiver : RECEIVERS) {
            bot.register(receiver, receiver);
            bot.reply("alice", "send_song name:\"" + receiver + "\" " + FakeMusic.SONG.id().link());
        }
        bot.clock.advance(Duration.ofMinutes(30)); // every receiver's first check is due
    }

    @Test
    void aTickStopsStartingChecksWhenItsBudgetIsSpentAndTheRestAreDueAgainAtOnce() {
        bot.music.readsTake(HANGING_READ);
        Instant start = bot.clock.instant();

        int ran = bot.app.tick(CheckBudget.until(start.plusSeconds(25), bot.clock));

        assertThat(ran).as("checks started at 0, 10 and 20 s; none at 30 s").isEqualTo(3);
        assertThat(bot.clock.instant()).isEqualTo(start.plusSeconds(30));
        List<String> unchecked = RECEIVERS.stream().filter(r -> bot.music.readsOf(at(r)).isEmpty()).toList();
        assertThat(unchecked).hasSize(2);
        for (String receiver : unchecked) {
            Watch watch = bot.stores.watches().findWatch(at(receiver)).orElseThrow();
            assertThat(watch.dueAt()).as("%s's check, claimed and not started", receiver).isBeforeOrEqualTo(start);
        }
        bot.music.readsTake(Duration.ZERO);
        assertThat(bot.app.tick(CheckBudget.UNLIMITED)).as("the next tick runs them at once").isEqualTo(2);
    }

    @Test
    void aTickWhoseBudgetIsSpentBeforeItsChecksClaimsNone() {
        Instant start = bot.clock.instant();

        assertThat(bot.app.tick(CheckBudget.until(start, bot.clock))).isZero();

        for (String receiver : RECEIVERS) {
            assertThat(bot.stores.watches().findWatch(at(receiver)).orElseThrow().dueAt()).isBeforeOrEqualTo(start);
        }
    }
}

package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.watch.CheckBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TickLoopTest {
    @Test
    void closingWaitsForTheTickInProgressToEnd() throws Exception {
        CountDownLatch ticking = new CountDownLatch(1);
        AtomicBoolean tickEnded = new AtomicBoolean();
        TickLoop loop = new TickLoop(() -> {
            ticking.countDown();
            long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // work that does not stop when interrupted, as a store write
            }
            tickEnded.set(true);
        }, Duration.ofMillis(1));
        assertThat(ticking.await(10, TimeUnit.SECONDS)).isTrue();

        loop.close();

        assertThat(tickEnded).isTrue();
    }

    /** A listening source that hangs cannot keep the loop, and the retries of held messages it runs, for minutes. */
    @Test
    void aTickStartsListenChecksDuringItsFirstThirtySecondsOnly() {
        ManualClock time = new ManualClock(Instant.parse("2030-05-01T12:00:00Z"));
        CheckBudget budget = BotServer.DueWork.checkBudget(time);

        time.advance(Duration.ofSeconds(29));
        assertThat(budget.allowsAnotherCheck()).isTrue();
        time.advance(Duration.ofSeconds(1));
        assertThat(budget.allowsAnotherCheck()).isFalse();
    }
}

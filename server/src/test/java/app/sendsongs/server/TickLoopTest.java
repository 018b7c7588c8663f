package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.watch.CheckBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
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

    /** A thread that ends its last task can still be alive for a moment after its executor says it terminated. */
    @Test
    void closingReturnsOnceTheTickThreadHasEnded() {
        for (int i = 0; i < 200; i++) {
            Set<Thread> before = tickThreads();
            TickLoop loop = new TickLoop(() -> { }, Duration.ofMillis(1));

            loop.close();

            assertThat(tickThreads()).as("close %d", i).isSubsetOf(before);
        }
    }

    private static Set<Thread> tickThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("tick"))
                .collect(Collectors.toSet());
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

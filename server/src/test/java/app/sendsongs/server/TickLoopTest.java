package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}

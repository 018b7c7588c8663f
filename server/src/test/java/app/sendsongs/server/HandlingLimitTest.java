package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HandlingLimitTest {
    private static final Duration SLOW = Duration.ofMillis(10);
    private static final long STEP = HandlingLimit.STEP.toNanos();

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final HandlingLimit limit = new HandlingLimit(4, 128, SLOW, now::get);

    @Test
    void everyWorkerMayHandleWhileAcknowledgementsAreQuick() {
        limit.acknowledged(SLOW.toNanos());
        now.addAndGet(10 * STEP);
        limit.acknowledged(Duration.ofMillis(1).toNanos());

        assertThat(limit.limit()).isEqualTo(128);
    }

    @Test
    void slowAcknowledgementsCutTheLimitByAQuarterAtMostOncePerStepDownToTheLeast() {
        now.addAndGet(STEP);
        limit.acknowledged(SLOW.toNanos() + 1);
        limit.acknowledged(Duration.ofSeconds(1).toNanos()); // within the same step: no second cut
        assertThat(limit.limit()).isEqualTo(96);

        for (int i = 0; i < 30; i++) {
            now.addAndGet(STEP);
            limit.acknowledged(Duration.ofMillis(50).toNanos());
        }

        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void eachQuietStepAddsOneWorkerBackUpToTheMost() {
        for (int i = 0; i < 30; i++) {
            now.addAndGet(STEP);
            limit.acknowledged(Duration.ofMillis(50).toNanos());
        }
        assertThat(limit.limit()).isEqualTo(4);

        now.addAndGet(STEP - 1);
        assertThat(limit.limit()).isEqualTo(4);
        now.addAndGet(1);
        assertThat(limit.limit()).isEqualTo(5);
        now.addAndGet(3 * STEP);
        assertThat(limit.limit()).isEqualTo(8);
        now.addAndGet(1_000 * STEP);
        assertThat(limit.limit()).isEqualTo(128);
    }

    @Test
    void aWorkerOverTheLimitWaitsUntilAnotherLeaves() throws Exception {
        HandlingLimit one = new HandlingLimit(1, 1, SLOW, now::get);
        one.enter();
        CountDownLatch entered = new CountDownLatch(1);
        Thread second = handlesOnce(one, entered);

        assertThat(entered.await(300, TimeUnit.MILLISECONDS)).isFalse();
        one.leave();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        second.join();
    }

    @Test
    void theLeastMayNotExceedTheMost() {
        assertThatThrownBy(() -> new HandlingLimit(8, 4, SLOW, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HandlingLimit(0, 4, SLOW, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWorkerSleepingForAChatsSlotLetsAnotherHandleMeanwhile() throws Exception {
        HandlingLimit one = new HandlingLimit(1, 1, SLOW, now::get);
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch otherHandled = new CountDownLatch(1);
        Thread paced = Thread.ofVirtual().start(() -> {
            try {
                one.enter();
                sleeping.countDown();
                one.sleep(Duration.ofMillis(500));
                one.leave();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sleeping.await();
        Thread other = handlesOnce(one, otherHandled);

        assertThat(otherHandled.await(400, TimeUnit.MILLISECONDS)).isTrue();
        paced.join();
        other.join();
        one.enter(); // the count came back to zero: one worker may handle again
        one.leave();
    }

    @Test
    void aThreadThatIsNotHandlingJustSleeps() throws Exception {
        HandlingLimit one = new HandlingLimit(1, 1, SLOW, now::get);
        one.sleep(Duration.ofMillis(1));
        one.enter();
        one.leave();
    }

    /** A worker that enters, says so, and leaves at once. */
    private static Thread handlesOnce(HandlingLimit limit, CountDownLatch entered) {
        return Thread.ofVirtual().start(() -> {
            try {
                limit.enter();
                entered.countDown();
                limit.leave();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}

package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboundBatch;
import app.sendsongs.core.chat.Inbox;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

        cutToTheLeast();

        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void eachQuietStepAddsOneWorkerBackUpToTheMost() {
        cutToTheLeast();
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
    void slowEchoesCutTheLimitWhilePeopleWrite() {
        now.addAndGet(STEP);
        limit.acknowledged(Duration.ofMillis(1).toNanos());
        now.addAndGet(HandlingLimit.PEOPLE_PAUSE.toNanos() - 1);

        limit.echoesAcknowledged(SLOW.toNanos() + 1);

        assertThat(limit.limit()).isEqualTo(96);
    }

    @Test
    void slowEchoesAloneDoNotCutTheLimitOnceNobodyWrites() {
        cutToTheLeast();
        now.addAndGet(HandlingLimit.PEOPLE_PAUSE.toNanos());

        for (int i = 0; i < 30; i++) {
            limit.echoesAcknowledged(Duration.ofMillis(50).toNanos());
            now.addAndGet(STEP);
        }

        assertThat(limit.limit()).isEqualTo(4 + 10 + 30); // the pause's 10 quiet steps and 30 more, none cut
    }

    @Test
    void whenPeopleWriteAgainAfterABusyPauseTheLimitStartsFromWhereTheyLeftIt() {
        cutToTheLeast();
        assertThat(limit.limit()).isEqualTo(4);
        now.addAndGet(20 * STEP); // nobody writes: 20 quiet steps raise it
        limit.echoesAcknowledged(Duration.ofMillis(50).toNanos()); // slow, and not counted
        assertThat(limit.limit()).isEqualTo(24);

        limit.acknowledged(Duration.ofMillis(1).toNanos());

        assertThat(limit.limit()).isEqualTo(4);
        now.addAndGet(STEP);
        assertThat(limit.limit()).isEqualTo(5); // and rises again from there while acknowledgements stay quick
    }

    @Test
    void whatTheLimitGainedWhilePeopleWroteQuicklyOutlastsABusyPause() {
        cutToTheLeast();
        for (int i = 0; i < 20; i++) { // quick calls every half step: 10 quiet steps
            now.addAndGet(STEP / 2);
            limit.acknowledged(Duration.ofMillis(1).toNanos());
        }
        assertThat(limit.limit()).isEqualTo(14);
        now.addAndGet(20 * STEP);
        limit.echoesAcknowledged(Duration.ofMillis(50).toNanos());

        limit.acknowledged(Duration.ofMillis(1).toNanos());

        assertThat(limit.limit()).isBetween(13, 14); // noted at most a step before people stopped
    }

    @Test
    void aLimitThatReachedTheMostInABusyPauseStillGoesBackWhenPeopleWriteQuickly() {
        cutToTheLeast();
        now.addAndGet(200 * STEP); // long enough to reach every worker
        limit.echoesAcknowledged(Duration.ofMillis(50).toNanos());
        assertThat(limit.limit()).isEqualTo(128);
        now.addAndGet(10 * STEP); // and to stay there a while

        limit.acknowledged(Duration.ofMillis(1).toNanos());

        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void aPauseWithoutSlowEchoesKeepsWhatItAdded() {
        cutToTheLeast();
        now.addAndGet(20 * STEP);
        limit.echoesAcknowledged(Duration.ofMillis(1).toNanos());

        limit.acknowledged(Duration.ofMillis(1).toNanos());

        assertThat(limit.limit()).isEqualTo(24);
    }

    @Test
    void theWebhookTellsTheLimitWhichCallsCarriedOnlyEchoes() {
        Inbox slow = batch -> {
            try {
                Thread.sleep(SLOW.toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Inbox.Intake.KEPT;
        };
        Inbox timed = BotServer.timed(slow, limit);
        now.addAndGet(STEP);

        timed.accept(InboundBatch.of(List.of(new Inbound.Text("m1", ChatAddress.messenger("p1"), Instant.EPOCH,
                "help"))));
        assertThat(limit.limit()).isEqualTo(96);
        now.addAndGet(HandlingLimit.PEOPLE_PAUSE.toNanos());
        timed.accept(new InboundBatch(List.of(), List.of("echoed-1")));

        assertThat(limit.limit()).isEqualTo(96 + 10); // the pause's quiet steps; the slow echoes cut nothing
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
                one.sleep(Duration.ofMinutes(1)); // woken by the test once the other has handled
            } catch (InterruptedException woken) {
                // counted again all the same, as after a whole sleep
            }
            one.leave();
        });
        sleeping.await();
        Thread other = handlesOnce(one, otherHandled);

        assertThat(otherHandled.await(10, TimeUnit.SECONDS)).as("handled while the first sleeps").isTrue();
        paced.interrupt();
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

    /** Thirty steps, each with a slow call from people: the limit falls to its least, 4. */
    private void cutToTheLeast() {
        for (int i = 0; i < 30; i++) {
            now.addAndGet(STEP);
            limit.acknowledged(Duration.ofMillis(50).toNanos());
        }
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

package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The workers keep taking work while there is some, wait to be woken when there is none, survive a failing
 * store, and on close finish what they can still take.
 */
class InboxWorkersTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The worker that looks again by itself: the first one started. */
    private static final String WATCHMAN = "inbox-worker-0";

    /** A stand-in inbox: a queue of people's batches; a step takes one and reports its size. */
    private final ConcurrentLinkedQueue<Integer> batches = new ConcurrentLinkedQueue<>();
    private final AtomicInteger handled = new AtomicInteger();

    private int step() {
        Integer batch = batches.poll();
        return batch == null ? 0 : batch;
    }

    @Test
    void whatWaitsAtStartIsHandledAndWhatIsKeptLaterOnceTheWorkersAreWoken() {
        batches.add(3);
        batches.add(2);
        InboxWorkers workers = new InboxWorkers(this::step, handled::addAndGet, () -> !batches.isEmpty(), 4, unlimited(4));
        assertThat(workers.awaitIdle(WAIT)).isTrue();
        assertThat(handled).hasValue(5);

        batches.add(7);
        workers.wake(7);

        assertThat(workers.awaitIdle(WAIT)).isTrue();
        assertThat(handled).hasValue(12);
        workers.close(WAIT);
    }

    @Test
    void aWorkerLooksAgainByItselfWhenNobodyWakesIt() throws Exception {
        InboxWorkers workers = new InboxWorkers(this::step, handled::addAndGet, () -> !batches.isEmpty(), 1, unlimited(1));
        workers.awaitIdle(WAIT);

        batches.add(1); // kept by another server: nobody wakes this one

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (handled.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(handled).hasValue(1);
        workers.close(WAIT);
    }

    @Test
    void aServerStartsWithOneLookHoweverManyWorkersItHas() throws Exception {
        Map<String, AtomicInteger> looks = new ConcurrentHashMap<>(); // by worker
        InboxWorkers workers = idleWorkersCountingLooks(256, looks); // a server on Telegram's
        Thread.sleep(300); // time for the other workers to look, if they did

        assertThat(looks).as("only the watchman looks as the server starts").containsOnlyKeys(WATCHMAN);
        workers.close(WAIT);
    }

    @Test
    void anIdleServerLooksByItselfOnceASecondHoweverManyWorkersItHas() throws Exception {
        Map<String, AtomicInteger> looks = new ConcurrentHashMap<>(); // by worker
        InboxWorkers workers = idleWorkersCountingLooks(16, looks);
        int watchmanAtStart = looks.get(WATCHMAN).get();
        long watched = System.nanoTime();

        Thread.sleep(2_500);

        int watchmanLooks = looks.get(WATCHMAN).get() - watchmanAtStart;
        long seconds = Duration.ofNanos(System.nanoTime() - watched).toSeconds();
        assertThat(handled).hasValue(0);
        assertThat(looks).as("only the watchman").containsOnlyKeys(WATCHMAN);
        assertThat(watchmanLooks).as("once a second (each worker would: 32)").isBetween(1, (int) seconds + 2);
        workers.close(WAIT);
    }

    @Test
    void whatTheWatchmanFindsByItselfIsTakenByEveryWorker() throws Exception {
        CountDownLatch allIn = new CountDownLatch(4);
        AtomicBoolean firstFound = new AtomicBoolean();
        Set<String> lookedAndFoundNothing = ConcurrentHashMap.newKeySet();
        InboxWorkers workers = new InboxWorkers(() -> {
            Integer batch = batches.poll();
            if (batch == null) {
                lookedAndFoundNothing.add(Thread.currentThread().getName());
                return 0;
            }
            if (firstFound.compareAndSet(false, true)) {
                return batch;
            }
            allIn.countDown();
            awaitQuietly(allIn); // each of the four people after the first holds its worker until four are held
            return batch;
        }, handled::addAndGet, () -> !batches.isEmpty(), 4, unlimited(4));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (lookedAndFoundNothing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the watchman has made its first look, and every worker waits
        }

        for (int i = 0; i < 5; i++) {
            batches.add(1); // kept by another server, or left by a worker that died: nobody wakes the workers
        }

        assertThat(allIn.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("four workers at once").isTrue();
        assertThat(workers.awaitIdle(WAIT)).isTrue();
        assertThat(handled).hasValue(5);
        workers.close(WAIT);
    }

    @Test
    void aFailingStepDoesNotStopTheWorker() {
        AtomicInteger calls = new AtomicInteger();
        InboxWorkers workers = new InboxWorkers(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the store is unreachable");
            }
            return step();
        }, handled::addAndGet, () -> !batches.isEmpty(), 1, unlimited(1));
        batches.add(2);

        workers.wake(2);

        assertThat(workers.awaitIdle(WAIT)).isTrue();
        assertThat(handled).hasValue(2);
        workers.close(WAIT);
    }

    @Test
    void closingFinishesWhatTheWorkersCanStillTakeThenStops() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InboxWorkers workers = new InboxWorkers(() -> {
            Integer batch = batches.poll();
            if (batch == null) {
                return 0;
            }
            inStep.countDown();
            awaitQuietly(release);
            return batch;
        }, handled::addAndGet, () -> !batches.isEmpty(), 2, unlimited(2));
        for (int i = 0; i < 10; i++) {
            batches.add(1);
        }
        workers.wake(10);
        assertThat(inStep.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        Thread closing = Thread.ofVirtual().start(() -> workers.close(WAIT));
        release.countDown();
        closing.join(WAIT);

        assertThat(closing.isAlive()).isFalse();
        assertThat(handled).hasValue(10);
        assertThat(batches).isEmpty();
    }

    @Test
    void closingLetsTheIdleWorkersLeaveWithoutLooking() throws Exception {
        Map<String, AtomicInteger> looks = new ConcurrentHashMap<>(); // by worker
        InboxWorkers workers = idleWorkersCountingLooks(256, looks); // a server on Telegram's
        assertThat(workers.awaitIdle(WAIT)).isTrue();
        Map<String, Integer> before = new HashMap<>();
        looks.forEach((worker, looked) -> before.put(worker, looked.get()));

        workers.close(WAIT);

        assertThat(looks).as("only the watchman looked, and while stopping at most its look of every second")
                .containsOnlyKeys(WATCHMAN);
        assertThat(looks.get(WATCHMAN).get() - before.get(WATCHMAN)).isLessThanOrEqualTo(1);
    }

    @Test
    void eventsKeptJustBeforeClosingAreTakenByTheWorkersTheyWoke() {
        InboxWorkers workers = new InboxWorkers(this::step, handled::addAndGet, () -> !batches.isEmpty(), 8,
                unlimited(8));
        assertThat(workers.awaitIdle(WAIT)).isTrue();
        batches.add(2);
        batches.add(1);
        batches.add(4);

        workers.wake(3);
        workers.close(WAIT);

        assertThat(handled).hasValue(7);
        assertThat(batches).isEmpty();
    }

    @Test
    void aWorkerThatTakesAnEventWhileAwaitIdleLooksAtTheInboxIsSeenBusy() throws Exception {
        AtomicBoolean mayTake = new AtomicBoolean();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch counted = new CountDownLatch(1);
        AtomicReference<InboxWorkers> started = new AtomicReference<>();
        Thread awaiting = Thread.currentThread();
        BooleanSupplier waiting = () -> {
            if (Thread.currentThread() == awaiting && mayTake.compareAndSet(false, true)) {
                // The worker takes the event between awaitIdle's look at the inbox and its look at the workers.
                started.get().wake(1);
                awaitQuietly(taken);
            }
            return !batches.isEmpty();
        };
        InboxWorkers workers = new InboxWorkers(() -> {
            if (!mayTake.get()) {
                return 0;
            }
            int batch = step();
            if (batch > 0) {
                taken.countDown();
                awaitQuietly(counted, Duration.ofMillis(300)); // still handling it when awaitIdle looks again
            }
            return batch;
        }, handled::addAndGet, waiting, 1, unlimited(1));
        started.set(workers);
        batches.add(1);

        try {
            assertThat(workers.awaitIdle(WAIT)).isTrue();
            assertThat(handled).as("handled by the time awaitIdle returns").hasValue(1);
        } finally {
            counted.countDown();
            workers.close(WAIT);
        }
    }

    @Test
    void awaitIdleSaysSoWhileEventsWait() {
        InboxWorkers workers = new InboxWorkers(() -> 0, handled::addAndGet, () -> true, 1, unlimited(1));

        assertThat(workers.awaitIdle(Duration.ofMillis(50))).isFalse();
        workers.close(WAIT);
    }

    @Test
    void noMoreWorkersHandleAtOnceThanTheLimitAllows() throws Exception {
        AtomicLong now = new AtomicLong(); // stands still: the limit is not raised again meanwhile
        HandlingLimit limit = new HandlingLimit(2, 8, Duration.ofMillis(10), now::get);
        now.addAndGet(HandlingLimit.STEP.toNanos());
        limit.acknowledged(Duration.ofSeconds(1).toNanos()); // slow: 8 -> 6
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        for (int i = 0; i < 40; i++) {
            batches.add(1);
        }
        InboxWorkers workers = new InboxWorkers(() -> {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
                return step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } finally {
                atOnce.decrementAndGet();
            }
        }, handled::addAndGet, () -> !batches.isEmpty(), 8, limit);

        workers.wake(40);

        assertThat(workers.awaitIdle(WAIT)).isTrue();
        assertThat(handled).hasValue(40);
        assertThat(mostAtOnce.get()).isBetween(2, 6);
        workers.close(WAIT);
    }

    /** Waits for the latch (at most {@link #WAIT}) inside a worker's step, which cannot throw. */
    /** {@code count} workers with nothing to take, counting each one's looks in {@code looks}, once one looked. */
    private InboxWorkers idleWorkersCountingLooks(int count, Map<String, AtomicInteger> looks)
            throws InterruptedException {
        InboxWorkers workers = new InboxWorkers(() -> {
            looks.computeIfAbsent(Thread.currentThread().getName(), name -> new AtomicInteger()).incrementAndGet();
            return 0;
        }, handled::addAndGet, () -> false, count, unlimited(count));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (looks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return workers;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        awaitQuietly(latch, WAIT);
    }

    private static void awaitQuietly(CountDownLatch latch, Duration most) {
        try {
            latch.await(most.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HandlingLimit unlimited(int workers) {
        return new HandlingLimit(workers, workers, Duration.ofSeconds(1), System::nanoTime);
    }
}

package app.sendsongs.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers that handle what the webhook kept in the store's inbox: each takes one person's waiting
 * events at a time (a claim with a lease, so a person is handled by one worker, in order) and hands them
 * to the bot, until nothing is left to claim; then it waits to be woken by the intake. One of them, the
 * watchman, also looks again by itself after a second (for events another server kept, or a claim whose worker
 * died and whose lease ended) and wakes the others when it finds some: an idle server makes one claim a second,
 * however many workers it has (256 with Telegram, where each may wait for its chat's pace).
 *
 * <p>The workers are virtual threads: while one waits on Messenger, Spotify or the database it holds no
 * OS thread, so many can wait at once, yet no more run on the CPU at once than there are cores. Platform
 * threads, busy with the in-process emulators' round trips, used to crowd the webhook's request threads
 * off the 2 cores and delay its acknowledgements.
 *
 * <p>How many of them handle at once is the {@link HandlingLimit}'s: fewer while the webhook's acknowledgements
 * are slow.
 *
 * <p>{@link #close} lets the workers handle what they can still claim (up to a timeout), as a clean stop
 * should: a busy worker goes on until it finds nothing more, and those woken for events kept before the stop look for
 * them; the idle ones leave without looking. What is left stays in the inbox and is handled after the restart.
 */
final class InboxWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);
    /** How long the idle watchman waits before looking again by itself. */
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final IntSupplier step;
    private final HandlingLimit limit;
    private final IntConsumer handled;
    private final BooleanSupplier waiting;
    private final Semaphore wakeUps = new Semaphore(0);
    /**
     * The wake-ups {@link #wake} gave that no worker has taken yet. The stop wakes every worker as well, and those it
     * woke with nothing owed leave without looking: with Telegram's 256 workers, one look each made every stop 256
     * looks long (on DynamoDB a query of each shard of the due index per look).
     */
    private final AtomicInteger looksOwed = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    /** How many workers there are; set before they start, so that a worker can read it while the list fills. */
    private final int count;
    private volatile boolean stopping;

    /**
     * Starts the workers; the watchman looks for work at once, and wakes the others if it finds some.
     *
     * @param step    one worker's step: claims a person and handles their events; how many left the inbox
     * @param handled told how many events left the inbox (the intake's count of what waits)
     * @param waiting whether any event waits in the inbox (claimed or not)
     * @param limit   how many of the workers may handle at once
     */
    InboxWorkers(IntSupplier step, IntConsumer handled, BooleanSupplier waiting, int count, HandlingLimit limit) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one worker is needed");
        }
        this.step = step;
        this.limit = limit;
        this.handled = handled;
        this.waiting = waiting;
        this.count = count;
        for (int i = 0; i < count; i++) {
            boolean watchman = i == 0;
            workers.add(Thread.ofVirtual().name("inbox-worker-" + i).start(() -> work(watchman)));
        }
    }

    /** {@code events} new events were kept: wakes as many idle workers (at most all of them). */
    void wake(int events) {
        int room = count - wakeUps.availablePermits();
        if (room > 0) {
            int woken = Math.min(events, room);
            looksOwed.addAndGet(woken);
            wakeUps.release(woken);
        }
    }

    private void work(boolean watchman) {
        try {
            // Only the watchman looks as the server starts, by itself; if it finds events (kept before a restart, or
            // by another server) it wakes the others. 256 first looks (Telegram's) cost 1,024 queries on DynamoDB.
            boolean lookingByItself = watchman;
            boolean look = watchman;
            while (true) {
                if (look) {
                    int done = stepSafely();
                    if (done > 0) {
                        if (lookingByItself) {
                            // Found without a wake-up: more may wait the same way.
                            wake(count);
                            lookingByItself = false;
                        }
                        continue;
                    }
                    if (stopping) {
                        return;
                    }
                }
                look = true;
                boolean woken = awaitWakeUp(watchman) && takeOwedLook();
                if (stopping && !woken) {
                    return; // woken by the stop, with nothing kept for it to look for
                }
                lookingByItself = watchman && !woken;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits to be woken (the watchman at most {@link #IDLE_POLL}); false when it was not. */
    private boolean awaitWakeUp(boolean watchman) throws InterruptedException {
        if (watchman) {
            return wakeUps.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
        wakeUps.acquire();
        return true;
    }

    /** Takes one of the looks {@link #wake} owes; false when none is owed (the wake-up was the stop's). */
    private boolean takeOwedLook() {
        return looksOwed.getAndUpdate(owed -> Math.max(0, owed - 1)) > 0;
    }

    private int stepSafely() throws InterruptedException {
        limit.enter();
        busy.incrementAndGet();
        try {
            int done = step.getAsInt();
            if (done > 0) {
                handled.accept(done); // while still busy, so awaitIdle sees the count with the inbox
            }
            return done;
        } catch (RuntimeException e) {
            // The store failed (the events stay in the inbox); look again after a pause.
            LOG.error("taking events from the inbox failed", e);
            return 0;
        } finally {
            busy.decrementAndGet();
            limit.leave();
        }
    }

    /**
     * Waits until no event waits in the inbox and no worker is busy, up to {@code timeout}; false if there
     * still was work then. The sandbox's clock waits for this before it jumps.
     *
     * <p>It looks at the inbox before the workers: an event leaves the inbox only in a busy worker's step, so one
     * that left it before the look is counted by the time no worker is busy. Looking at the workers first, a worker
     * could take the last event between the two looks and still be handling it when this returned.
     */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting.getAsBoolean() || busy.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Lets the workers handle what they can still claim, then stops them (waiting for them at most
     * {@code timeout}); what is left waits in the inbox for the next start.
     */
    void close(Duration timeout) {
        stopping = true;
        wakeUps.release(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        if (waiting.getAsBoolean()) {
            LOG.info("stopped with events still waiting in the inbox: they are handled after the next start");
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}

package app.sendsongs.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * How many inbox workers may handle events at once: all of them while the webhook's acknowledgements are quick,
 * fewer while they are slow. Acknowledging comes first: Messenger gives a webhook call 20 seconds and Telegram
 * redelivers an update it got no answer to, while what was acknowledged is kept and can be handled a little later.
 *
 * <p>Why it is needed: the webhook's requests and the workers are all virtual threads, run in turn on as many
 * carrier threads as there are cores. When handling keeps the CPU busy (a burst of messages, or the emulators
 * in the same process), an acknowledgement waits in line behind every runnable worker: with 128 workers the
 * load test's acknowledgements took half a second at the 99th percentile, with 4 they took 20 ms, and the
 * messages handled per second were the same. When handling waits on the network instead, acknowledgements stay
 * quick and every worker may run.
 *
 * <p>The rule is additive increase, multiplicative decrease, on the time each webhook call waited to be kept:
 * a call slower than {@link #slowAcknowledgement} cuts the limit by a quarter (at most once per
 * {@link #STEP}, down to {@code least}); each {@link #STEP} without a slow call raises it by one, up to
 * {@code most}. A worker over the limit finishes the person it holds and waits before it claims the next.
 *
 * <p>What counts is the wait of people: a call that carries only echoes of the bot's own messages counts while
 * people write (it waits in the same line as theirs, so it too says the machine is busy), and not once they have
 * been quiet for {@link #PEOPLE_PAUSE}. Then nobody waits on an answer (the platform gives such a call 20 seconds),
 * so the workers may take all the CPU to handle what was kept (in the load test, a quarter more songs a second).
 * When people write again after a pause in which slow echoes went uncounted, the limit
 * starts from where it was when they last wrote, not from where the pause raised it, so their first calls do not
 * wait behind every worker; after a pause in which the machine was not busy, it keeps what the pause added.
 */
final class HandlingLimit {
    /** How often the limit may change. */
    static final Duration STEP = Duration.ofMillis(100);
    /** After this long without a call from people, calls of echoes alone no longer count. */
    static final Duration PEOPLE_PAUSE = Duration.ofSeconds(1);

    private final int least;
    private final int most;
    private final long slowAcknowledgement;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    /** Whether this thread is a worker counted as handling. */
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);
    private int limit;
    private int handling;
    private long lastChange;
    private long lastSlow;
    /** When a call that carried what people did was last kept. */
    private volatile long lastFromPeople;
    /** The limit while people last wrote, and when it was noted (at most once a step for quick calls). */
    private int limitWhenPeopleWrote;
    private volatile long limitNotedAt;
    /** Whether a slow call of echoes went uncounted since people last wrote. */
    private volatile boolean slowEchoesUncounted;

    /**
     * @param least                the fewest workers allowed to handle at once, however slow acknowledgements are
     * @param most                 the most (every worker)
     * @param slowAcknowledgement  a webhook call kept slower than this is slow
     * @param nanoTime             the monotonic clock ({@link System#nanoTime} outside tests)
     */
    HandlingLimit(int least, int most, Duration slowAcknowledgement, LongSupplier nanoTime) {
        if (least < 1 || most < least) {
            throw new IllegalArgumentException("need 1 <= least <= most, got " + least + " and " + most);
        }
        this.least = least;
        this.most = most;
        this.slowAcknowledgement = slowAcknowledgement.toNanos();
        this.nanoTime = nanoTime;
        this.limit = most;
        this.lastChange = nanoTime.getAsLong();
        this.lastSlow = lastChange - STEP.toNanos();
        this.lastFromPeople = lastChange - PEOPLE_PAUSE.toNanos();
        this.limitWhenPeopleWrote = most;
        this.limitNotedAt = lastChange - STEP.toNanos();
    }

    /** Waits until one more worker may handle, then counts it; {@link #leave} when it is done. */
    void enter() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        enterUninterruptibly();
    }

    /** As {@link #enter}; an interrupt while it waits is kept for the thread's next wait. */
    private void enterUninterruptibly() {
        boolean interrupted = false;
        lock.lock();
        try {
            raiseIfQuiet();
            while (handling >= limit) {
                try {
                    room.await(STEP.toMillis(), TimeUnit.MILLISECONDS); // the limit may rise with time alone
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                raiseIfQuiet();
            }
            handling++;
            inside.set(true);
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void leave() {
        lock.lock();
        try {
            handling--;
            inside.set(false);
            room.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sleeps (for a chat's next slot, say); a worker that handles is not counted meanwhile, since it uses no CPU,
     * and waits for room again when it wakes.
     */
    void sleep(Duration duration) throws InterruptedException {
        if (!inside.get()) {
            Thread.sleep(duration);
            return;
        }
        leave();
        try {
            Thread.sleep(duration);
        } finally {
            enterUninterruptibly(); // counted again before the step goes on, as its end expects
        }
    }

    /** Every worker. */
    int most() {
        return most;
    }

    /**
     * A webhook call that carried what people did was kept (or refused) after waiting {@code nanos}. A quick one
     * takes no lock unless a step has passed since the limit was last noted: the limit changes once a step at most.
     */
    void acknowledged(long nanos) {
        long now = nanoTime.getAsLong();
        if (nanos <= slowAcknowledgement && !slowEchoesUncounted && now - limitNotedAt < STEP.toNanos()) {
            lastFromPeople = now;
            return;
        }
        lock.lock();
        try {
            if (slowEchoesUncounted) {
                raiseIfQuiet();
                limit = Math.min(limit, limitWhenPeopleWrote);
                lastChange = now; // quiet steps count again from here, not from when the pause began
                slowEchoesUncounted = false;
            }
            lastFromPeople = now;
            cutIfSlow(nanos, now);
            raiseIfQuiet();
            limitWhenPeopleWrote = limit;
            limitNotedAt = now;
        } finally {
            lock.unlock();
        }
    }

    /** A webhook call that carried only echoes of the bot's messages was kept after waiting {@code nanos}. */
    void echoesAcknowledged(long nanos) {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            if (now - lastFromPeople < PEOPLE_PAUSE.toNanos()) {
                cutIfSlow(nanos, now);
            } else if (nanos > slowAcknowledgement) {
                slowEchoesUncounted = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: a call slower than the threshold cuts the limit by a quarter, at most once a step. */
    private void cutIfSlow(long nanos, long now) {
        if (nanos <= slowAcknowledgement) {
            return;
        }
        lastSlow = now;
        if (now - lastChange >= STEP.toNanos() && limit > least) {
            limit = Math.max(least, limit - Math.max(1, limit / 4));
            lastChange = now;
        }
    }

    /** The workers allowed to handle at once now. */
    int limit() {
        lock.lock();
        try {
            raiseIfQuiet();
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: one more worker for each step without a slow acknowledgement since the last change. */
    private void raiseIfQuiet() {
        long now = nanoTime.getAsLong();
        long quietSince = Math.max(lastChange, lastSlow);
        long steps = (now - quietSince) / STEP.toNanos();
        if (steps > 0 && limit < most) {
            limit = (int) Math.min(most, limit + steps);
            lastChange = now;
            room.signalAll();
        }
    }
}

package app.sendsongs.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the due work (listen checks, message retries) every interval, on one background thread. */
final class TickLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TickLoop.class);
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(30);
    /** The loop's thread, joined on close: its executor says it terminated while the thread may still be ending. */
    private volatile Thread thread;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread ticking = new Thread(r, "tick");
        ticking.setDaemon(true);
        thread = ticking;
        return ticking;
    });

    TickLoop(Runnable work, Duration interval) {
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("due work failed; will retry next tick", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the loop and waits (a while) for a tick in progress to end: the store it writes to is closed right
     * after, and a tick cut off by that would fail half done (its work is redone at the next start).
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            Thread ticking = thread;
            if (!executor.awaitTermination(FINISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    || ticking != null && !ticking.join(FINISH_TIMEOUT)) {
                LOG.warn("a tick still ran {} s after the stop; the store is closed under it", FINISH_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

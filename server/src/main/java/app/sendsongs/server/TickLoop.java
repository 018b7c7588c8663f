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
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tick");
        thread.setDaemon(true);
        return thread;
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

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

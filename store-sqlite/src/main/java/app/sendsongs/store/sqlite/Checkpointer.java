package app.sendsongs.store.sqlite;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the write-ahead log back into the database file in the background, on its own connection,
 * so that a commit (a webhook message, a tick's claim) does not pay for it: left to itself, SQLite
 * checkpoints inside whichever commit crosses the threshold, fsync included. A passive checkpoint
 * never blocks readers or the writer; the writer's own automatic checkpoint stays as a backstop at
 * a higher threshold ({@link Database#AUTOCHECKPOINT_PAGES}).
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Checkpointer.class.getName());
    static final Duration EVERY = Duration.ofSeconds(1);

    private final Session session;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sqlite-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    Checkpointer(Session session) {
        this.session = session;
        executor.scheduleWithFixedDelay(this::checkpoint, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try {
            session.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "background WAL checkpoint failed; the writer's own checkpoint still bounds the log", e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(Database.BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.close();
    }
}

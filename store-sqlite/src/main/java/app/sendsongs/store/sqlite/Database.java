package app.sendsongs.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections to one SQLite database and who may use them when.
 *
 * <p>A file database runs in WAL mode with one writing connection, used under a lock by one thread
 * at a time, and a small pool of read-only connections: readers never wait for the writer, and
 * see every write committed before they start. Multi-statement writes run in
 * {@code BEGIN IMMEDIATE} transactions, which also exclude writers in other processes on the same
 * file ({@code busy_timeout} makes them wait instead of failing).
 *
 * <p>A {@link Checkpointer} on a connection of its own copies the WAL into the file in the
 * background, so commits do not.
 *
 * <p>An in-memory database has a single connection; reads then take the write lock too.
 */
final class Database implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 10_000;
    /** The writer checkpoints by itself only past this many WAL pages (40 MiB); normally {@link Checkpointer} does. */
    static final int AUTOCHECKPOINT_PAGES = 10_000;
    private static final int CACHE_KIB = 8_192;
    /** The writer's page cache: claims and completions touch watches all over a large table. */
    private static final int WRITER_CACHE_KIB = 32_768;

    /** Work done with a session; SQL errors become {@link SqliteStoreException}s. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    private final String description;
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * Signalled when no durable write waits any more. A webhook's answer waits for its durable write, while the
     * handling workers' writes can wait: without this, an acknowledgement queued behind every worker's write.
     */
    private final Condition noDurableWriteWaiting = writeLock.newCondition();
    private final AtomicInteger durableWritesWaiting = new AtomicInteger();
    private final Session writer;
    private final List<Session> readers;
    private final BlockingQueue<Session> idleReaders;
    private final Checkpointer checkpointer;
    private volatile boolean closed;

    private Database(String description, Session writer, List<Session> readers, Checkpointer checkpointer) {
        this.description = description;
        this.writer = writer;
        this.readers = List.copyOf(readers);
        this.idleReaders = readers.isEmpty() ? null : new ArrayBlockingQueue<>(readers.size(), false, readers);
        this.checkpointer = checkpointer;
    }

    static Database file(Path file, int readerCount) {
        if (readerCount < 1) {
            throw new IllegalArgumentException("at least one read connection is needed");
        }
        Path absolute = file.toAbsolutePath();
        List<Session> opened = new ArrayList<>();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            String url = "jdbc:sqlite:" + absolute;
            Session writer = new Session(connect(url));
            opened.add(writer);
            writer.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            String mode = writer.queryOne("PRAGMA journal_mode = WAL", rs -> rs.getString(1)).orElse("");
            if (!mode.toLowerCase(Locale.ROOT).equals("wal")) {
                throw new SqliteStoreException("could not switch " + absolute + " to WAL mode (it is in " + mode + ")");
            }
            writer.execute("PRAGMA synchronous = NORMAL");
            writer.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
            writer.execute("PRAGMA wal_autocheckpoint = " + AUTOCHECKPOINT_PAGES);
            List<Session> readers = new ArrayList<>();
            for (int i = 0; i < readerCount; i++) {
                Session reader = new Session(connect(url));
                opened.add(reader);
                reader.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                reader.execute("PRAGMA cache_size = -" + CACHE_KIB);
                reader.execute("PRAGMA query_only = 1");
                readers.add(reader);
            }
            Session checkpoints = new Session(connect(url));
            opened.add(checkpoints);
            checkpoints.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            return new Database(absolute.toString(), writer, readers, new Checkpointer(checkpoints));
        } catch (Exception e) {
            opened.forEach(Session::close);
            throw e instanceof SqliteStoreException s ? s : new SqliteStoreException("cannot open " + absolute, e);
        }
    }

    /**
     * One read-only connection to an existing file: never creates it, never writes (not even to migrate it), and
     * sees what a server using the file has committed.
     */
    static Database readOnlyFile(Path file) {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new SqliteStoreException("there is no database at " + absolute);
        }
        try {
            Session session = new Session(SqliteBackup.readOnly(absolute));
            session.execute("PRAGMA query_only = 1");
            return new Database(absolute.toString(), session, List.of(), null);
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot open " + absolute, e);
        }
    }

    static Database memory() {
        try {
            return new Database(":memory:", new Session(connect("jdbc:sqlite::memory:")), List.of(), null);
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot open an in-memory database", e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        // Straight to the driver: no DriverManager, so a shaded jar without service files still works.
        Connection connection = new org.sqlite.JDBC().connect(url, new Properties());
        if (connection == null) {
            throw new SQLException("the SQLite driver refused " + url);
        }
        return connection;
    }

    /** Runs work that only reads, on a read connection (or the only connection). */
    <T> T read(Work<T> work) {
        if (idleReaders == null) {
            return write(work);
        }
        Session reader = borrowReader();
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw new SqliteStoreException("read from " + description + " failed", e);
        } finally {
            idleReaders.add(reader);
        }
    }

    /**
     * Runs work that reads with several statements, on a read connection, in one read transaction:
     * every statement sees the same committed state.
     */
    <T> T readTogether(Work<T> work) {
        return read(session -> inTransaction(session, "BEGIN", work));
    }

    /**
     * Runs work on the write connection in autocommit mode: each statement is its own transaction. A durable write
     * waiting for the connection goes first.
     */
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            giveWayToDurableWrites();
            return run(work);
        } finally {
            writeLock.unlock();
        }
    }

    /** As {@link #write}, ahead of every other write waiting for the connection. */
    private <T> T writeFirst(Work<T> work) {
        durableWritesWaiting.incrementAndGet();
        writeLock.lock();
        try {
            return run(work);
        } finally {
            if (durableWritesWaiting.decrementAndGet() == 0) {
                noDurableWriteWaiting.signalAll();
            }
            writeLock.unlock();
        }
    }

    /** Outside any write of this thread's own: waits (letting go of the connection) while a durable write waits. */
    private void giveWayToDurableWrites() {
        if (writeLock.getHoldCount() > 1) {
            return; // within this thread's own write, which must finish first
        }
        while (durableWritesWaiting.get() > 0) {
            noDurableWriteWaiting.awaitUninterruptibly();
        }
    }

    private <T> T run(Work<T> work) {
        try {
            ensureOpen();
            return work.run(writer);
        } catch (SQLException e) {
            throw new SqliteStoreException("write to " + description + " failed", e);
        }
    }

    /** Runs work on the write connection inside BEGIN IMMEDIATE ... COMMIT; rolls back on failure. */
    <T> T transaction(Work<T> work) {
        return write(session -> inTransaction(session, "BEGIN IMMEDIATE", work));
    }

    /**
     * As {@link #transaction}, and the commit reaches the disk before this returns
     * ({@code synchronous = FULL} for this commit: the WAL is synced), so it survives a power loss or a
     * crash of the machine, not only of the process. The other writes keep {@code synchronous = NORMAL},
     * whose commits can be lost with the machine's last moments, but never with the process.
     */
    <T> T durableTransaction(Work<T> work) {
        return writeFirst(session -> {
            session.execute("PRAGMA synchronous = FULL");
            try {
                return inTransaction(session, "BEGIN IMMEDIATE", work);
            } finally {
                session.execute("PRAGMA synchronous = NORMAL");
            }
        });
    }

    private static <T> T inTransaction(Session session, String begin, Work<T> work) throws SQLException {
        session.execute(begin);
        try {
            T result = work.run(session);
            session.execute("COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                session.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private Session borrowReader() {
        try {
            while (true) {
                ensureOpen();
                Session reader = idleReaders.poll(100, TimeUnit.MILLISECONDS);
                if (reader != null) {
                    return reader;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqliteStoreException("interrupted while waiting for a read connection", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + description + " is closed");
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Closes every connection; waits (a while) for reads and writes in progress to finish. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (checkpointer != null) {
            checkpointer.close();
        }
        writeLock.lock();
        try {
            writer.close();
        } finally {
            writeLock.unlock();
        }
        if (idleReaders != null) {
            for (int i = 0; i < readers.size(); i++) {
                try {
                    Session reader = idleReaders.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    if (reader == null) {
                        break;
                    }
                    reader.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }
}

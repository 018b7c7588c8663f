package app.sendsongs.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * The connections to one SQLite database and who may use them when.
 *
 * <p>A file database runs in WAL mode with one writing connection, used by one thread at a time, and
 * a small pool of read-only connections: readers never wait for the writer, and see every write
 * committed before they start. Writes are units of work committed together, several callers' in
 * one {@code BEGIN IMMEDIATE} transaction (see {@link #transaction}), which also excludes writers in
 * other processes on the same file ({@code busy_timeout} makes them wait instead of failing).
 *
 * <p>A {@link Checkpointer} on a connection of its own copies the WAL into the file in the
 * background, so commits do not.
 *
 * <p>An in-memory database has a single connection; reads then take the write lock too.
 */
final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    static final int BUSY_TIMEOUT_MS = 10_000;
    /** The writer checkpoints by itself only past this many WAL pages (40 MiB); normally {@link Checkpointer} does. */
    static final int AUTOCHECKPOINT_PAGES = 10_000;
    private static final int CACHE_KIB = 8_192;
    /** The writer's page cache: claims and completions touch watches all over a large table. */
    private static final int WRITER_CACHE_KIB = 32_768;
    /**
     * Units of work in one commit at most: a commit of this many small units costs a few times one unit's work,
     * yet does not keep a durable unit (an acknowledgement) waiting long.
     */
    private static final int MOST_UNITS_PER_COMMIT = 16;

    /**
     * How the writer paces the commits of units that are not durable while durable ones keep coming (see
     * {@link #paceWhileDurableArrive}).
     *
     * @param arriving durable units count as coming while the last one committed at most this long ago
     * @param pause    how long the writer waits, each time, before committing the other units
     * @param most     the longest any unit waits because of it
     */
    record Pacing(Duration arriving, Duration pause, Duration most) {
        /**
         * Chosen by measurement (see performance.md, "Acknowledgements first"): a pause of 0.5 ms, and units held
         * back at most 50 ms, only while webhook calls come at least every 10 ms.
         */
        static final Pacing WHILE_CALLS_ARRIVE =
                new Pacing(Duration.ofMillis(10), Duration.ofNanos(500_000), Duration.ofMillis(50));
    }

    /** Work done with a session; SQL errors become {@link SqliteStoreException}s. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    private final String description;
    /** Held while the write connection is used: by a batch of units, by work {@link #alone}, by reads without readers. */
    private final ReentrantLock connectionLock = new ReentrantLock();
    /** Guards the queue of units waiting to commit, their outcomes, and whether the database takes more. */
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition unitsWaiting = queueLock.newCondition();
    private final ArrayDeque<Unit<?>> queue = new ArrayDeque<>();
    /** Commits the units: the one thread that writes (see {@link #transaction}). */
    private final Thread writerThread;
    private final Session writer;
    private final List<Session> readers;
    private final BlockingQueue<Session> idleReaders;
    private final Checkpointer checkpointer;
    private final Pacing pacing;
    /** The files of a file database, watched for being deleted or replaced; null for the other databases. */
    private final DatabaseFiles files;
    /** Set once the files were deleted or replaced: every write fails from then on. */
    private volatile String filesGone;
    /** Why the last writes failed, when the disk or the file did (not the data): see {@link #fault}. */
    private volatile String fault;
    private volatile boolean closed;
    /** When the writer last committed a durable unit ({@link System#nanoTime}); only the writer thread uses it. */
    private long lastDurableCommit;

    private Database(String description, Session writer, List<Session> readers, Checkpointer checkpointer,
                     Pacing pacing, DatabaseFiles files) {
        this.description = description;
        this.pacing = pacing;
        this.files = files;
        this.lastDurableCommit = System.nanoTime() - pacing.arriving().toNanos() - 1;
        this.writer = writer;
        this.readers = List.copyOf(readers);
        this.idleReaders = readers.isEmpty() ? null : new ArrayBlockingQueue<>(readers.size(), false, readers);
        this.checkpointer = checkpointer;
        this.writerThread = Thread.ofPlatform().name("sqlite-writer").daemon().start(this::writeBatches);
    }

    static Database file(Path file, int readerCount) {
        return file(file, readerCount, Pacing.WHILE_CALLS_ARRIVE);
    }

    static Database file(Path file, int readerCount, Pacing pacing) {
        if (readerCount < 1) {
            throw new IllegalArgumentException("at least one read connection is needed");
        }
        Path absolute = file.toAbsolutePath();
        List<Session> opened = new ArrayList<>();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            FileOwners.createForFolderOwner(absolute);
            String url = "jdbc:sqlite:" + absolute;
            Session writer = new Session(connect(url));
            opened.add(writer);
            writer.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            String mode = writer.queryOne("PRAGMA journal_mode = WAL", rs -> rs.getString(1)).orElse("");
            if (!mode.toLowerCase(Locale.ROOT).equals("wal")) {
                throw new SqliteStoreException("could not switch " + absolute + " to WAL mode (it is in " + mode + ")");
            }
            ensureWritable(writer, absolute);
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
            return new Database(absolute.toString(), writer, readers, new Checkpointer(checkpoints), pacing,
                    DatabaseFiles.opened(absolute));
        } catch (Exception e) {
            opened.forEach(Session::close);
            throw e instanceof SqliteStoreException s ? s : new SqliteStoreException("cannot open " + absolute, e);
        }
    }

    /**
     * Refuses a file SQLite can only read (a read-only file or mount): SQLite opens it all the same, and a server on
     * it would answer every webhook call 503 for as long as it ran. Writes the header's user version over itself in
     * a transaction it rolls back, so nothing changes.
     */
    private static void ensureWritable(Session writer, Path file) throws SQLException {
        long version = writer.queryOne("PRAGMA user_version", rs -> rs.getLong(1)).orElse(0L);
        writer.execute("BEGIN IMMEDIATE");
        try {
            writer.execute("PRAGMA user_version = " + version);
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot write to " + file + ": the file, its folder or its disk is "
                    + "read-only", e);
        } finally {
            writer.execute("ROLLBACK");
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
            return new Database(absolute.toString(), session, List.of(), null, Pacing.WHILE_CALLS_ARRIVE, null);
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot open " + absolute, e);
        }
    }

    static Database memory() {
        try {
            return new Database(":memory:", new Session(connect("jdbc:sqlite::memory:")), List.of(), null,
                    Pacing.WHILE_CALLS_ARRIVE, null);
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot open an in-memory database", e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        // Straight to the driver: no DriverManager, so a shaded jar without service files still works.
        Properties properties = new Properties();
        // Else the driver runs SELECT last_insert_rowid() after every INSERT, as a new statement, for keys never asked.
        properties.setProperty("jdbc.get_generated_keys", "false");
        Connection connection = new org.sqlite.JDBC().connect(url, properties);
        if (connection == null) {
            throw new SQLException("the SQLite driver refused " + url);
        }
        return connection;
    }

    /** Runs work that only reads, on a read connection (or the only connection). */
    <T> T read(Work<T> work) {
        if (idleReaders == null) {
            return alone(work);
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
     * Runs work on the write connection as one atomic unit: it commits with other callers' units (see
     * {@link #transaction}), and if it fails nothing it wrote stays.
     */
    <T> T write(Work<T> work) {
        return transaction(work);
    }

    /**
     * Runs work on the write connection as one atomic unit, committed once it and the units of the callers that
     * came while the previous commit ran are done: <b>group commit</b>. Every unit runs inside its own
     * {@code SAVEPOINT} of one {@code BEGIN IMMEDIATE ... COMMIT}; a unit that fails is rolled back to its savepoint
     * alone, and its caller gets the failure, while the others commit. A caller returns only after the commit, so
     * what it wrote is as visible and as safe as if it had committed alone.
     *
     * <p>Why: each message handled writes a few small units (its mark, the messages it holds and releases), and a
     * commit costs more than such a unit (the WAL frames of every page it touched, the WAL index); the workers
     * waited for the one write connection more than they used it. Sharing the commit writes each page once.
     *
     * <p>One platform thread, the writer, runs the batches while their callers wait. SQLite's calls are native: a
     * virtual thread inside one keeps its carrier (there are as many as cores) for the whole call, and a commit that
     * syncs the disk takes milliseconds, during which the webhook's requests, on virtual threads too, would wait for
     * a carrier. Work that writes through this database from within a unit is part of that unit.
     */
    <T> T transaction(Work<T> work) {
        return commitTogether(work, false);
    }

    /**
     * As {@link #transaction}, and the commit reaches the disk before this returns
     * ({@code synchronous = FULL} for the commit that holds it: the WAL is synced), so it survives a power loss or
     * a crash of the machine, not only of the process. The other commits keep {@code synchronous = NORMAL}, which
     * can lose the machine's last moments, but never the process's.
     */
    <T> T durableTransaction(Work<T> work) {
        return commitTogether(work, true);
    }

    /**
     * Runs work on the write connection in autocommit mode, alone: for work that manages its own transactions
     * (migrations) or must not run inside one.
     */
    <T> T alone(Work<T> work) {
        connectionLock.lock();
        try {
            return run(work);
        } finally {
            connectionLock.unlock();
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

    private <T> T commitTogether(Work<T> work, boolean durable) {
        if (Thread.currentThread() == writerThread) {
            return run(work); // within a unit the writer runs: part of it
        }
        Unit<T> unit = new Unit<>(work, durable, queueLock.newCondition());
        queueLock.lock();
        try {
            ensureOpen();
            queue.addLast(unit);
            unitsWaiting.signal();
            while (!unit.done) {
                unit.turn.awaitUninterruptibly();
            }
        } finally {
            queueLock.unlock();
        }
        return unit.result(description);
    }

    /** The writer thread: commits the units waiting, batch after batch, until the database is closed and none wait. */
    private void writeBatches() {
        while (true) {
            List<Unit<?>> batch;
            queueLock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    unitsWaiting.awaitUninterruptibly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                paceWhileDurableArrive();
                batch = nextBatch();
            } finally {
                queueLock.unlock();
            }
            runBatch(batch);
            queueLock.lock();
            try {
                for (Unit<?> finished : batch) {
                    finished.done = true;
                    finished.turn.signal();
                }
            } finally {
                queueLock.unlock();
            }
        }
    }

    /**
     * Acknowledgements first: while durable units (webhook calls waiting for their answer) keep coming, the writer
     * waits a little ({@link Pacing#pause}) before it commits the other units (the workers'). A durable unit that
     * comes meanwhile goes first; a whole batch of other units, or one that has waited {@link Pacing#most}, ends the
     * wait. Why: in a burst of webhook calls, the workers' commits, one after another, took the one writer and the
     * cores from the acknowledgements, which people's platforms wait for; paced, more calls are answered sooner, and
     * the workers catch up once the burst is over. When no call came lately, nothing waits. Runs with the queue's
     * lock held (waiting releases it).
     */
    private void paceWhileDurableArrive() {
        long now = System.nanoTime();
        if (now - lastDurableCommit > pacing.arriving().toNanos()) {
            return;
        }
        long until = Math.min(now + pacing.pause().toNanos(), queue.getFirst().queued + pacing.most().toNanos());
        while (!closed && queue.size() < MOST_UNITS_PER_COMMIT && !durableWaiting()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                unitsWaiting.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether a durable unit is in the queue. Runs with the queue's lock held. */
    private boolean durableWaiting() {
        return queue.stream().anyMatch(Unit::durable);
    }

    /**
     * Takes the units to commit next out of the queue. When durable units wait (webhook calls waiting for their
     * answer), only they go, wherever they are in line: an acknowledgement waits for the commit in progress and its
     * own, not for every worker's write. Otherwise the first {@value #MOST_UNITS_PER_COMMIT} in line, so that no
     * commit keeps a durable unit waiting long.
     */
    private List<Unit<?>> nextBatch() {
        boolean durableWaiting = durableWaiting();
        List<Unit<?>> batch = new ArrayList<>();
        Iterator<Unit<?>> waiting = queue.iterator();
        while (waiting.hasNext() && batch.size() < MOST_UNITS_PER_COMMIT) {
            Unit<?> unit = waiting.next();
            if (unit.durable() || !durableWaiting) {
                batch.add(unit);
                waiting.remove();
            }
        }
        return batch;
    }

    /** Runs the units in one transaction, each in its savepoint; a failure to begin or commit fails them all. */
    private void runBatch(List<Unit<?>> batch) {
        boolean durable = batch.stream().anyMatch(Unit::durable);
        connectionLock.lock();
        try {
            refuseOnceFilesGone();
            if (durable) {
                writer.run("PRAGMA synchronous = FULL");
            }
            try {
                writer.run("BEGIN IMMEDIATE");
                for (Unit<?> unit : batch) {
                    unit.runIn(writer);
                }
                writer.run("COMMIT");
                ensureFilesStay();
                if (durable) {
                    lastDurableCommit = System.nanoTime();
                }
            } catch (SQLException | RuntimeException e) {
                rollBack(e);
                batch.forEach(unit -> unit.failUnlessFailed(e));
            } finally {
                if (durable) {
                    writer.run("PRAGMA synchronous = NORMAL");
                }
            }
        } catch (SQLException | RuntimeException | Error e) {
            // Whatever went wrong, the writer thread lives on: every caller would wait for it forever otherwise.
            batch.forEach(unit -> unit.failUnlessFailed(e));
        } finally {
            connectionLock.unlock();
        }
        noteFault(batch);
    }

    /**
     * Why writes fail now, in a sentence for an operator, while it is the disk or the file that fails them rather than
     * the data: the disk is full, the file read-only or unreadable, an I/O error, the file deleted or replaced. Empty
     * once a write succeeds again (never, once the files were deleted or replaced).
     */
    Optional<String> fault() {
        return Optional.ofNullable(filesGone != null ? filesGone : fault);
    }

    /**
     * Fails the batch just committed, and every batch after, once the file or its WAL was deleted or replaced: looked
     * at once a batch, after its commit, so that no batch committed into a file that has gone is acknowledged.
     */
    private void ensureFilesStay() {
        if (filesGone == null && files != null) {
            files.changed().ifPresent(gone -> {
                filesGone = gone;
                LOG.severe(gone);
            });
        }
        refuseOnceFilesGone();
    }

    private void refuseOnceFilesGone() {
        if (filesGone != null) {
            throw new SqliteStoreException(filesGone);
        }
    }

    /**
     * Notes whether the batch's writes failed because of the disk or the file, or one went through; logs the fault in
     * one line when it begins (the failed writes' own stack traces say only SQLite's words).
     */
    private void noteFault(List<Unit<?>> batch) {
        Optional<String> failing = batch.stream().map(unit -> unit.failure).filter(Objects::nonNull)
                .flatMap(failure -> faultOf(failure).stream()).findFirst();
        if (failing.isPresent()) {
            if (!failing.get().equals(fault)) {
                LOG.severe(failing.get());
            }
            fault = failing.get();
        } else if (batch.stream().anyMatch(unit -> unit.failure == null)) {
            fault = null;
        }
    }

    /**
     * Why the disk or the file failed a write, for an operator; empty when they did not. A file SQLite can only read is
     * named as such, with its owner and the fix where another user owns it.
     */
    private Optional<String> faultOf(Throwable failure) {
        return SqliteFaults.ofTheDisk(failure).map(sqlite -> !SqliteFaults.readOnly(failure) || files == null
                ? "writing to " + description + " fails: " + sqlite
                : FileOwners.notWritable(files.file()).orElse("cannot write to " + description + ": the file, its "
                        + "folder or its disk is read-only") + " (SQLite: " + sqlite + ")");
    }

    private void rollBack(Exception cause) {
        try {
            writer.run("ROLLBACK");
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    /** One caller's work in a group commit, and what came of it. Its fields are guarded by the queue's lock. */
    private static final class Unit<T> {
        private final Work<T> work;
        private final boolean durable;
        private final Condition turn;
        /** When it was queued ({@link System#nanoTime}). */
        private final long queued = System.nanoTime();
        private boolean done;
        private T result;
        private Throwable failure;

        Unit(Work<T> work, boolean durable, Condition turn) {
            this.work = work;
            this.durable = durable;
            this.turn = turn;
        }

        boolean durable() {
            return durable;
        }

        void runIn(Session session) throws SQLException {
            session.run("SAVEPOINT unit");
            try {
                result = work.run(session);
            } catch (SQLException | RuntimeException | Error e) {
                failure = e;
                session.run("ROLLBACK TO unit");
            }
            session.run("RELEASE unit");
        }

        void failUnlessFailed(Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
        }

        T result(String description) {
            return switch (failure) {
                case null -> result;
                case SQLException e -> throw new SqliteStoreException("write to " + description + " failed", e);
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(failure);
            };
        }
    }

    private static <T> T inTransaction(Session session, String begin, Work<T> work) throws SQLException {
        session.run(begin);
        try {
            T result = work.run(session);
            session.run("COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                session.run("ROLLBACK");
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

    /** Lets the writer commit the units already waiting, then end. */
    private void joinWriterThread() {
        try {
            writerThread.join(BUSY_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        queueLock.lock();
        try {
            unitsWaiting.signal();
        } finally {
            queueLock.unlock();
        }
        joinWriterThread();
        if (checkpointer != null) {
            checkpointer.close();
        }
        connectionLock.lock();
        try {
            writer.close();
        } finally {
            connectionLock.unlock();
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

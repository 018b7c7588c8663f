package app.sendsongs.store.sqlite;

import app.sendsongs.core.Census;
import app.sendsongs.core.Stores;
import app.sendsongs.core.user.TokenCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store in one SQLite file, the self-hosted deployment's database: every part of {@link Stores},
 * each its own class over one shared {@link Database}, assembled here once.
 *
 * <p>Thread-safe. WAL mode, {@code synchronous=NORMAL}: one writing connection used under a lock, a
 * small pool of read connections. Every conditional write is one conditional SQL statement or one
 * {@code BEGIN IMMEDIATE} transaction, so it also holds against another process using the same
 * file. Opening a file brings its schema up to date ({@link Migrations}). Times are kept as epoch
 * milliseconds: anything finer is truncated. People are kept by their address key
 * ({@code <platform>:<id>}, {@link app.sendsongs.core.shared.ChatAddress#key()}). Spotify tokens are
 * sealed with a {@link TokenCipher} before they are written and are never logged.
 *
 * <p>The runtimes use {@link #open} and {@link #inMemory}, which give the {@link Stores}. Tools and
 * benchmarks that need more of SQLite (loading watches in bulk, query plans, the schema version)
 * use {@link #file} or {@link #memory}, which give this object; its {@link #stores()} are the same
 * parts, and closing either closes the database.
 */
public final class SqliteStores implements AutoCloseable {
    /** Read connections of a file store: enough for the webhook threads, few enough to stay small. */
    public static final int DEFAULT_READERS = 4;
    /** How long opening a file of an older version waits for other processes (a backup, say) to close it. */
    public static final Duration UPGRADE_PATIENCE = Duration.ofSeconds(30);

    /**
     * What opening the file did to it.
     *
     * @param created       the file was not there (or empty): the store made it anew
     * @param versionsAdded the schema versions applied to it, in order; none when it was up to date
     */
    public record Opening(boolean created, List<Integer> versionsAdded) {
        public Opening {
            versionsAdded = List.copyOf(versionsAdded);
        }
    }

    private final Database db;
    private final Opening opening;
    private final SqliteWatches watches;
    private final Stores stores;
    private final Census census;

    private SqliteStores(Database db, TokenCipher tokens, boolean created) {
        this.db = db;
        try {
            this.opening = new Opening(created, db.alone(session -> Migrations.STANDARD.upgrade(session,
                    Instant.now())));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        TokenSeal seal = new TokenSeal(tokens);
        this.watches = new SqliteWatches(db);
        this.stores = new Stores(new SqliteUsers(db, seal), new SqliteRegistrations(db, seal), new SqliteInboundLog(db),
                new SqliteInbox(db), new SqliteOutbox(db), new SqliteShares(db), new SqliteChoices(db), watches,
                new SqliteGroups(db), new SqliteGroupChats(db), new SqliteReach(db), new SqlitePreferences(db),
                new SqliteDrafts(db), new SqliteInvites(db), new SqliteHousekeeping(db), db);
        this.census = new SqliteCensus(db);
    }

    /**
     * Opens (creating if needed) the database file with {@link #DEFAULT_READERS} read connections and
     * brings its schema up to date. Spotify tokens are sealed with {@code tokens} before they are written.
     */
    public static Stores open(Path file, TokenCipher tokens) {
        return file(file, tokens).stores();
    }

    public static Stores open(Path file, TokenCipher tokens, int readConnections) {
        return file(file, tokens, readConnections).stores();
    }

    /** A private, empty database in memory, gone when closed (for tests and demos). */
    public static Stores inMemory() {
        return memory().stores();
    }

    /** As {@link #open(Path, TokenCipher)}, giving the SQLite store itself. */
    public static SqliteStores file(Path file, TokenCipher tokens) {
        return file(file, tokens, DEFAULT_READERS);
    }

    /**
     * As {@link #file(Path, TokenCipher)}; a file, {@code -wal}, {@code -shm} or folder that another user owns and
     * this one cannot write is refused before anything is opened ({@link SqliteFileOwnerException}); a file of an
     * older schema version is upgraded only once no other process has it open, and refused when one keeps it open for
     * {@link #UPGRADE_PATIENCE} (see {@link ExclusiveUse#refuseUpgradeWhileInUse}).
     */
    public static SqliteStores file(Path file, TokenCipher tokens, int readConnections) {
        return file(file, tokens, readConnections, UPGRADE_PATIENCE);
    }

    /**
     * As {@link #file(Path, TokenCipher)}, waiting up to {@code upgradePatience} instead of {@link #UPGRADE_PATIENCE}
     * for a file of an older version to be free.
     */
    public static SqliteStores file(Path file, TokenCipher tokens, Duration upgradePatience) {
        return file(file, tokens, DEFAULT_READERS, upgradePatience);
    }

    static SqliteStores file(Path file, TokenCipher tokens, int readConnections, Duration upgradePatience) {
        FileOwners.requireWritable(file);
        ExclusiveUse.refuseUpgradeWhileInUse(file.toAbsolutePath(), upgradePatience);
        boolean created = !Files.isRegularFile(file) || sizeOf(file) == 0;
        return new SqliteStores(Database.file(file, readConnections), tokens, created);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // opening it says why it cannot be read
        }
    }

    /** As {@link #inMemory()}, giving the SQLite store itself. */
    public static SqliteStores memory() {
        return new SqliteStores(Database.memory(), TokenCipher.random(), true);
    }

    /** Every part, for the core. */
    public Stores stores() {
        return stores;
    }

    /**
     * The operator's figures of the database in {@code file}, read without writing to it (the server may be
     * running); refused for a file of another schema version than this program's, which the server upgrades when
     * it opens it.
     */
    public static Census.Figures figures(Path file, Instant now) {
        try (Database db = Database.readOnlyFile(file)) {
            int version = db.read(Migrations::currentVersion);
            if (version != Migrations.latestVersion()) {
                throw new SqliteStoreException(file.toAbsolutePath() + " is at schema version " + version
                        + " and this program reads version " + Migrations.latestVersion() + ": "
                        + (version < Migrations.latestVersion() ? "start this version's server once to upgrade it"
                        : "use the program that wrote it"));
            }
            return new SqliteCensus(db).figures(now);
        }
    }

    /** The operator's figures of this database (for {@code status} and the metrics). */
    public Census census() {
        return census;
    }

    /** The watches part, with its bulk load and its query plan. */
    public SqliteWatches watches() {
        return watches;
    }

    /**
     * Why writes fail now, in a sentence for an operator, while the disk or the file fails them (full, read-only,
     * an I/O error, the file deleted or replaced while open); empty while writes go through.
     */
    public Optional<String> fault() {
        return db.fault();
    }

    /** How many schema scripts opening this store applied (0 when the file was already up to date). */
    public int migrationsAppliedAtOpen() {
        return opening.versionsAdded().size();
    }

    /** What opening the file did to it: made it, upgraded it, or neither. */
    public Opening opening() {
        return opening;
    }

    /** The schema version of the open database. */
    public int schemaVersion() {
        return db.read(Migrations::currentVersion);
    }

    /** Runs read-only SQL on a read connection; for this module's tests (query plans and the like). */
    <T> T read(Database.Work<T> work) {
        return db.read(work);
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "SqliteStores[" + db + "]";
    }
}

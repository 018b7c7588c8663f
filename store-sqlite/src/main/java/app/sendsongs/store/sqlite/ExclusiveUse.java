package app.sendsongs.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * A connection that has the database file to itself: SQLite's exclusive locking mode, taken without waiting. While
 * any other process (a running server, a backup, {@code status}) has the file open, there is none.
 */
final class ExclusiveUse {
    private static final Logger LOG = Logger.getLogger(ExclusiveUse.class.getName());
    private static final Duration RETRY_EVERY = Duration.ofMillis(250);
    private ExclusiveUse() {
    }

    /**
     * A connection (creating the file if it is missing) that holds the file alone until it is closed; empty while
     * another process has the file open.
     */
    static Optional<Connection> open(Path file) throws SQLException {
        Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            // Held until the connection closes; no other connection may even read meanwhile.
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("COMMIT");
            return Optional.of(connection);
        } catch (SQLException busy) {
            connection.close();
            return Optional.empty();
        }
    }

    /**
     * Waits, up to {@code patience}, until no other process has open an existing file of an older schema version (one
     * the migrations would change), and refuses to go on after that: a process that keeps it open is most likely a
     * server of the version that wrote it, still running, which would go on writing to a schema it does not know and
     * could not start again on it. A backup or {@code status} reading it meanwhile closes it soon.
     */
    static void refuseUpgradeWhileInUse(Path file, Duration patience) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<Integer> missing = missingVersions(file);
        if (missing.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (!alone(file)) {
            if (System.nanoTime() - deadline > 0) {
                throw new SqliteStoreException(file + " was written by an older version: it lacks schema version "
                        + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ", which this "
                        + "version adds, but another process has kept it open for " + patience.toSeconds() + " s (the "
                        + "server of the older version still running?): stop it, then start this one; nothing was "
                        + "changed");
            }
            if (!told) {
                LOG.info("another process has the database open; its upgrade waits until it is closed");
                told = true;
            }
            pause();
        }
    }

    private static boolean alone(Path file) {
        try {
            Optional<Connection> alone = open(file);
            if (alone.isPresent()) {
                alone.get().close();
            }
            return alone.isPresent();
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot open " + file, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqliteStoreException("interrupted while waiting to upgrade the database", e);
        }
    }

    /** The schema versions opening the file would add; none for a file that is new or not a database. */
    private static List<Integer> missingVersions(Path file) {
        try (Connection connection = SqliteBackup.readOnly(file); Session session = new Session(connection)) {
            boolean versioned = session.queryOne("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                    + "AND name = 'schema_version'", rs -> rs.getInt(1)).orElse(0) > 0;
            return versioned ? Migrations.STANDARD.missing(session) : List.of();
        } catch (SQLException e) {
            return List.of(); // not readable as a database: opening it says why
        }
    }
}

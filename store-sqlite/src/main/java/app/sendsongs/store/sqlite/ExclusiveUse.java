package app.sendsongs.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * A connection that has the database file to itself: SQLite's exclusive locking mode, taken without waiting. While
 * any other process (a running server, a backup, {@code status}) has the file open, there is none.
 */
final class ExclusiveUse {
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
     * Refuses to go on with an existing file of an older schema version (one the migrations would change) while
     * another process has it open: most likely a server of the version that wrote it, still running, which would
     * go on writing to a schema it does not know and could not start again on it.
     */
    static void refuseUpgradeWhileInUse(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        int version = schemaVersion(file);
        if (version < 1 || version >= Migrations.latestVersion()) {
            return;
        }
        try {
            Optional<Connection> alone = open(file);
            if (alone.isEmpty()) {
                throw new SqliteStoreException(file + " is at schema version " + version + ", which this version "
                        + "upgrades to " + Migrations.latestVersion() + ", but another process has it open (the "
                        + "server of the older version still running?): stop it, then start this one; nothing was "
                        + "changed");
            }
            alone.get().close();
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot open " + file, e);
        }
    }

    private static int schemaVersion(Path file) {
        try (Connection connection = SqliteBackup.readOnly(file); Session session = new Session(connection)) {
            boolean versioned = session.queryOne("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                    + "AND name = 'schema_version'", rs -> rs.getInt(1)).orElse(0) > 0;
            return versioned ? Migrations.currentVersion(session) : 0;
        } catch (SQLException e) {
            return 0; // not readable as a database: opening it says why
        }
    }
}

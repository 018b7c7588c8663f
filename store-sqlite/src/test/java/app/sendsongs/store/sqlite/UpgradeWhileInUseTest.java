package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of an older schema version is upgraded only while no other process has it open: a server of the older
 * version still running on it (the new one started before the old one stopped) would go on writing to a schema it
 * does not know, and could not start again on it.
 */
class UpgradeWhileInUseTest {
    @TempDir
    Path dir;

    @Test
    void anOlderFileAnotherProcessHasOpenIsLeftAsItWasAndUpgradedOnceItIsClosed() throws SQLException {
        Path file = dir.resolve("older.db");
        SqliteStores.file(file, TestTokens.CIPHER).close();
        try (Connection oldServer = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(oldServer)) {
            s.execute("DROP TABLE user_handles");
            s.execute("DELETE FROM schema_version WHERE version = 13"); // as the version 12 code left it
            assertThat(s.queryOne("SELECT count(*) FROM users", rs -> rs.getInt(1))).contains(0);

            assertThatThrownBy(() -> SqliteStores.file(file, TestTokens.CIPHER, 1, Duration.ofMillis(300)))
                    .isInstanceOf(SqliteStoreException.class)
                    .hasMessageContaining("it lacks schema version 13")
                    .hasMessageContaining("another process has kept it open")
                    .hasMessageContaining("nothing was changed");
            assertThat(s.query("SELECT version FROM schema_version WHERE version = 13", rs -> rs.getInt(1))).isEmpty();
        }

        try (SqliteStores upgraded = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(upgraded.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void anOlderFileIsUpgradedOnceABackupReadingItEnds() throws Exception {
        Path file = dir.resolve("older.db");
        SqliteStores.file(file, TestTokens.CIPHER).close();
        Connection backup = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Session s = new Session(backup)) {
            s.execute("DROP TABLE user_handles");
            s.execute("DELETE FROM schema_version WHERE version = 13");
        }
        Connection reading = DriverManager.getConnection("jdbc:sqlite:" + file);
        reading.createStatement().executeQuery("SELECT count(*) FROM users").close();
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(() -> close(reading));

        try (SqliteStores upgraded = SqliteStores.file(file, TestTokens.CIPHER, 1, Duration.ofSeconds(20))) {
            assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFileOfThisVersionOpensWhileAnotherProcessHasItOpen() throws SQLException {
        Path file = dir.resolve("current.db");
        SqliteStores.file(file, TestTokens.CIPHER).close();
        try (SqliteStores running = SqliteStores.file(file, TestTokens.CIPHER);
             SqliteStores second = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(second.migrationsAppliedAtOpen()).isZero();
        }
    }
}

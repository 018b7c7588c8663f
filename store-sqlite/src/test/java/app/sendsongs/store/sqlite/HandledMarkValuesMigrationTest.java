package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.InboundLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 25: a handled mark may carry a value; the marks a file from before holds stay, carrying none, and
 * marks made after the upgrade carry theirs.
 */
class HandledMarkValuesMigrationTest {
    private static final int VERSION = 25;
    private static final Instant KEEP_UNTIL = Instant.parse("2030-05-08T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFileFromBeforeKeepsItsMarksWithoutValuesAndMarksWithValuesAfter() throws SQLException {
        Path file = dir.resolve("before-mark-values.db");
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().inbound().markHandled("telegram:41", KEEP_UNTIL);
        }
        backToBeforeMarkValues(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            InboundLog inbound = sqlite.stores().inbound();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());

            inbound.markHandled("telegram:42", "3", KEEP_UNTIL);

            assertThat(inbound.handled("telegram:41")).isTrue();
            assertThat(inbound.markedValue("telegram:41")).isEmpty();
            assertThat(inbound.markedValue("telegram:42")).contains("3");
        }
    }

    /** The file as the code before version 25 left it: {@code inbound_messages} without values, 25 not recorded. */
    private static void backToBeforeMarkValues(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("ALTER TABLE inbound_messages DROP COLUMN kept_value");
            s.execute("DELETE FROM schema_version WHERE version = " + VERSION);
        }
    }
}

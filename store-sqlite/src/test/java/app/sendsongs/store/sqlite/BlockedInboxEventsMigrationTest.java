package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 18: the inbox takes a block of the bot, and the events a version 17 file holds waiting (an unblock
 * among them) are handled after the upgrade as before.
 */
class BlockedInboxEventsMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress BOB = new ChatAddress(Platform.TELEGRAM, "511223344");

    @TempDir
    Path dir;

    @Test
    void aVersionSeventeenFileKeepsItsWaitingEventsAndTakesABlock() throws SQLException {
        Path file = dir.resolve("version-17.db");
        Inbound waiting = new Inbound.Text("41", BOB, T0.minusSeconds(5), "/pending");
        Inbound unblocked = new Inbound.BotUnblocked("42", BOB, T0.minusSeconds(4));
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().inbox().append(List.of(waiting, unblocked), T0);
        }
        backToVersionSeventeen(file);
        assertThatThrownBy(() -> insertBlock(file)).as("version 17 allows no block").isInstanceOf(SQLException.class)
                .hasMessageContaining("CHECK");

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            InboxStore inbox = sqlite.stores().inbox();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            Inbound blocked = new Inbound.BotBlocked("43", BOB, T0);

            assertThat(inbox.append(List.of(blocked), T0.plusSeconds(1))).isEqualTo(1);

            assertThat(inbox.claim(T0, T0.plusSeconds(120), 10).orElseThrow().events())
                    .containsExactly(waiting, unblocked, blocked);
        }
    }

    /** The file as the version 17 code left it: {@code inbox_events} allows no 'blocked', 18 not recorded. */
    private static void backToVersionSeventeen(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("CREATE TABLE inbox_events_17 (seq INTEGER PRIMARY KEY, delivery_key TEXT NOT NULL UNIQUE, "
                    + "address TEXT NOT NULL, kind TEXT NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL, "
                    + "body TEXT NOT NULL, title TEXT, received_at INTEGER NOT NULL, "
                    + "failures INTEGER NOT NULL DEFAULT 0, "
                    + "CHECK (kind IN ('text', 'choice', 'button', 'link', 'group', 'unblocked')))");
            s.execute("INSERT INTO inbox_events_17 SELECT * FROM inbox_events");
            s.execute("DROP TABLE inbox_events");
            s.execute("ALTER TABLE inbox_events_17 RENAME TO inbox_events");
            s.execute("CREATE INDEX inbox_events_by_person ON inbox_events (address, seq)");
            s.execute("DELETE FROM schema_version WHERE version = 18");
        }
    }

    private static void insertBlock(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("INSERT INTO inbox_events (delivery_key, address, kind, event_id, at, body, received_at) "
                    + "VALUES ('telegram:99', 'telegram:511223344', 'blocked', '99', 0, '', 0)");
        }
    }
}

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
 * Schema version 28: the inbox takes a person's edit of a message they had sent, and the events a version 26 file
 * holds waiting (what could not be read among them) are handled after the upgrade as before.
 */
class EditedInboxEventsMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress BOB = new ChatAddress(Platform.TELEGRAM, "511223344");

    @TempDir
    Path dir;

    @Test
    void aVersionTwentySixFileKeepsItsWaitingEventsAndTakesEdits() throws SQLException {
        Path file = dir.resolve("version-26.db");
        Inbound waiting = new Inbound.Text("41", BOB, T0.minusSeconds(5), "/pending");
        Inbound unreadable = new Inbound.Unreadable("42", BOB, T0.minusSeconds(4), "photo");
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().inbox().append(List.of(waiting, unreadable), T0);
        }
        backToVersionTwentySix(file);
        assertThatThrownBy(() -> insertEdited(file)).as("version 26 allows no edited event")
                .isInstanceOf(SQLException.class).hasMessageContaining("CHECK");

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            InboxStore inbox = sqlite.stores().inbox();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            Inbound edited = new Inbound.Edited(Inbound.editedMessageId(BOB.id(), "7"), BOB, T0);

            assertThat(inbox.append(List.of(edited), T0.plusSeconds(1))).isEqualTo(1);

            assertThat(inbox.claim(T0, T0.plusSeconds(120), 10).orElseThrow().events())
                    .containsExactly(waiting, unreadable, edited);
        }
    }

    /** The file as the version 26 code left it: {@code inbox_events} allows no 'edited', 28 not recorded. */
    private static void backToVersionTwentySix(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("CREATE TABLE inbox_events_26 (seq INTEGER PRIMARY KEY, delivery_key TEXT NOT NULL UNIQUE, "
                    + "address TEXT NOT NULL, kind TEXT NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL, "
                    + "body TEXT NOT NULL, title TEXT, received_at INTEGER NOT NULL, "
                    + "failures INTEGER NOT NULL DEFAULT 0, "
                    + "CHECK (kind IN ('text', 'choice', 'button', 'link', 'group', 'unblocked', 'blocked', "
                    + "'unreadable')))");
            s.execute("INSERT INTO inbox_events_26 SELECT * FROM inbox_events");
            s.execute("DROP TABLE inbox_events");
            s.execute("ALTER TABLE inbox_events_26 RENAME TO inbox_events");
            s.execute("CREATE INDEX inbox_events_by_person ON inbox_events (address, seq)");
            s.execute("DELETE FROM schema_version WHERE version = 28");
        }
    }

    private static void insertEdited(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("INSERT INTO inbox_events (delivery_key, address, kind, event_id, at, body, received_at) "
                    + "VALUES ('telegram:99', 'telegram:511223344', 'edited', '99', 0, '', 0)");
        }
    }
}

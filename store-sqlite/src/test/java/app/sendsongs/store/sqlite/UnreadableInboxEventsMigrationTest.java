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
 * Schema version 22: the inbox takes what a person sent that the bot cannot read (a photo...), and the events a
 * version 21 file holds waiting (a block among them) are handled after the upgrade as before.
 */
class UnreadableInboxEventsMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress BOB = new ChatAddress(Platform.TELEGRAM, "511223344");

    @TempDir
    Path dir;

    @Test
    void aVersionTwentyOneFileKeepsItsWaitingEventsAndTakesWhatCannotBeRead() throws SQLException {
        Path file = dir.resolve("version-21.db");
        Inbound waiting = new Inbound.Text("41", BOB, T0.minusSeconds(5), "/pending");
        Inbound blocked = new Inbound.BotBlocked("42", BOB, T0.minusSeconds(4));
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().inbox().append(List.of(waiting, blocked), T0);
        }
        backToVersionTwentyOne(file);
        assertThatThrownBy(() -> insertUnreadable(file)).as("version 21 allows no unreadable event")
                .isInstanceOf(SQLException.class).hasMessageContaining("CHECK");

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            InboxStore inbox = sqlite.stores().inbox();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            Inbound photo = new Inbound.Unreadable("43", BOB, T0, "photo");

            assertThat(inbox.append(List.of(photo), T0.plusSeconds(1))).isEqualTo(1);

            assertThat(inbox.claim(T0, T0.plusSeconds(120), 10).orElseThrow().events())
                    .containsExactly(waiting, blocked, photo);
        }
    }

    /** The file as the version 21 code left it: {@code inbox_events} allows no 'unreadable', 22 not recorded. */
    private static void backToVersionTwentyOne(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("CREATE TABLE inbox_events_21 (seq INTEGER PRIMARY KEY, delivery_key TEXT NOT NULL UNIQUE, "
                    + "address TEXT NOT NULL, kind TEXT NOT NULL, event_id TEXT NOT NULL, at INTEGER NOT NULL, "
                    + "body TEXT NOT NULL, title TEXT, received_at INTEGER NOT NULL, "
                    + "failures INTEGER NOT NULL DEFAULT 0, "
                    + "CHECK (kind IN ('text', 'choice', 'button', 'link', 'group', 'unblocked', 'blocked')))");
            s.execute("INSERT INTO inbox_events_21 SELECT * FROM inbox_events");
            s.execute("DROP TABLE inbox_events");
            s.execute("ALTER TABLE inbox_events_21 RENAME TO inbox_events");
            s.execute("CREATE INDEX inbox_events_by_person ON inbox_events (address, seq)");
            s.execute("DELETE FROM schema_version WHERE version = 22");
        }
    }

    private static void insertUnreadable(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("INSERT INTO inbox_events (delivery_key, address, kind, event_id, at, body, received_at) "
                    + "VALUES ('telegram:99', 'telegram:511223344', 'unreadable', '99', 0, 'photo', 0)");
        }
    }
}

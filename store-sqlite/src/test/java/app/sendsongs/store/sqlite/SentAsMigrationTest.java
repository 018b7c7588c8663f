package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 14: a file the version 13 code wrote keeps the ids of the messages that left its outbox (none is held
 * again), which name no platform id; from then on a message sent under one keeps it.
 */
class SentAsMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress BAND = new ChatAddress(Platform.TELEGRAM, "-1001987654321");

    @TempDir
    Path dir;

    @Test
    void aVersionThirteenFileRemembersWhatLeftItsOutboxAndKeepsThePlatformsIdsFromThenOn() throws SQLException {
        Path file = dir.resolve("version-13.db");
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            OutboxStore outbox = earlier.stores().outbox();
            outbox.holdNew(List.of(post("sent-before")));
            outbox.releaseHeldMessage(post("sent-before"), T0.plusSeconds(3600));
        }
        dropVersionFourteen(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            OutboxStore outbox = sqlite.stores().outbox();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(outbox.holdNew(List.of(post("sent-before")))).as("still remembered").isEmpty();
            assertThat(outbox.sentAs("sent-before")).isEmpty();

            outbox.holdNew(List.of(post("sent-now")));
            outbox.releaseHeldMessage(post("sent-now"), T0.plusSeconds(3600), Optional.of("4711"));

            assertThat(outbox.sentAs("sent-now")).contains("4711");
        }
    }

    private static HeldMessage post(String id) {
        return new HeldMessage(id, BAND, Message.text("🎵 Alice shared Neon Heron"), T0, Optional.empty(),
                Optional.empty(), 0, 0, T0.plusSeconds(86_400), List.of());
    }

    /** The file as the version 13 code left it: {@code released_messages} without {@code sent_as}, 14 not recorded. */
    private static void dropVersionFourteen(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("ALTER TABLE released_messages DROP COLUMN sent_as");
            s.execute("DELETE FROM schema_version WHERE version = 14");
            assertThat(s.query("SELECT version FROM schema_version ORDER BY version", rs -> rs.getInt("version")))
                    .contains(13).doesNotContain(14);
        }
    }
}

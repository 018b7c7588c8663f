package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.groupchat.WaitingTap;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 30: a file of version 28, with events waiting in its inbox, gains {@code waiting_taps} and keeps what
 * it held; a Count me in tapped before connecting is then kept, one a person.
 */
class WaitingTapsMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress NEWCOMER = new ChatAddress(Platform.TELEGRAM, "511223344");
    private static final ChatAddress CHAT = new ChatAddress(Platform.TELEGRAM, "-1001234567890");
    private static final ChatAddress OTHER_CHAT = new ChatAddress(Platform.TELEGRAM, "-1009876543210");

    @TempDir
    Path dir;

    @Test
    void aVersionTwentyEightFileGainsWaitingTapsAndKeepsItsWaitingEvents() throws SQLException {
        Path file = dir.resolve("version-28.db");
        Inbound waiting = new Inbound.Text("41", NEWCOMER, T0.minusSeconds(5), "/start");
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().inbox().append(List.of(waiting), T0);
        }
        backToVersionTwentyEight(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(sqlite.stores().inbox().claim(T0, T0.plusSeconds(120), 10).orElseThrow().events())
                    .containsExactly(waiting);

            var chats = sqlite.stores().groupChats();
            assertThat(chats.waitingTap(NEWCOMER)).isEmpty();
            chats.keepTap(new WaitingTap(NEWCOMER, CHAT, T0.plus(Duration.ofDays(1))));
            chats.keepTap(new WaitingTap(NEWCOMER, OTHER_CHAT, T0.plus(Duration.ofDays(1))));

            assertThat(chats.waitingTap(NEWCOMER)).contains(new WaitingTap(NEWCOMER, OTHER_CHAT,
                    T0.plus(Duration.ofDays(1))));
        }
    }

    /** The file as the version 28 code left it: no {@code waiting_taps}, 30 not recorded. */
    private static void backToVersionTwentyEight(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("DROP TABLE waiting_taps");
            s.execute("DELETE FROM schema_version WHERE version = 30");
        }
    }
}

package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.groupchat.CountedMember;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 32: the people counted in for a group chat in a version 31 file come back as they were, without the
 * chat's title (none was kept then), and are kept when the bot leaves the chat as anyone counted in since.
 */
class KeptChatMembersMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress CHAT = new ChatAddress(Platform.TELEGRAM, "-1001234567890");
    private static final ChatAddress ALICE = new ChatAddress(Platform.TELEGRAM, "1001");

    @TempDir
    Path dir;

    @Test
    void aVersionThirtyOneFileKeepsWhoIsCountedInUntitledAndKeepsThemWhenTheBotLeaves() throws SQLException {
        Path file = dir.resolve("version-31.db");
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().groupChats().addMember(new CountedMember(CHAT, ALICE, T0));
        }
        backToVersionThirtyOne(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            var chats = sqlite.stores().groupChats();
            assertThat(chats.membersOf(CHAT)).containsExactly(new CountedMember(CHAT, ALICE, T0, Optional.empty()));

            chats.retitle(CHAT, "Friday Band");
            chats.keepMembers(CHAT, T0.plus(Duration.ofDays(30)));

            assertThat(chats.membersOf(CHAT)).isEmpty();
            assertThat(chats.keptMembersOf(CHAT, T0)).containsExactly(new CountedMember(CHAT, ALICE, T0,
                    Optional.of("Friday Band")));
        }
    }

    /** The file as the version 31 code left it: no title, no {@code kept_chat_members}, 32 not recorded. */
    private static void backToVersionThirtyOne(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("DROP TABLE kept_chat_members");
            s.execute("ALTER TABLE group_chat_members DROP COLUMN title");
            s.execute("DELETE FROM schema_version WHERE version = 32");
        }
    }
}

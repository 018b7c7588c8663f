package app.sendsongs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.groupchat.ChatSong;
import app.sendsongs.core.groupchat.GroupChatStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 21: the songs' chat messages a version 20 file keeps read as they did, none waiting for the bot (that
 * code dropped a message the bot could not edit); from then on one can wait for the bot to be added back.
 */
class ChatSongsAwaitingBotMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress BAND = new ChatAddress(Platform.TELEGRAM, "-1001987654321");

    @TempDir
    Path dir;

    @Test
    void aVersionTwentyFileKeepsItsChatSongsAsTheyWereAndCanSetOneAsideForTheBot() throws SQLException {
        Path file = dir.resolve("version-20.db");
        ChatSong shown = new ChatSong("send-1", BAND, Optional.of("41"), Optional.empty());
        ChatSong due = new ChatSong("send-2", BAND, Optional.of("42"), Optional.of(T0));
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().groupChats().saveChatSong(shown);
            earlier.stores().groupChats().saveChatSong(due);
        }
        dropVersionTwentyOne(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            GroupChatStore chats = sqlite.stores().groupChats();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(chats.findChatSong("send-1")).contains(shown);
            assertThat(chats.findChatSong("send-2")).contains(due);
            assertThat(chats.chatSongsAwaitingBot(BAND)).isEmpty();

            chats.saveChatSong(shown.untilTheBotIsBack());

            assertThat(chats.chatSongsAwaitingBot(BAND)).containsExactly(shown.untilTheBotIsBack());
        }
    }

    /** The file as the version 20 code left it: {@code group_chat_songs} without {@code awaiting_bot}. */
    private static void dropVersionTwentyOne(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("DROP INDEX group_chat_songs_awaiting_bot");
            s.execute("ALTER TABLE group_chat_songs DROP COLUMN awaiting_bot");
            s.execute("DELETE FROM schema_version WHERE version = 21");
            assertThat(s.query("SELECT version FROM schema_version ORDER BY version", rs -> rs.getInt("version")))
                    .contains(20).doesNotContain(21);
        }
    }
}

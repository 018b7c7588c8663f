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
 * Schema version 23: the songs' chat messages a version 22 file keeps read as they did, in the chat itself (that code
 * posted every one there); from then on one keeps the topic it is posted in.
 */
class ChatSongTopicsMigrationTest {
    private static final Instant T0 = Instant.parse("2030-05-01T12:00:00Z");
    private static final ChatAddress BAND = new ChatAddress(Platform.TELEGRAM, "-1001987654321");

    @TempDir
    Path dir;

    @Test
    void aVersionTwentyTwoFileKeepsItsChatSongsInTheChatItselfAndCanKeepOnesTopic() throws SQLException {
        Path file = dir.resolve("version-22.db");
        ChatSong shown = new ChatSong("send-1", BAND, Optional.of("41"), Optional.empty());
        ChatSong waiting = new ChatSong("send-2", BAND, Optional.of("42"), Optional.empty()).untilTheBotIsBack();
        try (SqliteStores earlier = SqliteStores.file(file, TestTokens.CIPHER)) {
            earlier.stores().groupChats().saveChatSong(shown);
            earlier.stores().groupChats().saveChatSong(waiting);
        }
        dropVersionTwentyThree(file);

        try (SqliteStores sqlite = SqliteStores.file(file, TestTokens.CIPHER)) {
            GroupChatStore chats = sqlite.stores().groupChats();
            assertThat(sqlite.migrationsAppliedAtOpen()).isEqualTo(1);
            assertThat(sqlite.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(chats.findChatSong("send-1")).contains(shown);
            assertThat(chats.chatSongsAwaitingBot(BAND)).containsExactly(waiting);

            ChatSong inTopic = new ChatSong("send-3", BAND, Optional.empty(), Optional.of(T0))
                    .inTopic(Optional.of("3190"));
            chats.saveChatSong(inTopic);

            assertThat(chats.findChatSong("send-3")).contains(inTopic);
        }
    }

    /** The file as the version 22 code left it: {@code group_chat_songs} without {@code topic}. */
    private static void dropVersionTwentyThree(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Session s = new Session(connection)) {
            s.execute("ALTER TABLE group_chat_songs DROP COLUMN topic");
            s.execute("DELETE FROM schema_version WHERE version = 23");
            assertThat(s.query("SELECT version FROM schema_version ORDER BY version", rs -> rs.getInt("version")))
                    .contains(22).doesNotContain(23);
        }
    }
}

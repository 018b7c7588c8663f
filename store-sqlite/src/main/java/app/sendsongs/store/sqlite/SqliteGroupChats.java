package app.sendsongs.store.sqlite;

import app.sendsongs.core.groupchat.ChatSong;
import app.sendsongs.core.groupchat.CountedMember;
import app.sendsongs.core.groupchat.GroupChatStore;
import app.sendsongs.core.groupchat.WaitingTap;
import app.sendsongs.core.shared.ChatAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is counted in for each group chat ({@code group_chat_members}, with the chat's title), who was when the bot left
 * a chat ({@code kept_chat_members}), songs' chat messages ({@code group_chat_songs}), and the Count me in taps of
 * people not connected yet ({@code waiting_taps}).
 */
final class SqliteGroupChats implements GroupChatStore {
    private static final String MEMBER_COLUMNS = "chat_address, person_address, joined_at, title";
    private static final String SONG_COLUMNS = "group_send_id, chat_address, message_ref, update_due_at, awaiting_bot, "
            + "topic";
    /** Chat messages due for an update: run on every tick; package-visible for the query-plan test. */
    static final String DUE = "SELECT " + SONG_COLUMNS + " FROM group_chat_songs WHERE update_due_at <= ? "
            + "ORDER BY update_due_at, group_send_id LIMIT ?";
    /** A chat's messages waiting for the bot to be added back; package-visible for the query-plan test. */
    static final String AWAITING_BOT = "SELECT " + SONG_COLUMNS + " FROM group_chat_songs WHERE chat_address = ? "
            + "AND awaiting_bot = 1 ORDER BY group_send_id";

    private final Database db;

    SqliteGroupChats(Database db) {
        this.db = db;
    }

    @Override
    public boolean addMember(CountedMember member) {
        return db.write(s -> s.update("INSERT INTO group_chat_members (" + MEMBER_COLUMNS + ") VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", member.chat(), member.person(), member.joinedAt(),
                member.title().orElse(null))) == 1;
    }

    @Override
    public boolean removeMember(ChatAddress chat, ChatAddress person) {
        return db.write(s -> s.update("DELETE FROM group_chat_members WHERE chat_address = ? AND person_address = ?",
                chat, person)) == 1;
    }

    @Override
    public List<CountedMember> membersOf(ChatAddress chat) {
        return db.read(s -> s.query("SELECT " + MEMBER_COLUMNS + " FROM group_chat_members WHERE chat_address = ? "
                + "ORDER BY joined_at, person_address", SqliteGroupChats::member, chat));
    }

    @Override
    public List<CountedMember> chatsOf(ChatAddress person) {
        return db.read(s -> s.query("SELECT " + MEMBER_COLUMNS + " FROM group_chat_members WHERE person_address = ? "
                + "ORDER BY joined_at, chat_address", SqliteGroupChats::member, person));
    }

    @Override
    public void removeChat(ChatAddress chat) {
        db.write(s -> s.update("DELETE FROM group_chat_members WHERE chat_address = ?", chat));
    }

    @Override
    public void retitle(ChatAddress chat, String title) {
        db.transaction(s -> {
            s.update("UPDATE group_chat_members SET title = ? WHERE chat_address = ?", title, chat);
            s.update("UPDATE kept_chat_members SET title = ? WHERE chat_address = ?", title, chat);
            return null;
        });
    }

    @Override
    public void keepMembers(ChatAddress chat, Instant keptUntil) {
        db.transaction(s -> {
            s.update("INSERT OR REPLACE INTO kept_chat_members (" + MEMBER_COLUMNS + ", kept_until) SELECT "
                    + MEMBER_COLUMNS + ", ? FROM group_chat_members WHERE chat_address = ?", keptUntil, chat);
            s.update("DELETE FROM group_chat_members WHERE chat_address = ?", chat);
            return null;
        });
    }

    @Override
    public List<CountedMember> keptMembersOf(ChatAddress chat, Instant now) {
        return db.read(s -> s.query("SELECT " + MEMBER_COLUMNS + " FROM kept_chat_members WHERE chat_address = ? "
                + "AND kept_until > ? ORDER BY joined_at, person_address", SqliteGroupChats::member, chat, now));
    }

    @Override
    public List<CountedMember> chatsKeptFor(ChatAddress person, Instant now) {
        return db.read(s -> s.query("SELECT " + MEMBER_COLUMNS + " FROM kept_chat_members WHERE person_address = ? "
                + "AND kept_until > ? ORDER BY joined_at, chat_address", SqliteGroupChats::member, person, now));
    }

    @Override
    public void dropKept(ChatAddress chat) {
        db.write(s -> s.update("DELETE FROM kept_chat_members WHERE chat_address = ?", chat));
    }

    @Override
    public void saveChatSong(ChatSong song) {
        db.write(s -> s.update("INSERT OR REPLACE INTO group_chat_songs (" + SONG_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                song.groupSendId(), song.chat(), song.messageRef().orElse(null), song.updateDueAt().orElse(null),
                song.awaitingBot() ? 1 : 0, song.topic().orElse(null)));
    }

    @Override
    public Optional<ChatSong> findChatSong(String groupSendId) {
        return db.read(s -> s.queryOne("SELECT " + SONG_COLUMNS + " FROM group_chat_songs WHERE group_send_id = ?",
                SqliteGroupChats::song, groupSendId));
    }

    @Override
    public List<ChatSong> chatSongsDue(Instant now, int limit) {
        return db.read(s -> s.query(DUE, SqliteGroupChats::song, now, (long) limit));
    }

    @Override
    public void deleteChatSong(String groupSendId) {
        db.write(s -> s.update("DELETE FROM group_chat_songs WHERE group_send_id = ?", groupSendId));
    }

    @Override
    public List<ChatSong> chatSongsAwaitingBot(ChatAddress chat) {
        return db.read(s -> s.query(AWAITING_BOT, SqliteGroupChats::song, chat));
    }

    @Override
    public void keepTap(WaitingTap tap) {
        db.write(s -> s.update("INSERT OR REPLACE INTO waiting_taps (person_address, chat_address, expires_at) "
                + "VALUES (?, ?, ?)", tap.person(), tap.chat(), tap.expiresAt()));
    }

    @Override
    public Optional<WaitingTap> waitingTap(ChatAddress person) {
        return db.read(s -> s.queryOne("SELECT person_address, chat_address, expires_at FROM waiting_taps "
                + "WHERE person_address = ?", rs -> new WaitingTap(Codec.address(rs, "person_address"),
                Codec.address(rs, "chat_address"), Codec.instant(rs, "expires_at")), person));
    }

    @Override
    public void dropTap(ChatAddress person) {
        db.write(s -> s.update("DELETE FROM waiting_taps WHERE person_address = ?", person));
    }

    /** Within a transaction: the person is counted out of every chat, and a tap kept for them goes. */
    static void forget(Session s, ChatAddress person) throws SQLException {
        s.update("DELETE FROM group_chat_members WHERE person_address = ?", person);
        s.update("DELETE FROM kept_chat_members WHERE person_address = ?", person);
        s.update("DELETE FROM waiting_taps WHERE person_address = ?", person);
    }

    private static CountedMember member(ResultSet rs) throws SQLException {
        return new CountedMember(Codec.address(rs, "chat_address"), Codec.address(rs, "person_address"),
                Codec.instant(rs, "joined_at"), Codec.optionalText(rs, "title"));
    }

    private static ChatSong song(ResultSet rs) throws SQLException {
        return new ChatSong(rs.getString("group_send_id"), Codec.address(rs, "chat_address"),
                Codec.optionalText(rs, "message_ref"), Codec.optionalInstant(rs, "update_due_at"),
                rs.getInt("awaiting_bot") == 1, Codec.optionalText(rs, "topic"));
    }
}

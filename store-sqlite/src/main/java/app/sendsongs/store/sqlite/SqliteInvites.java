package app.sendsongs.store.sqlite;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.EndedInvite;
import app.sendsongs.core.share.Invite;
import app.sendsongs.core.share.InviteStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Songs for friends not registered yet, in {@code invites} by token; {@code claimed} (since schema version 31) marks
 * one whose song is being sent, which {@link #takeUnclaimedInvite} leaves.
 */
final class SqliteInvites implements InviteStore {
    private static final String COLUMNS = "token, sender_address, friend_name, track_id, title, pre, post, created_at, "
            + "expires_at, friend_address";
    /** The invites nobody opened made for a name key, oldest first, through their index as they are kept. */
    static final String UNOPENED_FOR_NAME = "SELECT " + COLUMNS + " FROM invites WHERE friend_name_key = ? AND "
            + "friend_address IS NULL AND expires_at > ? ORDER BY created_at, token LIMIT ?";

    private final Database db;

    SqliteInvites(Database db) {
        this.db = db;
    }

    @Override
    public void saveInvite(Invite i) {
        db.write(s -> s.update("INSERT OR REPLACE INTO invites (" + COLUMNS + ", friend_name_key) VALUES (?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?)", i.token(), i.sender(), i.friendName(), i.track().value(), i.title(), i.pre(),
                i.post(), i.createdAt(), i.expiresAt(), i.friend().orElse(null), Names.key(i.friendName())));
    }

    @Override
    public Optional<Invite> findInvite(String token) {
        return db.read(s -> s.queryOne("SELECT " + COLUMNS + " FROM invites WHERE token = ?", SqliteInvites::invite,
                token));
    }

    @Override
    public boolean openInvite(String token, ChatAddress friend) {
        return db.write(s -> s.update("UPDATE invites SET friend_address = ? WHERE token = ? AND (friend_address IS NULL "
                + "OR friend_address = ?)", friend, token, friend)) == 1;
    }

    @Override
    public boolean releaseInvite(String token, ChatAddress friend) {
        return db.write(s -> s.update("UPDATE invites SET friend_address = NULL, claimed = 0 WHERE token = ? AND "
                + "friend_address = ?", token, friend)) == 1;
    }

    @Override
    public boolean claimInvite(String token, ChatAddress friend) {
        return db.write(s -> s.update("UPDATE invites SET claimed = 1 WHERE token = ? AND friend_address = ?", token,
                friend)) == 1;
    }

    @Override
    public boolean takeUnclaimedInvite(String token) {
        return db.write(s -> s.update("DELETE FROM invites WHERE token = ? AND claimed = 0", token)) == 1;
    }

    @Override
    public List<Invite> openInvitesSentBy(ChatAddress sender, Instant now, int limit) {
        return db.read(s -> s.query("SELECT " + COLUMNS + " FROM invites WHERE sender_address = ? AND expires_at > ? "
                + "ORDER BY expires_at, token LIMIT ?", SqliteInvites::invite, sender, now, limit));
    }

    @Override
    public List<Invite> unopenedInvitesFor(String friendNameKey, Instant now, int limit) {
        return db.read(s -> s.query(UNOPENED_FOR_NAME, SqliteInvites::invite, friendNameKey, now, limit));
    }

    @Override
    public List<Invite> invitesOpenedBy(ChatAddress friend) {
        return db.read(s -> s.query("SELECT " + COLUMNS + " FROM invites WHERE friend_address = ? ORDER BY created_at, "
                + "token", SqliteInvites::invite, friend));
    }

    @Override
    public boolean takeInvite(String token) {
        return db.write(s -> s.update("DELETE FROM invites WHERE token = ?", token)) == 1;
    }

    @Override
    public List<Invite> invitesExpiredBy(Instant now, int limit) {
        return db.read(s -> s.query("SELECT " + COLUMNS + " FROM invites WHERE expires_at <= ? ORDER BY expires_at, "
                + "token LIMIT ?", SqliteInvites::invite, now, limit));
    }

    @Override
    public void saveEndedInvite(EndedInvite e) {
        db.write(s -> s.update("INSERT OR REPLACE INTO ended_invites (token, how, sender_address, used_by_address, "
                + "title, ended_at, keep_until) VALUES (?, ?, ?, ?, ?, ?, ?)", e.token(), e.how().name(), e.sender(),
                e.usedBy().orElse(null), e.title(), e.endedAt(), e.keepUntil()));
    }

    @Override
    public Optional<EndedInvite> findEndedInvite(String token) {
        return db.read(s -> s.queryOne("SELECT * FROM ended_invites WHERE token = ?", rs -> new EndedInvite(
                rs.getString("token"), EndedInvite.How.valueOf(rs.getString("how")),
                Codec.address(rs, "sender_address"),
                Codec.optionalText(rs, "used_by_address").map(ChatAddress::parse), rs.getString("title"),
                Codec.instant(rs, "ended_at"), Codec.instant(rs, "keep_until")), token));
    }

    /** Forgetting a person takes back the invites they sent, and what became of those they sent or used. */
    static void delete(Session s, ChatAddress person) throws SQLException {
        s.update("DELETE FROM invites WHERE sender_address = ?", person);
        s.update("DELETE FROM ended_invites WHERE sender_address = ?", person);
        s.update("DELETE FROM ended_invites WHERE used_by_address = ?", person);
    }

    private static Invite invite(ResultSet rs) throws SQLException {
        return new Invite(rs.getString("token"), Codec.address(rs, "sender_address"), rs.getString("friend_name"),
                new TrackId(rs.getString("track_id")), rs.getString("title"), rs.getString("pre"), rs.getString("post"),
                Codec.instant(rs, "created_at"), Codec.instant(rs, "expires_at"),
                Codec.optionalText(rs, "friend_address").map(ChatAddress::parse));
    }
}

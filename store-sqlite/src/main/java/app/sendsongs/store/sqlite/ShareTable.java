package app.sendsongs.store.sqlite;

import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Shared songs, by id, by sender and by receiver. */
final class ShareTable {
    private static final String COLUMNS = "id, sender_psid, receiver_psid, track_id, track_name, track_artists, "
            + "track_duration_ms, track_isrc, track_linked_from, pre, post, created_at, delivered_at, expires_at, "
            + "status, played_at, uncertain, group_send_id";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM shares ";
    /** Every member's share of one group send: run whenever one of them settles. */
    static final String OF_GROUP_SEND = SELECT + "WHERE group_send_id = ?";

    private ShareTable() {
    }

    static void insert(Session s, Share share) throws SQLException {
        s.update("INSERT INTO shares (sender_psid, receiver_psid, track_id, track_name, track_artists, "
                + "track_duration_ms, track_isrc, track_linked_from, pre, post, created_at, delivered_at, expires_at, "
                + "status, played_at, uncertain, group_send_id, id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values(share));
    }

    static Optional<Share> find(Session s, String id) throws SQLException {
        return s.queryOne(SELECT + "WHERE id = ?", ShareTable::share, id);
    }

    /** One UPDATE ... WHERE status = expected: of two racing workers only one changes the row. */
    static boolean update(Session s, Share share, ShareStatus expected) throws SQLException {
        Object[] values = values(share);
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = expected.name();
        return s.update("UPDATE shares SET sender_psid = ?, receiver_psid = ?, track_id = ?, track_name = ?, "
                + "track_artists = ?, track_duration_ms = ?, track_isrc = ?, track_linked_from = ?, pre = ?, post = ?, "
                + "created_at = ?, delivered_at = ?, expires_at = ?, status = ?, played_at = ?, uncertain = ?, "
                + "group_send_id = ? "
                + "WHERE id = ? AND status = ?", params) == 1;
    }

    static List<Share> sentBy(Session s, String senderPsid) throws SQLException {
        return s.query(SELECT + "WHERE sender_psid = ? ORDER BY created_at DESC, seq DESC", ShareTable::share,
                senderPsid);
    }

    static List<Share> watchedFor(Session s, String receiverPsid) throws SQLException {
        return s.query(SELECT + "WHERE receiver_psid = ? AND status = 'WATCHING' ORDER BY delivered_at, seq",
                ShareTable::share, receiverPsid);
    }

    static List<Share> openTo(Session s, String receiverPsid) throws SQLException {
        return s.query(SELECT + "WHERE receiver_psid = ? AND status IN ('HELD', 'WATCHING') ORDER BY created_at, seq",
                ShareTable::share, receiverPsid);
    }

    static List<Share> ofGroupSend(Session s, String groupSendId) throws SQLException {
        return s.query(OF_GROUP_SEND, ShareTable::share, groupSendId);
    }

    static void deleteOf(Session s, String psid) throws SQLException {
        s.update("DELETE FROM shares WHERE sender_psid = ? OR receiver_psid = ?", psid, psid);
    }

    /** Every column but id, then id: the order of the INSERT and of the UPDATE's SET ... WHERE id. */
    private static Object[] values(Share share) {
        Track track = share.track();
        return new Object[] {share.senderPsid(), share.receiverPsid(), track.id().value(), track.name(),
            Codec.list(track.artists()), track.duration().toMillis(), track.isrc().orElse(null),
            track.linkedFrom().map(TrackId::value).orElse(null), share.pre(), share.post(), share.createdAt(),
            share.deliveredAt().orElse(null), share.expiresAt().orElse(null), share.status().name(),
            share.playedAt().orElse(null), share.uncertain(), share.groupSendId().orElse(null), share.id()};
    }

    private static Share share(ResultSet rs) throws SQLException {
        Track track = new Track(new TrackId(rs.getString("track_id")), rs.getString("track_name"),
                Codec.list(rs.getString("track_artists")), Duration.ofMillis(rs.getLong("track_duration_ms")),
                Codec.optionalText(rs, "track_isrc"), Codec.optionalText(rs, "track_linked_from").map(TrackId::new));
        return new Share(rs.getString("id"), rs.getString("sender_psid"), rs.getString("receiver_psid"), track,
                rs.getString("pre"), rs.getString("post"), Codec.instant(rs, "created_at"),
                Codec.optionalInstant(rs, "delivered_at"), Codec.optionalInstant(rs, "expires_at"),
                ShareStatus.valueOf(rs.getString("status")), Codec.optionalInstant(rs, "played_at"),
                rs.getInt("uncertain") != 0, Codec.optionalText(rs, "group_send_id"));
    }
}

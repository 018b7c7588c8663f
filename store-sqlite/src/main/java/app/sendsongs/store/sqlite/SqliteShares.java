package app.sendsongs.store.sqlite;

import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Exchange;
import app.sendsongs.core.share.SendRecord;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Shared songs, in {@code shares}: by id, by sender, by receiver and by group send. */
final class SqliteShares implements ShareStore {
    private static final String SELECT = "SELECT id, sender_address, receiver_address, track_id, track_name, "
            + "track_artists, track_duration_ms, track_isrc, track_linked_from, pre, post, created_at, delivered_at, "
            + "expires_at, status, played_at, uncertain, group_send_id, receipts_off FROM shares ";
    /** Every member's share of one group send: run whenever one of them settles; package-visible for the query-plan test. */
    static final String OF_GROUP_SEND = SELECT + "WHERE group_send_id = ?";
    /** A sender's sends from a time on, as their limits count them; package-visible for the query-plan test. */
    static final String SENDS_SINCE = "SELECT id, receiver_address, created_at, group_send_id FROM shares "
            + "WHERE sender_address = ? AND created_at >= ? ORDER BY created_at DESC, seq DESC";
    /**
     * The open shares from one sender to one receiver, by the receiver's open ones (a few), not by everything the
     * sender ever sent: the unary {@code +} keeps SQLite off the sender's index. Package-visible for the query-plan
     * test.
     */
    static final String OPEN_FROM = SELECT + "WHERE receiver_address = ? AND status IN ('HELD', 'WATCHING') "
            + "AND +sender_address = ? ORDER BY created_at, seq";

    /** Whom a person's latest sends went to, from the index by sender alone; package-visible for the plan test. */
    static final String LATEST_SENT = "SELECT receiver_address AS other, created_at FROM shares "
            + "WHERE sender_address = ? ORDER BY created_at DESC, seq DESC LIMIT ?";
    /** Who sent a person their latest songs, from the index by receiver and time alone; package-visible too. */
    static final String LATEST_RECEIVED = "SELECT sender_address AS other, created_at FROM shares "
            + "WHERE receiver_address = ? ORDER BY created_at DESC, seq DESC LIMIT ?";

    /** Everything a sender sent, newest first. */
    private static final String SENT = SELECT + "WHERE sender_address = ? ORDER BY created_at DESC, seq DESC";
    /** A sender's latest shares, whole, for their history; package-visible for the query-plan test. */
    static final String LATEST_SENT_WHOLE = SENT + " LIMIT ?";

    /** A sender's open shares, oldest first, by the index of open shares by sender; package-visible too. */
    static final String OPEN_SENT = SELECT + "WHERE sender_address = ? AND status IN ('HELD', 'WATCHING') "
            + "ORDER BY created_at, seq";

    private final Database db;

    SqliteShares(Database db) {
        this.db = db;
    }

    @Override
    public boolean insertShare(Share share) {
        return db.write(s -> s.update("INSERT INTO shares (sender_address, receiver_address, track_id, track_name, "
                + "track_artists, track_duration_ms, track_isrc, track_linked_from, pre, post, created_at, delivered_at, "
                + "expires_at, status, played_at, uncertain, group_send_id, receipts_off, id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                values(share))) == 1;
    }

    @Override
    public Optional<Share> findShare(String id) {
        return db.read(s -> s.queryOne(SELECT + "WHERE id = ?", SqliteShares::share, id));
    }

    /**
     * One UPDATE ... WHERE status = expected: of two racing workers only one changes the row. A stored
     * {@code receipts_off} stays set.
     */
    @Override
    public boolean updateShare(Share updated, ShareStatus expected) {
        Object[] values = values(updated);
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = expected.name();
        return db.write(s -> s.update("UPDATE shares SET sender_address = ?, receiver_address = ?, track_id = ?, "
                + "track_name = ?, track_artists = ?, track_duration_ms = ?, track_isrc = ?, track_linked_from = ?, "
                + "pre = ?, post = ?, created_at = ?, delivered_at = ?, expires_at = ?, status = ?, played_at = ?, "
                + "uncertain = ?, group_send_id = ?, receipts_off = MAX(receipts_off, ?) WHERE id = ? AND status = ?", params)) == 1;
    }

    @Override
    public List<Share> sharesSentBy(ChatAddress sender) {
        return db.read(s -> s.query(SENT, SqliteShares::share, sender));
    }

    /** By the partial index of open shares by sender: one table row read an open share, none for the others. */
    @Override
    public List<Share> openSharesSentBy(ChatAddress sender) {
        return db.read(s -> s.query(OPEN_SENT, SqliteShares::share, sender));
    }

    /** By the index by sender, newest first, stopping after {@code limit}: one table row read a share shown. */
    @Override
    public List<Share> latestSentBy(ChatAddress sender, int limit) {
        return db.read(s -> s.query(LATEST_SENT_WHOLE, SqliteShares::share, sender, limit));
    }

    /** By the index on (sender, created): the last day of a sender's shares, whatever they sent before. */
    @Override
    public List<Share> sharesSentSince(ChatAddress sender, Instant since) {
        return db.read(s -> s.query(SELECT + "WHERE sender_address = ? AND created_at >= ? "
                + "ORDER BY created_at DESC, seq DESC", SqliteShares::share, sender, since));
    }

    /**
     * As {@link #sharesSentSince}, decoding only the shares whose receiver kept their plays from the sender or that
     * the sender cancelled: one read for both, found by the sender's index, each share of the period visited once.
     */
    @Override
    public List<Share> keptPrivateOrCancelledSentSince(ChatAddress sender, Instant since) {
        return db.read(s -> s.query(SELECT + "WHERE sender_address = ? AND created_at >= ? "
                + "AND (receipts_off <> 0 OR status = 'CANCELLED') ORDER BY created_at DESC, seq DESC",
                SqliteShares::share, sender, since));
    }

    /** As {@link #sharesSentSince}, reading only the columns a sender's limits count. */
    @Override
    public List<SendRecord> sendsSince(ChatAddress sender, Instant since) {
        return db.read(s -> s.query(SENDS_SINCE, SqliteShares::sendRecord, sender, since));
    }

    @Override
    public List<Share> sharesReceivedBy(ChatAddress receiver) {
        return db.read(s -> s.query(SELECT + "WHERE receiver_address = ? ORDER BY created_at DESC, seq DESC",
                SqliteShares::share, receiver));
    }

    @Override
    public Optional<Share> latestReceivedBy(ChatAddress receiver) {
        return latestReceivedBy(receiver, 1).stream().findFirst();
    }

    /** By the index on (receiver, created, seq): the newest rows, not the person's whole history. */
    @Override
    public List<Share> latestReceivedBy(ChatAddress receiver, int limit) {
        return db.read(s -> s.query(SELECT + "WHERE receiver_address = ? ORDER BY created_at DESC, seq DESC LIMIT ?",
                SqliteShares::share, receiver, limit));
    }

    /** Two reads of a few index pages each, in one read transaction, merged latest first (sends first on a tie). */
    @Override
    public List<Exchange> latestExchanges(ChatAddress person, int shares) {
        List<Exchange> exchanges = db.readTogether(s -> {
            List<Exchange> both = new ArrayList<>(s.query(LATEST_SENT, SqliteShares::exchange, person, shares));
            both.addAll(s.query(LATEST_RECEIVED, SqliteShares::exchange, person, shares));
            return both;
        });
        return exchanges.stream().sorted(Comparator.comparing(Exchange::at).reversed()).toList();
    }

    private static Exchange exchange(ResultSet rs) throws SQLException {
        return new Exchange(Codec.address(rs, "other"), Codec.instant(rs, "created_at"));
    }

    @Override
    public List<Share> sharesWatchedFor(ChatAddress receiver) {
        return db.read(s -> s.query(SELECT + "WHERE receiver_address = ? AND status = 'WATCHING' "
                + "ORDER BY delivered_at, seq", SqliteShares::share, receiver));
    }

    @Override
    public List<Share> openSharesTo(ChatAddress receiver) {
        return db.read(s -> s.query(SELECT + "WHERE receiver_address = ? AND status IN ('HELD', 'WATCHING') "
                + "ORDER BY created_at, seq", SqliteShares::share, receiver));
    }

    /** By the index on (receiver, status), reading only the sender's rows whole. */
    @Override
    public List<Share> openSharesFrom(ChatAddress sender, ChatAddress receiver) {
        return db.read(s -> s.query(OPEN_FROM, SqliteShares::share, receiver, sender));
    }

    @Override
    public List<Share> sharesOfGroupSend(String groupSendId) {
        return db.read(s -> s.query(OF_GROUP_SEND, SqliteShares::share, groupSendId));
    }

    @Override
    public void deleteSharesOf(ChatAddress person) {
        db.write(s -> delete(s, person));
    }

    static int delete(Session s, ChatAddress person) throws SQLException {
        return s.update("DELETE FROM shares WHERE sender_address = ? OR receiver_address = ?", person, person);
    }

    /** Every column but id, then id: the order of the INSERT and of the UPDATE's SET ... WHERE id. */
    private static Object[] values(Share share) {
        Track track = share.track();
        return new Object[] {share.sender(), share.receiver(), track.id().value(), track.name(),
            Codec.list(track.artists()), track.duration().toMillis(), track.isrc().orElse(null),
            track.linkedFrom().map(TrackId::value).orElse(null), share.pre(), share.post(), share.createdAt(),
            share.deliveredAt().orElse(null), share.expiresAt().orElse(null), share.status().name(),
            share.playedAt().orElse(null), share.uncertain(), share.groupSendId().orElse(null), share.receiptsOff(),
            share.id()};
    }

    private static SendRecord sendRecord(ResultSet rs) throws SQLException {
        return new SendRecord(rs.getString("id"), Codec.address(rs, "receiver_address"), Codec.instant(rs, "created_at"),
                Codec.optionalText(rs, "group_send_id"));
    }

    private static Share share(ResultSet rs) throws SQLException {
        Track track = new Track(new TrackId(rs.getString("track_id")), rs.getString("track_name"),
                Codec.list(rs.getString("track_artists")), Duration.ofMillis(rs.getLong("track_duration_ms")),
                Codec.optionalText(rs, "track_isrc"), Codec.optionalText(rs, "track_linked_from").map(TrackId::new));
        Share.Stored stored = Share.stored(rs.getString("id"), Codec.address(rs, "sender_address"),
                Codec.address(rs, "receiver_address"), track, Codec.instant(rs, "created_at"),
                ShareStatus.valueOf(rs.getString("status")))
                .notes(rs.getString("pre"), rs.getString("post"))
                .uncertain(rs.getInt("uncertain") != 0)
                .receiptsOff(rs.getInt("receipts_off") != 0);
        Optional<String> groupSendId = Codec.optionalText(rs, "group_send_id");
        groupSendId.ifPresent(stored::groupSend);
        Instant deliveredAt = Codec.instant(rs, "delivered_at");
        if (deliveredAt != null) {
            stored.delivered(deliveredAt, Codec.instant(rs, "expires_at"));
        }
        Codec.optionalInstant(rs, "played_at").ifPresent(stored::playedAt);
        return stored.build();
    }
}

package app.sendsongs.store.sqlite;

import app.sendsongs.core.chat.HeldMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The inbound message log and the held outgoing messages. */
final class OutboxTables {
    private static final String COLUMNS = "id, psid, text, held_at, retry_at, share_id";
    /** Uses the partial index on retry_at; package-visible for the query-plan test. */
    static final String DUE_FOR_RETRY = "SELECT " + COLUMNS + " FROM held_messages "
            + "WHERE retry_at IS NOT NULL AND retry_at <= ? ORDER BY retry_at, seq LIMIT ?";

    private OutboxTables() {
    }

    /** INSERT ... ON CONFLICT DO NOTHING: exactly one caller inserts the id. */
    static boolean firstDelivery(Session s, String mid, Instant at) throws SQLException {
        return s.update("INSERT INTO inbound_messages (mid, seen_at) VALUES (?, ?) ON CONFLICT (mid) DO NOTHING",
                mid, at) == 1;
    }

    /** Inserts, or replaces the message with the same id in place (it keeps its queue position). */
    static void hold(Session s, HeldMessage m) throws SQLException {
        s.update("INSERT INTO held_messages (id, psid, text, held_at, retry_at, share_id) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET psid = excluded.psid, text = excluded.text, "
                        + "held_at = excluded.held_at, retry_at = excluded.retry_at, share_id = excluded.share_id",
                m.id(), m.psid(), m.text(), m.heldAt(), m.retryAt().orElse(null), m.shareId().orElse(null));
    }

    static List<HeldMessage> heldFor(Session s, String psid) throws SQLException {
        return s.query("SELECT " + COLUMNS + " FROM held_messages WHERE psid = ? ORDER BY held_at, seq",
                OutboxTables::held, psid);
    }

    static List<HeldMessage> dueForRetry(Session s, Instant now, int limit) throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        return s.query(DUE_FOR_RETRY, OutboxTables::held, now, limit);
    }

    /** Conditional on the retry time read ({@code IS} also matches two NULLs): one of several takers wins. */
    static boolean lease(Session s, HeldMessage m, Instant now, Instant leaseUntil) throws SQLException {
        return s.update("UPDATE held_messages SET retry_at = ? "
                        + "WHERE id = ? AND retry_at IS ? AND (retry_at IS NULL OR retry_at <= ?)",
                leaseUntil, m.id(), m.retryAt().orElse(null), now) == 1;
    }

    static void release(Session s, String id) throws SQLException {
        s.update("DELETE FROM held_messages WHERE id = ?", id);
    }

    static void deleteFor(Session s, String psid) throws SQLException {
        s.update("DELETE FROM held_messages WHERE psid = ?", psid);
    }

    private static HeldMessage held(ResultSet rs) throws SQLException {
        return new HeldMessage(rs.getString("id"), rs.getString("psid"), rs.getString("text"),
                Codec.instant(rs, "held_at"), Codec.optionalInstant(rs, "retry_at"),
                Codec.optionalText(rs, "share_id"));
    }
}

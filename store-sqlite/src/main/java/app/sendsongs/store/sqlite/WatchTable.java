package app.sendsongs.store.sqlite;

import app.sendsongs.core.watch.Watch;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One listen check per receiver. Every write changes {@code version}: a new watch starts at a
 * random version (so a watch deleted and created again does not repeat its predecessor's versions
 * and a stale worker's write is still refused), every later write adds one.
 */
final class WatchTable {
    private static final String COLUMNS = "receiver_psid, due_at, checked_through, version";
    /** Walks the due_at index from its start; package-visible for the query-plan test. */
    static final String DUE = "SELECT rowid, receiver_psid, checked_through, version FROM watches "
            + "WHERE due_at <= ? ORDER BY due_at LIMIT ?";

    private WatchTable() {
    }

    /** One upsert: creates the watch, or moves due time and read position earlier (never later). */
    static void schedule(Session s, String receiverPsid, Instant dueAt, Instant readFrom) throws SQLException {
        s.update("INSERT INTO watches (receiver_psid, due_at, checked_through, version) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (receiver_psid) DO UPDATE SET due_at = min(due_at, excluded.due_at), "
                        + "checked_through = min(checked_through, excluded.checked_through), version = version + 1",
                receiverPsid, dueAt, readFrom, firstVersion());
    }

    /** Must run inside a write transaction (BEGIN IMMEDIATE), so no other claimer sees the same rows. */
    static List<Watch> claim(Session s, Instant now, int limit, Instant leaseUntil) throws SQLException {
        if (limit <= 0) {
            return List.of();
        }
        record Due(long rowid, Watch claimed) {
        }
        List<Due> due = s.query(DUE, rs -> new Due(rs.getLong("rowid"), new Watch(rs.getString("receiver_psid"),
                leaseUntil, Codec.instant(rs, "checked_through"), rs.getLong("version") + 1)), now, limit);
        List<Watch> claimed = new ArrayList<>(due.size());
        for (Due each : due) {
            // by rowid, found by the query above: no second index lookup per claimed watch
            int changed = s.update("UPDATE watches SET due_at = ?, version = ? WHERE rowid = ? AND version = ?",
                    leaseUntil, each.claimed().version(), each.rowid(), each.claimed().version() - 1);
            if (changed != 1) {
                throw new SQLException("a watch changed inside its claiming transaction");
            }
            claimed.add(each.claimed());
        }
        return claimed;
    }

    static boolean complete(Session s, Watch claimed, Optional<Instant> nextDue, Instant checkedThrough)
            throws SQLException {
        if (nextDue.isEmpty()) {
            return s.update("DELETE FROM watches WHERE receiver_psid = ? AND version = ?",
                    claimed.receiverPsid(), claimed.version()) == 1;
        }
        return s.update("UPDATE watches SET due_at = ?, checked_through = ?, version = version + 1 "
                        + "WHERE receiver_psid = ? AND version = ?",
                nextDue.get(), checkedThrough, claimed.receiverPsid(), claimed.version()) == 1;
    }

    static Optional<Watch> find(Session s, String receiverPsid) throws SQLException {
        return s.queryOne("SELECT " + COLUMNS + " FROM watches WHERE receiver_psid = ?",
                rs -> new Watch(rs.getString("receiver_psid"), Codec.instant(rs, "due_at"),
                        Codec.instant(rs, "checked_through"), rs.getLong("version")), receiverPsid);
    }

    static void delete(Session s, String receiverPsid) throws SQLException {
        s.update("DELETE FROM watches WHERE receiver_psid = ?", receiverPsid);
    }

    private static long firstVersion() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 52);
    }
}

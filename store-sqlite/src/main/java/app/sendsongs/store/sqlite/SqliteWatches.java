package app.sendsongs.store.sqlite;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One listen check per receiver, kept in three tables (since schema version 3) so that claiming a
 * batch of due checks touches a few contiguous pages however many watches are pending:
 * {@code watches} finds a receiver's watch, {@code watch_queue} holds the watches not being checked
 * in due order, {@code watch_leases} the ones being checked, with their lease end as due time. A
 * watch has exactly one queue entry or lease row, which also holds its read position and version.
 *
 * <p>Every write changes the version: a new watch starts at a random version (so a watch deleted
 * and created again does not repeat its predecessor's versions and a stale worker's write is still
 * refused), every later write adds one. Every write is one write transaction ({@code BEGIN IMMEDIATE}).
 *
 * <p>Besides the port, two things for tools and benchmarks: {@link #scheduleWatches} loads many
 * watches in one transaction, {@link #dueWatchesQueryPlan} shows how SQLite finds due watches.
 */
public final class SqliteWatches implements WatchStore {
    /** The front of the queue; package-visible for the query-plan test. */
    static final String DUE = "SELECT due_at, receiver_address, checked_through, version FROM watch_queue "
            + "WHERE due_at <= ? ORDER BY due_at, receiver_address LIMIT ?";
    /** Leases that ended (their check died with its worker): due again at the lease end. */
    static final String LEASE_ENDED = "SELECT lease_until, receiver_address, checked_through, version "
            + "FROM watch_leases WHERE lease_until <= ? ORDER BY lease_until LIMIT ?";
    /** One statement, so a read connection sees the watch in one snapshot. */
    private static final String FIND = "SELECT w.receiver_address, l.receiver_address IS NOT NULL AS leased, "
            + "coalesce(l.lease_until, q.due_at) AS due_at, coalesce(l.checked_through, q.checked_through) "
            + "AS checked_through, coalesce(l.version, q.version) AS version FROM watches w "
            + "LEFT JOIN watch_leases l ON l.receiver_address = w.receiver_address "
            + "LEFT JOIN watch_queue q ON q.due_at = w.due_at AND q.receiver_address = w.receiver_address "
            + "WHERE w.receiver_address = ?";

    /** A watch to schedule with {@link #scheduleWatches}. */
    public record WatchToSchedule(ChatAddress receiver, Instant dueAt, Instant readFrom) {
    }

    /** A watch as stored, and whether it is leased (in watch_leases) or queued (in watch_queue). */
    private record Filed(Watch watch, boolean leased) {
        ChatAddress receiver() {
            return watch.receiver();
        }
    }

    private final Database db;

    SqliteWatches(Database db) {
        this.db = db;
    }

    @Override
    public void scheduleWatch(ChatAddress receiver, Instant dueAt, Instant readFrom) {
        db.transaction(s -> {
            schedule(s, receiver, dueAt, readFrom);
            return null;
        });
    }

    /**
     * Schedules many watches in one transaction, each exactly as {@link #scheduleWatch} would: for
     * loading a database quickly (imports, benchmarks).
     */
    public void scheduleWatches(Collection<WatchToSchedule> watches) {
        db.transaction(s -> {
            for (WatchToSchedule watch : watches) {
                schedule(s, watch.receiver(), watch.dueAt(), watch.readFrom());
            }
            return null;
        });
    }

    @Override
    public List<Watch> claimDueWatches(Instant now, int limit, Instant leaseUntil) {
        if (limit <= 0) {
            return List.of();
        }
        return db.transaction(s -> claim(s, now, limit, leaseUntil));
    }

    @Override
    public boolean rescheduleWatch(Watch claimed, Instant nextDue, Instant checkedThrough) {
        return db.transaction(s -> {
            if (!unlease(s, claimed)) {
                return false;
            }
            file(s, claimed.receiver(), nextDue, checkedThrough, claimed.version() + 1);
            return true;
        });
    }

    @Override
    public boolean endWatch(Watch claimed) {
        return db.transaction(s -> {
            if (!unlease(s, claimed)) {
                return false;
            }
            s.update("DELETE FROM watches WHERE receiver_address = ?", claimed.receiver());
            return true;
        });
    }

    @Override
    public Optional<Watch> findWatch(ChatAddress receiver) {
        return db.read(s -> filed(s, receiver).map(Filed::watch));
    }

    @Override
    public void deleteWatch(ChatAddress receiver) {
        db.transaction(s -> {
            delete(s, receiver);
            return null;
        });
    }

    /**
     * How SQLite runs the two queries of {@link #claimDueWatches} on this database now (the
     * {@code EXPLAIN QUERY PLAN} details of the queue's front, then of the ended leases): each
     * should search its table in due order, never scan or sort.
     */
    public List<String> dueWatchesQueryPlan() {
        return db.read(s -> {
            List<String> plan = new ArrayList<>();
            for (String query : List.of(DUE, LEASE_ENDED)) {
                plan.addAll(s.query("EXPLAIN QUERY PLAN " + query, rs -> rs.getString("detail"), Instant.now(), 1000));
            }
            return plan;
        });
    }

    /** Within a transaction: the person's watch, whether queued or leased. */
    static void delete(Session s, ChatAddress receiver) throws SQLException {
        s.update("DELETE FROM watch_queue WHERE due_at = (SELECT due_at FROM watches WHERE receiver_address = ?) "
                + "AND receiver_address = ?", receiver, receiver);
        s.update("DELETE FROM watch_leases WHERE receiver_address = ?", receiver);
        s.update("DELETE FROM watches WHERE receiver_address = ?", receiver);
    }

    /** Creates the watch, or moves its due time and read position earlier (never later). */
    private static void schedule(Session s, ChatAddress receiver, Instant dueAt, Instant readFrom) throws SQLException {
        Optional<Filed> current = filed(s, receiver);
        if (current.isEmpty()) {
            s.update("INSERT INTO watches (receiver_address, due_at) VALUES (?, ?)", receiver, dueAt);
            enqueue(s, receiver, dueAt, readFrom, firstVersion());
            return;
        }
        Watch watch = current.get().watch();
        Instant due = earlier(watch.dueAt(), dueAt);
        Instant checkedThrough = earlier(watch.checkedThrough(), readFrom);
        if (!current.get().leased() && due.equals(watch.dueAt())) {
            // stays where it is in the queue (the usual case: a later share to someone already watched)
            s.update("UPDATE watch_queue SET checked_through = ?, version = ? WHERE due_at = ? AND receiver_address = ?",
                    checkedThrough, watch.version() + 1, due, receiver);
            return;
        }
        unfile(s, current.get());
        file(s, receiver, due, checkedThrough, watch.version() + 1);
    }

    /**
     * Leases the earliest due watches, queued or with an ended lease, until {@code leaseUntil}. The
     * queued ones are a prefix of the queue, removed in one range delete; each gets a lease row.
     */
    private static List<Watch> claim(Session s, Instant now, int limit, Instant leaseUntil) throws SQLException {
        List<Filed> queued = s.query(DUE, rs -> read(rs, "due_at", false), now, limit);
        // a full batch from the queue leaves room only for leases that ended before its last one
        Instant leasesEndedBy = queued.size() == limit ? queued.getLast().watch().dueAt() : now;
        List<Filed> due = earliestFirst(queued,
                s.query(LEASE_ENDED, rs -> read(rs, "lease_until", true), leasesEndedBy, limit), limit);
        List<Watch> claimed = new ArrayList<>(due.size());
        List<Filed> fromQueue = new ArrayList<>(due.size());
        for (Filed each : due) {
            claimed.add(lease(s, each, leaseUntil));
            if (!each.leased()) {
                fromQueue.add(each);
            }
        }
        if (!fromQueue.isEmpty()) {
            Filed last = fromQueue.getLast();
            expect(fromQueue.size(), s.update("DELETE FROM watch_queue WHERE due_at <= ? "
                    + "AND (due_at < ? OR receiver_address <= ?)", last.watch().dueAt(), last.watch().dueAt(), last.receiver()));
        }
        return claimed;
    }

    /** The watch leased until {@code leaseUntil}: a new lease row, or its ended lease renewed. */
    private static Watch lease(Session s, Filed due, Instant leaseUntil) throws SQLException {
        Watch watch = due.watch();
        long version = watch.version() + 1;
        if (due.leased()) {
            expect(1, s.update("UPDATE watch_leases SET lease_until = ?, version = ? WHERE receiver_address = ? "
                    + "AND version = ?", leaseUntil, version, due.receiver(), watch.version()));
        } else {
            s.update("INSERT INTO watch_leases (receiver_address, lease_until, checked_through, version) "
                    + "VALUES (?, ?, ?, ?)", due.receiver(), leaseUntil, watch.checkedThrough(), version);
        }
        return new Watch(due.receiver(), leaseUntil, watch.checkedThrough(), version);
    }

    /** Ends a claimed check's lease: refused when the lease is gone or the watch changed since the claim. */
    private static boolean unlease(Session s, Watch claimed) throws SQLException {
        return s.update("DELETE FROM watch_leases WHERE receiver_address = ? AND version = ?",
                claimed.receiver(), claimed.version()) == 1;
    }

    private static Optional<Filed> filed(Session s, ChatAddress receiver) throws SQLException {
        return s.queryOne(FIND, rs -> read(rs, "due_at", rs.getBoolean("leased")), receiver);
    }

    /** Queues the watch under {@code dueAt} and files it there. */
    private static void file(Session s, ChatAddress receiver, Instant dueAt, Instant checkedThrough, long version)
            throws SQLException {
        enqueue(s, receiver, dueAt, checkedThrough, version);
        s.update("UPDATE watches SET due_at = ? WHERE receiver_address = ?", dueAt, receiver);
    }

    private static void enqueue(Session s, ChatAddress receiver, Instant dueAt, Instant checkedThrough, long version)
            throws SQLException {
        s.update("INSERT INTO watch_queue (due_at, receiver_address, checked_through, version) VALUES (?, ?, ?, ?)",
                dueAt, receiver, checkedThrough, version);
    }

    private static void unfile(Session s, Filed filed) throws SQLException {
        if (filed.leased()) {
            s.update("DELETE FROM watch_leases WHERE receiver_address = ?", filed.receiver());
        } else {
            s.update("DELETE FROM watch_queue WHERE due_at = ? AND receiver_address = ?", filed.watch().dueAt(),
                    filed.receiver());
        }
    }

    private static Filed read(ResultSet rs, String dueColumn, boolean leased) throws SQLException {
        return new Filed(new Watch(Codec.address(rs, "receiver_address"), Codec.instant(rs, dueColumn),
                Codec.instant(rs, "checked_through"), rs.getLong("version")), leased);
    }

    /** The first {@code limit} of two lists each sorted by due time, merged by due time. */
    private static List<Filed> earliestFirst(List<Filed> queued, List<Filed> leaseEnded, int limit) {
        List<Filed> merged = new ArrayList<>(Math.min(limit, queued.size() + leaseEnded.size()));
        int q = 0;
        int l = 0;
        while (merged.size() < limit && (q < queued.size() || l < leaseEnded.size())) {
            boolean takeQueued = l == leaseEnded.size() || (q < queued.size()
                    && !queued.get(q).watch().dueAt().isAfter(leaseEnded.get(l).watch().dueAt()));
            merged.add(takeQueued ? queued.get(q++) : leaseEnded.get(l++));
        }
        return merged;
    }

    private static void expect(int expected, int changed) throws SQLException {
        if (changed != expected) {
            throw new SQLException("the watches changed inside their claiming transaction");
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static long firstVersion() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 52);
    }
}

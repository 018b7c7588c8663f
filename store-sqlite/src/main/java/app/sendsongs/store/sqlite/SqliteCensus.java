package app.sendsongs.store.sqlite;

import app.sendsongs.core.Census;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.user.GrantState;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The operator's figures of a SQLite store: counts over the tables' indexes, one read transaction. */
final class SqliteCensus implements Census {
    /** Due watches: queued with a due time passed, or leased with a lease that ended (the claim takes both). */
    private static final String DUE = "SELECT sum(n) AS n, min(oldest) AS oldest FROM ("
            + "SELECT count(*) AS n, min(due_at) AS oldest FROM watch_queue WHERE due_at <= ? "
            + "UNION ALL SELECT count(*), min(lease_until) FROM watch_leases WHERE lease_until <= ?)";
    /**
     * The inbox backlog: one pass over {@code inbox_events} (no index has {@code received_at}), which holds only the
     * events not handled yet (a handled one is deleted), so it costs what the backlog is long.
     */
    private static final String INBOX = "SELECT count(*) AS n, min(received_at) AS oldest FROM inbox_events";

    private final Database db;

    SqliteCensus(Database db) {
        this.db = db;
    }

    @Override
    public DueChecks dueChecks(Instant now) {
        return db.read(s -> due(s, now));
    }

    @Override
    public InboxBacklog inboxBacklog() {
        return db.read(SqliteCensus::inbox);
    }

    @Override
    public Figures figures(Instant now) {
        return db.readTogether(s -> {
            long people = count(s, "SELECT count(*) AS n FROM users WHERE registered_at IS NOT NULL");
            Map<SourceKind, Long> connections = new EnumMap<>(SourceKind.class);
            record Connected(String source, long people) {
            }
            // a Spotify row without an account id has no connection (registered before it was stored)
            for (Connected connected : s.query("SELECT source, count(*) AS n FROM users WHERE registered_at IS NOT "
                    + "NULL AND (source <> 'spotify' OR spotify_account_id IS NOT NULL) GROUP BY source",
                    rs -> new Connected(rs.getString("source"), rs.getLong("n")))) {
                SourceKind.named(connected.source()).ifPresent(kind -> connections.put(kind, connected.people()));
            }
            long reconnect = count(s, "SELECT count(*) AS n FROM users WHERE grant_state = ?",
                    GrantState.NEEDS_RECONNECT.name());
            long receivers = count(s, "SELECT count(*) AS n FROM watches");
            long watched = count(s, "SELECT count(*) AS n FROM shares WHERE status = 'WATCHING'");
            long songsHeld = count(s, "SELECT count(*) AS n FROM shares WHERE status = 'HELD'");
            record Held(long messages, long people, Optional<Instant> oldest) {
            }
            Held held = s.queryOne("SELECT count(*) AS n, count(DISTINCT address) AS people, min(held_at) AS oldest "
                    + "FROM held_messages", rs -> new Held(rs.getLong("n"), rs.getLong("people"),
                    Codec.optionalInstant(rs, "oldest"))).orElseThrow();
            return new Figures(people, connections, reconnect, receivers, watched, songsHeld, held.messages(),
                    held.people(), held.oldest(), due(s, now), inbox(s));
        });
    }

    private static DueChecks due(Session s, Instant now) throws SQLException {
        return s.queryOne(DUE, rs -> new DueChecks(rs.getLong("n"), Codec.optionalInstant(rs, "oldest")), now, now)
                .orElse(DueChecks.NONE);
    }

    private static InboxBacklog inbox(Session s) throws SQLException {
        return s.queryOne(INBOX, rs -> new InboxBacklog(rs.getLong("n"), Codec.optionalInstant(rs, "oldest")))
                .orElse(InboxBacklog.NONE);
    }

    private static long count(Session s, String sql, Object... params) throws SQLException {
        return s.queryOne(sql, rs -> rs.getLong("n"), params).orElse(0L);
    }
}

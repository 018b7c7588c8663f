package app.sendsongs.store.sqlite;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.ReachStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** People their chat platform could not reach, and since when ({@code unreachable_people}). */
final class SqliteReach implements ReachStore {
    private final Database db;

    SqliteReach(Database db) {
        this.db = db;
    }

    @Override
    public void markUnreachable(ChatAddress person, Instant at) {
        db.write(s -> s.update("INSERT INTO unreachable_people (person_address, since) VALUES (?, ?) "
                + "ON CONFLICT (person_address) DO UPDATE SET since = excluded.since", person, at));
    }

    @Override
    public void markReachable(ChatAddress person) {
        db.write(s -> s.update("DELETE FROM unreachable_people WHERE person_address = ?", person));
    }

    @Override
    public Optional<Instant> unreachableSince(ChatAddress person) {
        return db.read(s -> s.queryOne("SELECT since FROM unreachable_people WHERE person_address = ?",
                rs -> Codec.instant(rs, "since"), person));
    }

    /** Within a transaction: the person's mark goes. */
    static void forget(Session s, ChatAddress person) throws SQLException {
        s.update("DELETE FROM unreachable_people WHERE person_address = ?", person);
    }
}

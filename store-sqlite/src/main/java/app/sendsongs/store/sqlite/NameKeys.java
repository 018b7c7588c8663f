package app.sendsongs.store.sqlite;

import app.sendsongs.core.user.Names;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes the stored name keys of people ({@code users.name_key}) and groups ({@code song_groups.name_key}) again with
 * this program's {@link Names#key}, when a schema version changed how names compare. Of two groups of one owner whose
 * names now compare equal (they differed only in accents or apostrophes), one takes the new key (the one already
 * under it, or else the older) and the other keeps its old key: it is still listed and deleted as before, but typing
 * its name finds the first.
 */
final class NameKeys {
    private record Keyed(String id, String name, String key) {
        boolean changed() {
            return !Names.key(name).equals(key);
        }
    }

    private NameKeys() {
    }

    static void makeAgain(Session session) throws SQLException {
        makeAgain(session, "SELECT address AS id, name, name_key FROM users",
                "UPDATE users SET name_key = ? WHERE address = ?");
        makeAgain(session, "SELECT id, name, name_key FROM song_groups ORDER BY created_at, id",
                "UPDATE OR IGNORE song_groups SET name_key = ? WHERE id = ?");
    }

    private static void makeAgain(Session session, String select, String update) throws SQLException {
        List<Keyed> rows = session.query(select,
                rs -> new Keyed(rs.getString("id"), rs.getString("name"), rs.getString("name_key")));
        for (Keyed row : rows) {
            if (row.changed()) {
                session.update(update, Names.key(row.name()), row.id());
            }
        }
    }
}

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
        List<Keyed> people = session.query("SELECT address, name, name_key FROM users",
                rs -> new Keyed(rs.getString("address"), rs.getString("name"), rs.getString("name_key")));
        for (Keyed person : people) {
            if (person.changed()) {
                session.update("UPDATE users SET name_key = ? WHERE address = ?", Names.key(person.name()),
                        person.id());
            }
        }
        List<Keyed> groups = session.query("SELECT id, name, name_key FROM song_groups ORDER BY created_at, id",
                rs -> new Keyed(rs.getString("id"), rs.getString("name"), rs.getString("name_key")));
        for (Keyed group : groups) {
            if (group.changed()) {
                session.update("UPDATE OR IGNORE song_groups SET name_key = ? WHERE id = ?", Names.key(group.name()),
                        group.id());
            }
        }
    }
}

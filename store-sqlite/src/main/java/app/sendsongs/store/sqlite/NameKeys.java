package app.sendsongs.store.sqlite;

import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.Names;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the stored name keys of people ({@code users.name_key}) and groups ({@code song_groups.name_key}) again with
 * this program's {@link Names#key}, when a schema version changed how names compare. Of two groups of one owner whose
 * names now compare equal (they differed only in accents or apostrophes), one takes the new key (the one already
 * under it, or else the older) and the other keeps its old key: it is still listed and deleted as before, but typing
 * its name finds the first. People may now share a key (each is still found by it: the namesake question tells them
 * apart). From schema version {@value #MARKS_VERSION} on, the keys of former names ({@code former_name_keys}) are
 * made again too; two former names of one person that now compare equal are one key.
 */
final class NameKeys {
    /** The schema version from which keys leave Hebrew and Arabic vowel marks out and take any hyphen as the plain. */
    static final int MARKS_VERSION = 26;
    /**
     * The schema version from which invites keep the key of the name they were made for ({@code
     * invites.friend_name_key}); a later version that changes how names compare makes those again too
     * ({@link #makeForInvites}).
     */
    static final int INVITES_VERSION = 27;

    private record Keyed(String id, String name, String key) {
        boolean changed() {
            return !Names.key(name).equals(key);
        }
    }

    /** A person's {@code users.former_names} column ({@link FormerNameTimes#names}). */
    private record FormerNames(String address, String names) {
    }

    private NameKeys() {
    }

    /** The step of version {@value #MARKS_VERSION}: {@link #makeAgain}, and the keys of former names. */
    static void makeAgainWithFormerNames(Session session) throws SQLException {
        makeAgain(session);
        List<FormerNames> people = session.query("SELECT address, former_names FROM users "
                + "WHERE former_names IS NOT NULL", rs -> new FormerNames(rs.getString("address"),
                rs.getString("former_names")));
        for (FormerNames person : people) {
            session.update("DELETE FROM former_name_keys WHERE address = ?", person.address());
            for (String key : formerNameKeys(person.names())) {
                session.update("INSERT INTO former_name_keys (address, name_key) VALUES (?, ?)", person.address(), key);
            }
        }
    }

    /** The keys of the names in a {@code users.former_names} column ({@link FormerNameTimes#names}), each once. */
    private static Set<String> formerNameKeys(String formerNames) {
        return FormerNameTimes.read(formerNames, null, null, null).stream().map(FormerName::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The step of version {@value #INVITES_VERSION}: the key of the name each invite was made for. */
    static void makeForInvites(Session session) throws SQLException {
        makeAgain(session, "SELECT token AS id, friend_name AS name, friend_name_key AS name_key FROM invites",
                "UPDATE invites SET friend_name_key = ? WHERE token = ?");
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

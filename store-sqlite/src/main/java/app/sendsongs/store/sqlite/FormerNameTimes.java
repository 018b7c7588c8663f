package app.sendsongs.store.sqlite;

import app.sendsongs.core.user.FormerName;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A person's former names in their two columns of {@code users}: {@code former_names}, the names, a line each, latest
 * first; {@code former_names_held}, a line for each, {@code "<from> <until>"} in epoch milliseconds (no name holds a
 * line break). Names kept without times (before schema version {@value #VERSION}) are read as held from the person's
 * registration until their last message.
 */
final class FormerNameTimes {
    /** The schema version that added the times: the one whose step {@link #fill} is. */
    static final int VERSION = 24;
    private static final String BETWEEN_NAMES = "\n";
    private static final String BETWEEN_TIMES = " ";

    private record Untimed(String address, String names, long registeredAt, long until) {
    }

    private FormerNameTimes() {
    }

    /** The {@code former_names} column: NULL when the person has had no other name. */
    static String names(List<FormerName> former) {
        return former.isEmpty() ? null
                : former.stream().map(FormerName::name).collect(Collectors.joining(BETWEEN_NAMES));
    }

    /** The {@code former_names_held} column. */
    static String held(List<FormerName> former) {
        return former.isEmpty() ? null : former.stream()
                .map(name -> name.from().toEpochMilli() + BETWEEN_TIMES + name.until().toEpochMilli())
                .collect(Collectors.joining(BETWEEN_NAMES));
    }

    /** Read back from the two columns, and from the person's registration and last message for names without times. */
    static List<FormerName> read(String names, String held, Instant registeredAt, Instant lastMessageAt) {
        if (names == null) {
            return List.of();
        }
        String[] each = names.split(BETWEEN_NAMES);
        String[] times = held == null ? new String[0] : held.split(BETWEEN_NAMES);
        Instant from = registeredAt == null ? Instant.EPOCH : registeredAt;
        Instant until = lastMessageAt == null ? from : lastMessageAt;
        List<FormerName> former = new ArrayList<>();
        for (int i = 0; i < each.length; i++) {
            former.add(times.length == each.length ? timed(each[i], times[i]) : new FormerName(each[i], from, until));
        }
        return former;
    }

    private static FormerName timed(String name, String held) {
        String[] ends = held.split(BETWEEN_TIMES);
        return new FormerName(name, Instant.ofEpochMilli(Long.parseLong(ends[0])),
                Instant.ofEpochMilli(Long.parseLong(ends[1])));
    }

    /**
     * The step of version {@value #VERSION}: the former names kept before it get times, each as held from the
     * person's registration until their last message, fixed now: whoever meets them after the upgrade never finds
     * them by a name they left before it.
     */
    static void fill(Session session) throws SQLException {
        List<Untimed> rows = session.query("SELECT address, former_names, registered_at, "
                + "coalesce(last_message_at, registered_at) AS until FROM users "
                + "WHERE former_names IS NOT NULL AND former_names_held IS NULL",
                rs -> new Untimed(rs.getString("address"), rs.getString("former_names"), rs.getLong("registered_at"),
                        rs.getLong("until")));
        for (Untimed row : rows) {
            int count = row.names().split(BETWEEN_NAMES).length;
            String held = String.join(BETWEEN_NAMES,
                    Collections.nCopies(count, row.registeredAt() + BETWEEN_TIMES + row.until()));
            session.update("UPDATE users SET former_names_held = ? WHERE address = ?", held, row.address());
        }
    }
}

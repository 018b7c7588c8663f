package app.sendsongs.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The schema, as an ordered list of SQL scripts on the class path ({@code V1__init.sql},
 * {@code V2__...sql}, ...). Opening a database applies, in one write transaction and in version
 * order, every script its {@code schema_version} table does not record, and records each one there.
 * A database that has them all is left untouched; one that records a version this code does not
 * know is refused (it was written by a newer program).
 *
 * <p>Versions increase but may leave a gap: a version reserved for a script that another line of
 * work adds. A database opened before that script existed gets it when code that has it opens the
 * database, after the later versions it already has; so scripts must not depend on a version
 * above them.
 *
 * <p>To change the schema, add a script with the version reserved for the change to
 * {@code src/main/resources/db/sqlite/} and to {@link #STANDARD_SCRIPTS}; never edit a script that has been released.
 * What SQL cannot do is a {@link Step} of that version ({@link #STANDARD_STEPS}), run right after its script.
 */
public final class Migrations {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");
    /** Every schema script, in order of version. */
    static final List<String> STANDARD_SCRIPTS = List.of("V1__init.sql", "V2__groups.sql", "V3__watch_queue.sql",
            "V4__chat_addresses.sql", "V5__durable_intake.sql", "V6__listening_sources.sql", "V7__conversation.sql",
            "V8__group_chats.sql", "V9__invites.sql", "V10__sends_index.sql",
            "V11__received_index.sql", "V12__open_sent_index.sql", "V13__user_handles.sql", "V14__sent_as.sql",
            "V15__blocked_receipts_off.sql", "V16__unblocked_inbox_events.sql",
            "V17__name_keys.sql", "V18__blocked_inbox_events.sql", "V20__former_names.sql",
            "V21__chat_songs_awaiting_bot.sql", "V22__unreadable_inbox_events.sql",
            "V23__chat_song_topics.sql", "V" + FormerNameTimes.VERSION + "__former_name_times.sql",
            "V25__handled_mark_values.sql", "V" + NameKeys.MARKS_VERSION + "__name_keys_without_marks.sql",
            "V" + NameKeys.INVITES_VERSION + "__invite_names_and_ends.sql", "V28__edited_inbox_events.sql",
            "V30__waiting_taps.sql", "V31__claimed_invites.sql",
            "V32__kept_chat_members.sql");
    /** What a version does beyond its script, in Java: what SQL cannot compute, such as {@code Names.key}. */
    static final Map<Integer, Step> STANDARD_STEPS = Map.of(17, NameKeys::makeAgain,
            FormerNameTimes.VERSION, FormerNameTimes::fill, NameKeys.MARKS_VERSION, NameKeys::makeAgainWithFormerNames,
            NameKeys.INVITES_VERSION, NameKeys::makeForInvites);
    static final Migrations STANDARD = new Migrations("db/sqlite/", STANDARD_SCRIPTS, STANDARD_STEPS);

    /** Work a version does after its script, in the same transaction. */
    interface Step {
        void run(Session session) throws SQLException;
    }

    private final String location;
    private final List<String> scripts;
    private final Map<Integer, Step> steps;

    Migrations(String location, List<String> scripts) {
        this(location, scripts, Map.of());
    }

    Migrations(String location, List<String> scripts, Map<Integer, Step> steps) {
        this.location = location.endsWith("/") ? location : location + "/";
        this.scripts = List.copyOf(scripts);
        this.steps = Map.copyOf(steps);
        for (int i = 1; i < this.scripts.size(); i++) {
            if (version(this.scripts.get(i)) <= version(this.scripts.get(i - 1))) {
                throw new IllegalArgumentException("migration " + this.scripts.get(i) + " comes after "
                        + this.scripts.get(i - 1) + "; scripts must be in order of version, each version once");
            }
        }
    }

    /** The schema version this code writes: the newest script's. */
    public static int latestVersion() {
        return STANDARD.latest();
    }

    /** How many scripts this code has (versions may leave gaps: see {@link #apply}). */
    static int scriptCount() {
        return STANDARD.scripts.size();
    }

    int latest() {
        return scripts.isEmpty() ? 0 : version(scripts.getLast());
    }

    /**
     * Brings the database up to date in one IMMEDIATE transaction (so two processes opening one new file do not
     * both migrate it): every script whose version the database has not recorded is applied, in order of version.
     * Versions may have gaps, because separate changes reserve their version numbers and are merged in any order;
     * a version merged later than a higher one is still applied, so each script must stand on its own (touch only
     * its own tables and columns). A database that recorded a version this code does not know is refused.
     * Returns how many scripts it applied.
     */
    int apply(Session session, Instant now) throws SQLException {
        return apply(session, now, latest());
    }

    /** Applies the scripts up to version {@code target} only; the rest as {@link #apply(Session, Instant)}. */
    int apply(Session session, Instant now, int target) throws SQLException {
        return upgrade(session, now, target).size();
    }

    /** As {@link #apply(Session, Instant)}, answering the versions it applied, in order. */
    List<Integer> upgrade(Session session, Instant now) throws SQLException {
        return upgrade(session, now, latest());
    }

    private List<Integer> upgrade(Session session, Instant now, int target) throws SQLException {
        session.execute("BEGIN IMMEDIATE");
        try {
            session.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            Set<Integer> recorded = new HashSet<>(session.query("SELECT version FROM schema_version",
                    rs -> rs.getInt("version")));
            Set<Integer> known = scripts.stream().map(Migrations::version).collect(Collectors.toSet());
            Optional<Integer> unknown = recorded.stream().filter(v -> !known.contains(v)).max(Integer::compare);
            if (unknown.isPresent()) {
                throw new SqliteStoreException("the database is at schema version " + unknown.get()
                        + ", which this program does not know (it knows up to " + latest() + "); upgrade the program");
            }
            List<Integer> applied = new ArrayList<>();
            for (String script : scripts) {
                int version = version(script);
                if (recorded.contains(version) || version > target) {
                    continue;
                }
                for (String statement : statements(read(script))) {
                    session.execute(statement);
                }
                Step step = steps.get(version);
                if (step != null) {
                    step.run(session);
                }
                session.update("INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)",
                        (long) version, script, now);
                applied.add(version);
            }
            session.execute("COMMIT");
            return applied;
        } catch (SQLException | RuntimeException e) {
            rollback(session, e);
            throw e;
        }
    }

    /** The versions this code has scripts for that the database has not recorded, in order: what opening it applies. */
    List<Integer> missing(Session session) throws SQLException {
        Set<Integer> recorded = new HashSet<>(session.query("SELECT version FROM schema_version",
                rs -> rs.getInt("version")));
        return scripts.stream().map(Migrations::version).filter(version -> !recorded.contains(version)).toList();
    }

    static int currentVersion(Session session) throws SQLException {
        return session.queryOne("SELECT coalesce(max(version), 0) AS v FROM schema_version", rs -> rs.getInt("v"))
                .orElse(0);
    }

    private String read(String script) {
        String path = location + script;
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new SqliteStoreException("migration script not found on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SqliteStoreException("cannot read migration script " + path, e);
        }
    }

    /**
     * Splits a script into statements: drops {@code --} comment lines, splits at semicolons.
     * (Scripts therefore must not use semicolons inside literals or trigger bodies.)
     */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    private static int version(String script) {
        Matcher m = NAME.matcher(script);
        if (!m.matches()) {
            throw new IllegalArgumentException("a migration script is named V<n>__<words>.sql, not " + script);
        }
        return Integer.parseInt(m.group(1));
    }

    private static void rollback(Session session, Exception cause) {
        try {
            session.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}

package app.sendsongs.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema, as an ordered list of SQL scripts on the class path ({@code V1__init.sql},
 * {@code V2__...sql}, ...). Opening a database applies, in one write transaction, the scripts newer
 * than the version recorded in its {@code schema_version} table, and records each one there. A
 * database already at the latest version is left untouched; one newer than this code is refused.
 *
 * <p>To change the schema, add the next script to {@code src/main/resources/db/sqlite/} and to
 * {@link #STANDARD}; never edit a script that has been released.
 */
public final class Migrations {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");
    /** Every schema script, in order. */
    static final List<String> STANDARD_SCRIPTS = List.of("V1__init.sql", "V2__groups.sql", "V3__watch_queue.sql",
            "V4__chat_addresses.sql", "V5__durable_intake.sql");
    static final Migrations STANDARD = new Migrations("db/sqlite/", STANDARD_SCRIPTS);

    private final String location;
    private final List<String> scripts;

    Migrations(String location, List<String> scripts) {
        this.location = location.endsWith("/") ? location : location + "/";
        this.scripts = List.copyOf(scripts);
        for (int i = 0; i < this.scripts.size(); i++) {
            if (version(this.scripts.get(i)) != i + 1) {
                throw new IllegalArgumentException("migration " + (i + 1) + " is named " + this.scripts.get(i)
                        + "; scripts must be V1__..., V2__..., in order without gaps");
            }
        }
    }

    /** The schema version this code writes. */
    public static int latestVersion() {
        return STANDARD.latest();
    }

    int latest() {
        return scripts.size();
    }

    /**
     * Brings the database to the latest version in one IMMEDIATE transaction (so two processes
     * opening one new file do not both migrate it). Returns how many scripts it applied.
     */
    int apply(Session session, Instant now) throws SQLException {
        session.execute("BEGIN IMMEDIATE");
        try {
            session.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            int current = currentVersion(session);
            if (current > latest()) {
                throw new SqliteStoreException("the database is at schema version " + current
                        + ", newer than this program knows (" + latest() + "); upgrade the program");
            }
            for (int version = current + 1; version <= latest(); version++) {
                String script = scripts.get(version - 1);
                for (String statement : statements(read(script))) {
                    session.execute(statement);
                }
                session.update("INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)",
                        (long) version, script, now);
            }
            session.execute("COMMIT");
            return latest() - current;
        } catch (SQLException | RuntimeException e) {
            rollback(session, e);
            throw e;
        }
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

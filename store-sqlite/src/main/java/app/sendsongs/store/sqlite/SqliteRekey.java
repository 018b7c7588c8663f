package app.sendsongs.store.sqlite;

import app.sendsongs.core.user.TokenCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A new token key for a database file: every token sealed with the key in use (Spotify tokens, Last.fm session keys,
 * ListenBrainz tokens, of people and of registration codes not yet used) is sealed again with the new key, in one
 * transaction, while no other process has the file open. A token the key in use cannot open is left as it is: its
 * person is asked to connect again, as they would be anyway; one the new key opens already is left too, so running
 * it again changes nothing.
 */
public final class SqliteRekey {
    /** Where tokens are kept: each table's key column, then its sealed columns. */
    private static final List<List<String>> SEALED = List.of(
            List.of("users", "address", "access_token", "refresh_token", "source_secret"),
            List.of("registration_codes", "code", "access_token", "refresh_token", "source_secret"));

    /** How many tokens were sealed again, and how many neither key opens. */
    public record Outcome(int resealed, int unreadable) {
    }

    private SqliteRekey() {
    }

    /**
     * Seals every token of {@code file} that {@code current} opens with {@code next} instead.
     *
     * @throws SqliteStoreException when there is no such file, another process has it open, or it is not of this
     *                              program's schema version; nothing is changed then ({@link SqliteFileOwnerException}
     *                              when it belongs to another user, who alone can write it)
     */
    public static Outcome reseal(Path file, TokenCipher current, TokenCipher next) {
        Path database = file.toAbsolutePath();
        if (!Files.isRegularFile(database)) {
            throw new SqliteStoreException("no database file at " + database);
        }
        FileOwners.requireWritable(database);
        try (Connection connection = ExclusiveUse.open(database).orElseThrow(() -> new SqliteStoreException(
                database + " is in use by another process: stop the server first. Nothing was changed"));
             Session session = new Session(connection)) {
            requireLatestVersion(session, database);
            session.execute("BEGIN IMMEDIATE");
            try {
                Outcome outcome = new Outcome(0, 0);
                for (List<String> table : SEALED) {
                    outcome = add(outcome, reseal(session, table, current, next));
                }
                session.execute("COMMIT");
                return outcome;
            } catch (SQLException | RuntimeException e) {
                session.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new SqliteStoreException("sealing the tokens of " + database + " again failed, nothing was changed: "
                    + e.getMessage(), e);
        }
    }

    private static void requireLatestVersion(Session session, Path database) throws SQLException {
        int version = Migrations.currentVersion(session);
        if (version != Migrations.latestVersion()) {
            throw new SqliteStoreException(database + " is at schema version " + version + " and this program "
                    + "writes version " + Migrations.latestVersion() + ": " + (version < Migrations.latestVersion()
                    ? "start this version's server once to upgrade it first" : "use the program that wrote it")
                    + ". Nothing was changed");
        }
    }

    private static Outcome reseal(Session session, List<String> table, TokenCipher current, TokenCipher next)
            throws SQLException {
        String name = table.get(0);
        String key = table.get(1);
        List<String> columns = table.subList(2, table.size());
        List<List<String>> rows = session.query("SELECT " + key + ", " + String.join(", ", columns) + " FROM " + name,
                rs -> {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size() + 1; i++) {
                        row.add(rs.getString(i));
                    }
                    return row;
                });
        int resealed = 0;
        int unreadable = 0;
        for (List<String> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                String stored = row.get(i + 1);
                if (stored == null) {
                    continue;
                }
                String token;
                try {
                    token = current.open(stored);
                } catch (IllegalStateException notThisKey) {
                    unreadable += next.opens(stored) ? 0 : 1;
                    continue;
                }
                session.update("UPDATE " + name + " SET " + columns.get(i) + " = ? WHERE " + key + " = ?",
                        next.seal(token), row.get(0));
                resealed++;
            }
        }
        return new Outcome(resealed, unreadable);
    }

    private static Outcome add(Outcome a, Outcome b) {
        return new Outcome(a.resealed() + b.resealed(), a.unreadable() + b.unreadable());
    }
}

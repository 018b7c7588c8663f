package app.sendsongs.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Copies of the store's database file, taken while a server uses it, checked, and put back.
 *
 * <ul>
 *   <li>{@link #backup}: {@code VACUUM INTO} on a read-only connection. It runs in one read transaction, so the
 *       copy is the database as it was at one moment: every transaction committed before it began, none after.
 *       In WAL mode readers do not block writers, so a running server goes on writing meanwhile. The copy is
 *       written under a temporary name beside the target, synced, checked, and only then given its name; an
 *       existing file is never overwritten.</li>
 *   <li>Both make their file readable and writable by its owner alone: the owner of its folder when root runs
 *       them, so that the server's own user can use what root restored ({@link FileOwners}).</li>
 *   <li>{@link #check}: SQLite's {@code PRAGMA integrity_check} and the store's own checks: the file has a schema
 *       version this program knows, and exactly the tables and indexes that version's migrations make.</li>
 *   <li>{@link #restore}: checks the backup, then copies it into the database with SQLite's backup API while
 *       holding an exclusive lock: refused while any other process (a running server) has the database open.</li>
 * </ul>
 */
public final class SqliteBackup {
    /**
     * What a backup or a restore wrote.
     *
     * @param owner the user who owns the file (alone can read it, when this program made it), where the file system
     *              says; empty otherwise
     */
    public record Copy(Path file, long bytes, int schemaVersion, String owner) {
        static Copy of(Path file) throws IOException {
            return new Copy(file, Files.size(file), SqliteBackup.schemaVersion(file), FileOwners.owner(file).orElse(""));
        }
    }

    private static final int MOST_PROBLEMS_SHOWN = 10;
    /** A partial copy (or its journal) as {@link #backup} names it, and the age past which it is a leftover. */
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.partial-[0-9a-f-]{36}(-journal)?");
    private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    private SqliteBackup() {
    }

    /**
     * Copies {@code database} to {@code target}, consistently, while other processes may write to it.
     *
     * @throws SqliteStoreException when there is no database, {@code target} exists, or the copy fails its checks
     */
    public static Copy backup(Path database, Path target) {
        Path source = existing(database);
        Path destination = target.toAbsolutePath();
        if (Files.exists(destination)) {
            throw new SqliteStoreException(destination + " already exists: a backup never overwrites a file, "
                    + "choose another name");
        }
        Path partial = destination.resolveSibling(partialPrefix(destination) + UUID.randomUUID());
        try {
            Files.createDirectories(destination.getParent());
            deleteLeftovers(destination.getParent());
            FileOwners.createForFolderOwner(partial);
            try (Connection connection = readOnly(source);
                 PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            // SQLite does not sync the file VACUUM INTO writes.
            try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            List<String> problems = check(partial);
            if (!problems.isEmpty()) {
                throw new SqliteStoreException("the copy of " + source + " failed its checks: " + String.join("; ", problems));
            }
            try {
                Files.move(partial, destination);
            } catch (FileAlreadyExistsException e) {
                throw new SqliteStoreException(destination + " appeared while the backup ran: it was left alone", e);
            }
            syncDirectory(destination.getParent());
            return Copy.of(destination);
        } catch (SQLException e) {
            throw new SqliteStoreException("backing up " + source + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SqliteStoreException("writing the backup " + destination + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * What is wrong with the database file, in one line each; empty when it is sound: SQLite's integrity check
     * passes, and its schema is the one this program's migrations make for its version.
     *
     * @throws SqliteStoreException when there is no file at {@code database}
     */
    public static List<String> check(Path database) {
        Path file = existing(database);
        List<String> problems = new ArrayList<>();
        try (Connection connection = readOnly(file); Session session = new Session(connection)) {
            List<String> integrity = session.query("PRAGMA integrity_check(" + MOST_PROBLEMS_SHOWN + ")",
                    rs -> rs.getString(1));
            if (!integrity.equals(List.of("ok"))) {
                integrity.forEach(problem -> problems.add("integrity check: " + problem));
                return problems;
            }
            session.query("PRAGMA foreign_key_check", rs -> rs.getString(1))
                    .forEach(table -> problems.add("foreign key check: a row of " + table + " points nowhere"));
            if (objects(session).keySet().stream().noneMatch("table schema_version"::equals)) {
                problems.add("it has no schema_version table: not a Send Songs database");
                return problems;
            }
            int version = Migrations.currentVersion(session);
            if (version < 1 || version > Migrations.latestVersion()) {
                problems.add("its schema version is " + version + "; this program knows 1 to "
                        + Migrations.latestVersion());
                return problems;
            }
            problems.addAll(schemaDifferences(objects(session), expectedObjects(version)));
        } catch (SQLException e) {
            problems.add("it cannot be read as a SQLite database: " + e.getMessage());
        }
        return problems;
    }

    /**
     * Replaces the content of {@code database} (created if missing) with the backup's, after checking the backup.
     *
     * @throws SqliteStoreException when the backup fails its checks, or another process has the database open;
     *                              the database is then left as it was ({@link SqliteFileOwnerException} when it
     *                              belongs to another user, who alone can write it)
     */
    public static Copy restore(Path backup, Path database) {
        FileOwners.requireWritable(database);
        Path source = existing(backup);
        List<String> problems = check(source);
        if (!problems.isEmpty()) {
            throw new SqliteStoreException("the backup " + source + " failed its checks, nothing was restored: "
                    + String.join("; ", problems));
        }
        Path destination = database.toAbsolutePath();
        try {
            Files.createDirectories(destination.getParent());
            FileOwners.createForFolderOwner(destination);
            try (Connection connection = ExclusiveUse.open(destination).orElseThrow(() -> new SqliteStoreException(
                    destination + " is in use by another process: stop the server first. Nothing was restored"))) {
                int result = connection.unwrap(SQLiteConnection.class).getDatabase().restore("main",
                        source.toString(), null);
                if (result != 0) {
                    throw new SqliteStoreException("restoring " + source + " into " + destination
                            + " failed with SQLite result code " + result);
                }
            }
        } catch (SQLException e) {
            throw new SqliteStoreException("restoring " + source + " into " + destination + " failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> after = check(destination);
        if (!after.isEmpty()) {
            throw new SqliteStoreException("the restored " + destination + " failed its checks: "
                    + String.join("; ", after));
        }
        try {
            return Copy.of(destination);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(Path database) {
        Path file = database.toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new SqliteStoreException("no database file at " + file);
        }
        return file;
    }

    /** A connection that cannot write to the file and never creates one. */
    static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static int schemaVersion(Path file) {
        try (Connection connection = readOnly(file); Session session = new Session(connection)) {
            return Migrations.currentVersion(session);
        } catch (SQLException e) {
            throw new SqliteStoreException("cannot read the schema version of " + file, e);
        }
    }

    /** The schema's tables, indexes, views and triggers: "type name" to their SQL. */
    private static Map<String, String> objects(Session session) throws SQLException {
        Map<String, String> objects = new HashMap<>();
        for (String[] row : session.query("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            objects.put(row[0] + " " + row[1], Objects.requireNonNullElse(row[2], ""));
        }
        return objects;
    }

    /** The schema objects the migrations make up to {@code version}, from an empty database in memory. */
    private static Map<String, String> expectedObjects(int version) {
        try (Database empty = Database.memory()) {
            return empty.alone(session -> {
                Migrations.STANDARD.apply(session, Instant.EPOCH, version);
                return objects(session);
            });
        }
    }

    private static List<String> schemaDifferences(Map<String, String> actual, Map<String, String> expected) {
        List<String> problems = new ArrayList<>();
        expected.keySet().stream().filter(name -> !actual.containsKey(name)).sorted()
                .forEach(name -> problems.add("its schema lacks the " + name));
        actual.keySet().stream().filter(name -> !expected.containsKey(name)).sorted()
                .forEach(name -> problems.add("its schema has an unknown " + name));
        expected.keySet().stream().filter(actual::containsKey).filter(name -> !expected.get(name).equals(actual.get(name)))
                .sorted().forEach(name -> problems.add("its " + name + " differs from what the migrations make"));
        return problems;
    }

    /** The name a backup to {@code destination} is written under until it is checked, but for its last part. */
    private static String partialPrefix(Path destination) {
        return "." + destination.getFileName() + ".partial-";
    }

    /**
     * Deletes what earlier backups into the same folder left when they were stopped midway (killed, the machine
     * restarting): partial copies and their journals, each as large as the database, never given a name. Only those
     * untouched for {@link #LEFTOVER_AGE}, far longer than a backup takes (a backup still running writes and then
     * reads its own).
     */
    private static void deleteLeftovers(Path folder) throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(LEFTOVER_AGE));
        try (var files = Files.list(folder)) {
            files.filter(file -> LEFTOVER.matcher(file.getFileName().toString()).matches())
                    .filter(file -> modifiedBefore(file, before)).forEach(SqliteBackup::deleteQuietly);
        }
    }

    private static boolean modifiedBefore(Path file, FileTime time) {
        try {
            return Files.getLastModifiedTime(file).compareTo(time) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be synced; the file itself is.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray partial file is harmless: it is never given the backup's name
        }
    }
}

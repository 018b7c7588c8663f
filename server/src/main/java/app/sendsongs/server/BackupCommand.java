package app.sendsongs.server;

import app.sendsongs.store.sqlite.SqliteBackup;
import app.sendsongs.store.sqlite.SqliteStoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code send-songs backup}: a checked copy of the SQLite database, taken while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the SQLite database (SQLITE_PATH) to FILE while the server runs: a consistent copy "
                + "of everything committed before the backup began, checked before it is given its name. "
                + "Never overwrites FILE.")
final class BackupCommand extends DatabaseSettings implements Callable<Integer> {
    /** The variables backup reads: those naming the database. */
    static final List<String> VARIABLES = List.of("STORE", "SQLITE_PATH", Logging.VARIABLE);

    @Parameters(paramLabel = "FILE", description = "The backup to write; it must not exist yet.")
    Path target;

    @Override
    public Integer call() throws Exception {
        Optional<Path> database = sqliteFile(copiesOnlySqlite("backup"));
        if (database.isEmpty()) {
            return 2;
        }
        long started = System.nanoTime();
        try {
            SqliteBackup.Copy copy = SqliteBackup.backup(database.get(), target);
            System.out.printf(Locale.ROOT, "Backed up %s to %s (%s, schema version %d) in %.1f s; the copy "
                            + "passed SQLite's integrity check and the store's checks.%s%n", database.get(),
                    copy.file(), megabytes(copy.bytes()), copy.schemaVersion(), (System.nanoTime() - started) / 1e9,
                    copy.owner().isEmpty() ? "" : " Only its owner, " + copy.owner() + ", can read it.");
            return 0;
        } catch (SqliteStoreException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** Why {@code command} (backup or restore) refuses a store on DynamoDB. */
    static String copiesOnlySqlite(String command) {
        return command + " copies a SQLite file; with STORE=dynamodb the table is backed up by DynamoDB's "
                + "point-in-time recovery (see \"Backups and restore\" in docs/operations.md).";
    }

    /** A file's size as the commands print it. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}

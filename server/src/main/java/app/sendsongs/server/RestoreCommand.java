package app.sendsongs.server;

import app.sendsongs.store.sqlite.SqliteBackup;
import app.sendsongs.store.sqlite.SqliteStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code send-songs restore}: a backup put back as the SQLite database, after its checks, the server stopped. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Put a backup back as the SQLite database (SQLITE_PATH), after checking it. Stop the "
                + "server first: the database is replaced only while no other process has it open.")
final class RestoreCommand extends DatabaseSettings implements Callable<Integer> {
    /** The variables restore reads: backup's. */
    static final List<String> VARIABLES = BackupCommand.VARIABLES;

    @Parameters(paramLabel = "BACKUP", description = "A file written by the backup command.")
    Path backup;

    @Override
    public Integer call() throws Exception {
        Optional<Path> database = sqliteFile(BackupCommand.copiesOnlySqlite("restore"));
        if (database.isEmpty()) {
            return 2;
        }
        boolean replaces = Files.exists(database.get());
        try {
            SqliteBackup.Copy copy = SqliteBackup.restore(backup, database.get());
            System.out.printf(Locale.ROOT, "Restored %s from %s (%s, schema version %d); it passed SQLite's "
                    + "integrity check and the store's checks.%s Start the server again.%n", copy.file(),
                    backup.toAbsolutePath(), BackupCommand.megabytes(copy.bytes()), copy.schemaVersion(),
                    whose(copy, replaces));
            return 0;
        } catch (SqliteStoreException e) {
            return SqliteRefusal.report(e.getMessage(), e);
        }
    }

    /**
     * Who owns the restored file: run as root, a restore gives a file it makes to the owner of its folder, the
     * service user, whose server could not write root's file.
     */
    private static String whose(SqliteBackup.Copy copy, boolean replaced) {
        if (copy.owner().isEmpty()) {
            return "";
        }
        String whose = " It belongs to " + copy.owner() + (replaced ? ", as the file it replaced did."
                : ", who alone can read and write it.");
        return !copy.owner().equals("root") ? whose : whose + " A server run as another user cannot write it: give "
                + "it to that user first (chown USER: " + copy.file() + ").";
    }
}

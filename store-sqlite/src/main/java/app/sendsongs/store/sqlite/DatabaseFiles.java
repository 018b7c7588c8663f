package app.sendsongs.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The database file and its WAL as they were when the database was opened, to notice either deleted or replaced
 * while it is open. SQLite goes on writing to the files it has open, which then have no name (or not the name the
 * next start opens): whatever it commits from then on is lost at the next start, without a word. Compares the
 * files' keys (device and inode); where the file system gives none, it notices only a file that is gone.
 */
final class DatabaseFiles {
    private static final Object MISSING = new Object();

    private final Path file;
    private final Path wal;
    private final Object fileKey;
    /** The WAL's key once it exists (SQLite makes it with the first transaction). */
    private Object walKey;

    private DatabaseFiles(Path file) {
        this.file = file;
        this.wal = Path.of(file + "-wal");
        this.fileKey = key(file);
        this.walKey = key(wal);
    }

    /** The files now at {@code file} and its WAL's path, as they are when the database has just been opened. */
    static DatabaseFiles opened(Path file) {
        return new DatabaseFiles(file);
    }

    /** The database file. */
    Path file() {
        return file;
    }

    /** Empty while both paths still name the files opened; else which one was deleted or replaced. */
    synchronized Optional<String> changed() {
        if (walKey == MISSING) {
            walKey = key(wal);
        }
        if (!same(fileKey, key(file))) {
            return Optional.of(message(file));
        }
        if (walKey != MISSING && !same(walKey, key(wal))) {
            return Optional.of(message(wal));
        }
        return Optional.empty();
    }

    private static boolean same(Object opened, Object now) {
        return now != MISSING && (opened == null || Objects.equals(opened, now));
    }

    private static String message(Path path) {
        return path + " was deleted or replaced while the server had it open: what it wrote from then on would be "
                + "lost at the next start, so it writes nothing more; stop the server, put the file back if it went "
                + "by mistake, and start it again";
    }

    /** The file's key, null when the file system gives none, {@link #MISSING} when there is no file. */
    private static Object key(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return MISSING;
        }
    }
}

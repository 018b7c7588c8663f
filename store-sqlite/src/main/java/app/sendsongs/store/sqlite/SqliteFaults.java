package app.sendsongs.store.sqlite;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/** Tells a write that failed because of the disk or the file from one that failed because of its data. */
final class SqliteFaults {
    /**
     * SQLite's primary result codes for the disk or the file (https://www.sqlite.org/rescode.html): READONLY (8),
     * IOERR (10), CORRUPT (11), FULL (13), CANTOPEN (14), NOTADB (26).
     */
    private static final Set<Integer> OF_THE_DISK = Set.of(8, 10, 11, 13, 14, 26);
    private static final int READONLY = 8;

    private SqliteFaults() {
    }

    /** SQLite's message, when {@code failure} (or what caused it) is the disk's or the file's fault. */
    static Optional<String> ofTheDisk(Throwable failure) {
        return withPrimaryCode(failure, OF_THE_DISK::contains).map(SQLException::getMessage);
    }

    /** Whether SQLite refused {@code failure} (or what caused it) because it can only read the file. */
    static boolean readOnly(Throwable failure) {
        return withPrimaryCode(failure, code -> code == READONLY).isPresent();
    }

    private static Optional<SQLException> withPrimaryCode(Throwable failure, IntPredicate code) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException e && code.test(e.getErrorCode() & 0xFF)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}

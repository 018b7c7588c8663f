package app.sendsongs.store.sqlite;

/**
 * The database's file, {@code -wal}, {@code -shm} or folder belongs to another user than the one this runs as, who
 * cannot write it (made or restored as root, say): the operator's to fix, with the {@code chown} the message gives;
 * trying again changes nothing.
 */
public final class SqliteFileOwnerException extends SqliteStoreException {
    SqliteFileOwnerException(String message) {
        super(message);
    }
}

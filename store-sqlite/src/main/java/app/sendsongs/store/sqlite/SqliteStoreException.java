package app.sendsongs.store.sqlite;

/** The SQLite store could not do what was asked (I/O, a locked file, a broken schema...). */
public class SqliteStoreException extends RuntimeException {
    public SqliteStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public SqliteStoreException(String message) {
        super(message);
    }
}

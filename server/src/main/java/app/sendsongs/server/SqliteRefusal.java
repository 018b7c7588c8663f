package app.sendsongs.server;

import app.sendsongs.store.sqlite.SqliteFileOwnerException;
import app.sendsongs.store.sqlite.SqliteStoreException;

/** A SQLite store's refusal, as a command says it: one line, and an exit code. */
final class SqliteRefusal {
    private SqliteRefusal() {
    }

    /**
     * Says why the SQLite store refused, in one line; answers the exit code: 2 when its files belong to another user
     * (the operator's to fix, like a configuration error, which the systemd unit does not retry), else 1.
     */
    static int report(String line, SqliteStoreException failure) {
        System.err.println(line);
        return failure instanceof SqliteFileOwnerException ? 2 : 1;
    }

    /** The failure's message, and what caused it when that says more (the driver's "unable to open" ...). */
    static String oneLine(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = failure.getMessage();
        return root == failure || root.getMessage() == null || message.contains(root.getMessage()) ? message
                : message + ": " + root.getMessage().strip().replace('\n', ' ');
    }
}

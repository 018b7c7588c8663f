package app.sendsongs.store.sqlite;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Opens the store in the file given and writes to it, as a server starting on it does; the tests run it as another
 * user. Prints what happened; exit status 3 when the store refused.
 */
public final class OpenAndWrite {
    private OpenAndWrite() {
    }

    public static void main(String[] args) {
        try (SqliteStores store = SqliteStores.file(Path.of(args[0]), TestTokens.CIPHER)) {
            store.stores().inbound().markHandled("written by " + System.getProperty("user.name"), Instant.now());
            System.out.println("wrote to " + args[0]);
        } catch (SqliteStoreException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(3);
        }
    }
}

package app.sendsongs.store.sqlite;

import app.sendsongs.core.Stores;
import app.sendsongs.store.contract.StoreContract;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a database file: WAL, one writer and a pool of readers. */
class SqliteFileStoreContractTest extends StoreContract {
    private static final AtomicInteger FILES = new AtomicInteger();

    @TempDir
    static Path dir;

    @Override
    protected Stores newStores() {
        return SqliteStores.open(dir.resolve("store-" + FILES.incrementAndGet() + ".db"), TestTokens.CIPHER);
    }
}

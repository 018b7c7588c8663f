package app.sendsongs.store.sqlite;

import app.sendsongs.core.Stores;
import app.sendsongs.store.contract.StoreContract;

/** The store contract on {@link SqliteStores#inMemory()}, the store of demos and tests. */
class SqliteMemoryStoreContractTest extends StoreContract {
    @Override
    protected Stores newStores() {
        return SqliteStores.inMemory();
    }
}

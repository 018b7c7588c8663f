package app.sendsongs.store.sqlite;

import app.sendsongs.core.store.Store;
import app.sendsongs.store.contract.StoreContract;

/** The store contract on {@link SqliteStore#inMemory()}, the store of demos and tests. */
class SqliteMemoryStoreContractTest extends StoreContract {
    @Override
    protected Store newStore() {
        return SqliteStore.inMemory();
    }
}

package app.sendsongs.store.contract;

import app.sendsongs.core.Stores;
import app.sendsongs.core.fakes.InMemoryStores;

/** The in-memory store the core's tests run on keeps the same contract as the real stores. */
class InMemoryStoresContractTest extends StoreContract {
    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}

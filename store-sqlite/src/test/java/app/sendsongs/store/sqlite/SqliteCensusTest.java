package app.sendsongs.store.sqlite;

import app.sendsongs.core.Census;
import app.sendsongs.core.Stores;
import app.sendsongs.store.contract.CensusContract;

/** The operator's figures of a SQLite store, on the data its ports wrote. */
class SqliteCensusTest extends CensusContract {
    private SqliteStores store;

    @Override
    protected Stores newStores() {
        store = SqliteStores.memory();
        return store.stores();
    }

    @Override
    protected Census census() {
        return store.census();
    }
}

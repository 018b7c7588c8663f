package app.sendsongs.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What every part of the contract shares: a fresh, empty store for each test, closed after it. */
public abstract class StoreFixture {
    protected Store store;

    /** A fresh, empty store; the fixture closes it after the test. */
    protected abstract Store newStore();

    @BeforeEach
    protected void openStore() {
        store = newStore();
        assertThat(store).as("newStore()").isNotNull();
    }

    @AfterEach
    protected void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}

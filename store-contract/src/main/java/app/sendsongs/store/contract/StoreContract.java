package app.sendsongs.store.contract;

import app.sendsongs.core.Stores;
import org.junit.jupiter.api.Nested;

/**
 * The behaviour every store adapter must have: each part of {@link Stores} (every feature's store
 * port and {@code Housekeeping}), as JUnit 5 tests. It tests what the core can observe through the
 * ports, never how an adapter keeps its data, so the SQLite store, the DynamoDB store and the core's
 * in-memory store pass the same suite.
 *
 * <p>An adapter module uses it by depending on {@code store-contract} in test scope and extending
 * this class once per way the store can be opened:
 *
 * <pre>{@code
 * class DynamoStoresContractTest extends StoreContract {
 *     @Override
 *     protected Stores newStores() {
 *         return DynamoStores.create(freshTableFor(this)); // empty for every test
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #newStores()} is called before every test and must return an <em>empty</em> store; the
 * suite closes it after the test. The tests are grouped by port, one {@link Nested} class each
 * (the groups are also usable one by one: each {@code ...Contract} class is abstract with the same
 * {@code newStores()}). Adapter-specific behaviour (files, migrations, indexes, several processes)
 * belongs in the adapter's own tests.
 *
 * <p>What the suite assumes of every adapter:
 * <ul>
 * <li>People are kept by their whole {@link app.sendsongs.core.shared.ChatAddress}: any valid address
 * comes back as saved, and the same id on two platforms is two people.</li>
 * <li>Times are whole milliseconds (all instants here are); an adapter may drop anything finer.</li>
 * <li>No wall clock: the port passes every "now" it needs. Expiry of states, codes and choices is
 * judged by the core after taking them, so the suite only requires {@code expiresAt} back as
 * saved.</li>
 * <li>The clauses "at most once", "each person claimed from the inbox by one caller", "each due watch claimed by one
 * caller", "conditional update", "one group of a name per owner", "one membership per person" and
 * "a group send's summary mark is taken once" are tested with many threads on one store; an
 * adapter that is shared between processes should add a test with several store instances on the
 * same data.</li>
 * </ul>
 */
public abstract class StoreContract {

    /** A fresh, empty store; called before each test, closed by the suite after it. */
    protected abstract Stores newStores();

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Registration extends RegistrationStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class InboundMessages extends InboundLogContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Inbox extends InboxStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class HeldMessages extends OutboxStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Shares extends ShareStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class WatchScheduling extends WatchScheduleContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class WatchClaims extends WatchClaimContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Choices extends ChoiceStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Groups extends GroupStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class GroupSends extends GroupSendContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class GroupChats extends GroupChatStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Preferences extends PreferenceStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Reach extends ReachStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Drafts extends DraftStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Invites extends InviteStoreContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Purge extends PurgeContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class Addresses extends AddressContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }

    @Nested
    class ForgetPerson extends ForgetPersonContract {
        @Override
        protected Stores newStores() {
            return StoreContract.this.newStores();
        }
    }
}

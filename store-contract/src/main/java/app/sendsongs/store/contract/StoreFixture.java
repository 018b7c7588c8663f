package app.sendsongs.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.bot.Housekeeping;
import app.sendsongs.core.chat.InboundLog;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.compose.DraftStore;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.registration.RegistrationStore;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.InviteStore;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every part of the contract shares: a fresh, empty store for each test, closed after it, and
 * its parts by name.
 */
public abstract class StoreFixture {
    protected Stores stores;
    protected UserStore users;
    protected RegistrationStore registrations;
    protected InboundLog inbound;
    protected InboxStore inbox;
    protected OutboxStore outbox;
    protected ShareStore shares;
    protected ChoiceStore choices;
    protected WatchStore watches;
    protected GroupStore groups;
    protected PreferenceStore preferences;
    protected DraftStore drafts;
    protected InviteStore invites;
    protected Housekeeping housekeeping;

    /** A fresh, empty store; the fixture closes it after the test. */
    protected abstract Stores newStores();

    @BeforeEach
    protected void openStore() {
        stores = newStores();
        assertThat(stores).as("newStores()").isNotNull();
        users = stores.users();
        registrations = stores.registrations();
        inbound = stores.inbound();
        inbox = stores.inbox();
        outbox = stores.outbox();
        shares = stores.shares();
        choices = stores.choices();
        watches = stores.watches();
        groups = stores.groups();
        preferences = stores.preferences();
        drafts = stores.drafts();
        invites = stores.invites();
        housekeeping = stores.housekeeping();
    }

    @AfterEach
    protected void closeStore() {
        if (stores != null) {
            stores.close();
        }
    }
}

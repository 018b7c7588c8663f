package app.sendsongs.core.fakes;

import app.sendsongs.core.Stores;
import app.sendsongs.core.bot.Housekeeping;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/**
 * The store in memory, for the core's tests: one class per part, assembled once, as a store adapter
 * does. It runs the same contract suite as the real stores (in the {@code store-contract} module).
 * Each part is synchronized, so its conditional writes are atomic.
 */
public final class InMemoryStores {
    private InMemoryStores() {
    }

    public static Stores create() {
        InMemoryUsers users = new InMemoryUsers();
        InMemoryRegistrations registrations = new InMemoryRegistrations();
        InMemoryInboundLog inbound = new InMemoryInboundLog();
        InMemoryInbox inbox = new InMemoryInbox();
        InMemoryOutbox outbox = new InMemoryOutbox();
        InMemoryShares shares = new InMemoryShares();
        InMemoryChoices choices = new InMemoryChoices();
        InMemoryWatches watches = new InMemoryWatches();
        InMemoryGroups groups = new InMemoryGroups();
        InMemoryGroupChats groupChats = new InMemoryGroupChats();
        InMemoryReach reach = new InMemoryReach();
        InMemoryPreferences preferences = new InMemoryPreferences();
        InMemoryDrafts drafts = new InMemoryDrafts();
        InMemoryInvites invites = new InMemoryInvites();
        Housekeeping housekeeping = new Housekeeping() {
            @Override
            public void forgetPerson(ChatAddress person) {
                groups.forget(person);
                groupChats.forget(person);
                reach.forget(person);
                shares.deleteSharesOf(person);
                watches.deleteWatch(person);
                outbox.forget(person);
                choices.takeChoice(person);
                drafts.deleteDraft(person);
                invites.forget(person);
                preferences.forget(person);
                users.deleteUser(person);
            }

            @Override
            public void purgeBefore(Instant cutoff) {
                registrations.purgeBefore(cutoff);
                choices.purgeBefore(cutoff);
                groupChats.purgeBefore(cutoff);
                drafts.purgeBefore(cutoff);
                inbound.purgeBefore(cutoff);
                outbox.purgeBefore(cutoff);
                invites.purgeBefore(cutoff);
            }
        };
        return new Stores(users, registrations, inbound, inbox, outbox, shares, choices, watches, groups, groupChats,
                reach, preferences, drafts, invites, housekeeping, () -> { });
    }
}

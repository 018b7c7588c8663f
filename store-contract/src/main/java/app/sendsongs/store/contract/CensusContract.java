package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.held;
import static app.sendsongs.store.contract.Samples.heldShare;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.user;
import static app.sendsongs.store.contract.Samples.watchingShare;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Census;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.user.GrantState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The operator's figures ({@link Census}) of a store adapter, on the data its ports wrote. An adapter's test
 * extends this with {@link #newStores()} and the census of that same store.
 */
public abstract class CensusContract extends StoreFixture {
    /** The census of the store {@link #newStores()} returned last. */
    protected abstract Census census();

    @Test
    void anEmptyStoreCountsNothing() {
        Census.Figures figures = census().figures(T0);

        assertThat(figures).isEqualTo(new Census.Figures(0, Map.of(), 0, 0, 0, 0, 0, 0, Optional.empty(),
                Census.DueChecks.NONE, Census.InboxBacklog.NONE));
        assertThat(census().dueChecks(T0).lag(T0)).isZero();
        assertThat(census().inboxBacklog()).isEqualTo(Census.InboxBacklog.NONE);
        assertThat(census().inboxBacklog().age(T0)).isZero();
    }

    @Test
    void countsPeopleSongsHeldMessagesAndDueChecks() {
        users.saveUser(user("ann", "Ann Lee", T0));
        users.saveUser(user("bob", "Bob Fisher", T0).withGrantState(GrantState.NEEDS_RECONNECT));
        users.saveLastMessageAt(at("carol"), T0); // wrote, never registered
        users.saveUser(user("dan", "Dan Ray", T0).withConnection(Samples.lastfm("dan")));
        shares.insertShare(heldShare("s1", "ann", "bob", T0));
        shares.insertShare(watchingShare("s2", "bob", "ann", T0, T0));
        shares.insertShare(watchingShare("s3", "bob", "carol", T0, T0));
        outbox.holdNew(List.of(held("h1", "bob", minutes(3)), held("h2", "bob", minutes(1)),
                held("h3", "carol", minutes(2))));
        watches.scheduleWatch(at("ann"), minutes(5), T0);
        watches.scheduleWatch(at("carol"), minutes(10), T0);
        watches.scheduleWatch(at("dan"), minutes(60), T0);

        Census.Figures figures = census().figures(minutes(20));

        assertThat(figures.people()).isEqualTo(3);
        assertThat(figures.connections()).isEqualTo(Map.of(SourceKind.SPOTIFY, 2L, SourceKind.LASTFM, 1L));
        assertThat(figures.needingReconnect()).isEqualTo(1);
        assertThat(figures.watchedReceivers()).isEqualTo(3);
        assertThat(figures.songsWatched()).isEqualTo(2);
        assertThat(figures.songsHeld()).isEqualTo(1);
        assertThat(figures.heldMessages()).isEqualTo(3);
        assertThat(figures.peopleWaiting()).isEqualTo(2);
        assertThat(figures.oldestHeld()).contains(minutes(1));
        assertThat(figures.due()).isEqualTo(new Census.DueChecks(2, Optional.of(minutes(5))));
        assertThat(figures.due().lag(minutes(20))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void countsTheInboxEventsNotHandledYetAndWhenTheOldestWasReceived() {
        inbox.append(List.of(text("m1", "ann"), text("m2", "ann")), minutes(1));
        inbox.append(List.of(text("m3", "bob")), minutes(3));

        assertThat(census().figures(minutes(10)).inbox())
                .isEqualTo(new Census.InboxBacklog(3, Optional.of(minutes(1))));
        assertThat(census().inboxBacklog()).isEqualTo(new Census.InboxBacklog(3, Optional.of(minutes(1))));
        assertThat(census().inboxBacklog().age(minutes(10))).isEqualTo(Duration.ofMinutes(9));

        InboxClaim ann = inbox.claim(minutes(10), minutes(12), 50).orElseThrow();
        assertThat(census().inboxBacklog().count()).as("an event being handled still waits").isEqualTo(3);
        inbox.release(ann, List.of(ann.events().getFirst().deliveryKey()));
        assertThat(census().inboxBacklog()).as("the first handled, the second let go with the claim")
                .isEqualTo(new Census.InboxBacklog(2, Optional.of(minutes(1))));

        ann = inbox.claim(minutes(10), minutes(12), 50).orElseThrow();
        inbox.release(ann, keys(ann));
        assertThat(census().figures(minutes(10)).inbox())
                .isEqualTo(new Census.InboxBacklog(1, Optional.of(minutes(3))));

        InboxClaim bob = inbox.claim(minutes(10), minutes(12), 50).orElseThrow();
        inbox.failed(bob, List.of(), keys(bob).getFirst(), minutes(15));
        assertThat(census().inboxBacklog()).as("an event that failed waits for its retry")
                .isEqualTo(new Census.InboxBacklog(1, Optional.of(minutes(3))));

        bob = inbox.claim(minutes(15), minutes(17), 50).orElseThrow();
        inbox.release(bob, keys(bob));
        assertThat(census().inboxBacklog()).isEqualTo(Census.InboxBacklog.NONE);
        assertThat(census().figures(minutes(20)).inbox()).isEqualTo(Census.InboxBacklog.NONE);
    }

    @Test
    void aClaimedCheckIsNotDueUntilItsLeaseEnds() {
        watches.scheduleWatch(at("ann"), minutes(5), T0);
        watches.scheduleWatch(at("bob"), minutes(6), T0);

        assertThat(watches.claimDueWatches(minutes(5), 1, minutes(7))).hasSize(1);

        assertThat(census().dueChecks(minutes(6))).isEqualTo(new Census.DueChecks(1, Optional.of(minutes(6))));
        assertThat(census().dueChecks(minutes(8)))
                .as("the lease ended: its worker died, the check is due again at the lease end")
                .isEqualTo(new Census.DueChecks(2, Optional.of(minutes(6))));
        assertThat(census().dueChecks(minutes(4))).isEqualTo(Census.DueChecks.NONE);
    }

    private static Inbound text(String id, String from) {
        return new Inbound.Text(id, at(from), T0, "help");
    }

    private static List<String> keys(InboxClaim claim) {
        return claim.events().stream().map(Inbound::deliveryKey).toList();
    }
}

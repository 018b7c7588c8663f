package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.FULL_TRACK;
import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.heldShare;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.share;
import static app.sendsongs.store.contract.Samples.watchingShare;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ShareStore}: shares by id, by sender and by receiver, and status changes as conditional writes. */
public abstract class ShareStoreContract extends StoreFixture {

    @Test
    void unknownShareIsNotFound() {
        store.insertShare(heldShare("s-1", "alice", "bob", T0));

        assertThat(store.findShare("s-2")).isEmpty();
    }

    @Test
    void newShareComesBackAsInserted() {
        Share share = heldShare("s-1", "alice", "bob", T0);
        store.insertShare(share);

        assertThat(store.findShare("s-1")).contains(share);
    }

    @Test
    void shareWithEveryOptionalFieldComesBackAsInserted() {
        Share share = new Share("s-full", "alice", "bob", FULL_TRACK, "", "line one\nline “two” 🎧", T0,
                Optional.of(minutes(1)), Optional.of(minutes(10_080)), ShareStatus.PLAYED, Optional.of(minutes(7)),
                true, Optional.of("group-send-1"));
        store.insertShare(share);

        assertThat(store.findShare("s-full")).contains(share);
    }

    @Test
    void updateFromTheExpectedStatusReplacesTheShare() {
        Share held = heldShare("s-1", "alice", "bob", T0);
        store.insertShare(held);
        Share delivered = held.delivered(minutes(1), minutes(10_081));

        assertThat(store.updateShare(delivered, ShareStatus.HELD)).isTrue();
        assertThat(store.findShare("s-1")).contains(delivered);

        Share uncertain = delivered.markedUncertain();
        assertThat(store.updateShare(uncertain, ShareStatus.WATCHING)).isTrue();
        assertThat(store.findShare("s-1")).contains(uncertain);
    }

    @Test
    void updateFromAnotherStatusIsRefusedAndChangesNothing() {
        Share watching = watchingShare("s-1", "alice", "bob", T0, minutes(1));
        store.insertShare(watching);

        assertThat(store.updateShare(watching.withStatus(ShareStatus.CANCELLED), ShareStatus.HELD)).isFalse();
        assertThat(store.updateShare(watching.played(minutes(3)), ShareStatus.PLAYED)).isFalse();
        assertThat(store.findShare("s-1")).contains(watching);
    }

    @Test
    void updateOfAnUnknownShareIsRefusedAndCreatesNothing() {
        Share never = heldShare("never", "alice", "bob", T0);

        assertThat(store.updateShare(never.delivered(minutes(1), minutes(2)), ShareStatus.HELD)).isFalse();
        assertThat(store.findShare("never")).isEmpty();
        assertThat(store.sharesSentBy("alice")).isEmpty();
    }

    @Test
    void concurrentUpdatesFromOneStatusHaveOneWinner() {
        Share watching = watchingShare("s-1", "alice", "bob", T0, minutes(1));
        store.insertShare(watching);

        List<Boolean> won = Race.run(16, i -> store.updateShare(watching.played(minutes(2 + i)), ShareStatus.WATCHING));

        assertThat(won).containsOnlyOnce(true);
        Share stored = store.findShare("s-1").orElseThrow();
        assertThat(stored).isEqualTo(watching.played(minutes(2 + won.indexOf(true))));
    }

    @Test
    void sharesSentByAPersonComeNewestFirst() {
        Share oldest = heldShare("s-old", "alice", "bob", minutes(-10));
        Share newest = heldShare("s-new", "alice", "carol", minutes(10));
        Share middle = share("s-mid", "alice", "bob", T0, ShareStatus.PLAYED);
        store.insertShare(middle);
        store.insertShare(oldest);
        store.insertShare(heldShare("s-bobs", "bob", "alice", T0));
        store.insertShare(newest);

        assertThat(store.sharesSentBy("alice")).containsExactly(newest, middle, oldest);
        assertThat(store.sharesSentBy("carol")).isEmpty();
    }

    @Test
    void sharesWatchedForAReceiverAreTheWatchingOnesOldestDeliveryFirst() {
        Share deliveredLate = watchingShare("late", "alice", "bob", minutes(-30), minutes(5));
        Share deliveredEarly = watchingShare("early", "carol", "bob", minutes(-10), minutes(-5));
        store.insertShare(deliveredLate);
        store.insertShare(deliveredEarly);
        store.insertShare(share("held", "alice", "bob", minutes(-40), ShareStatus.HELD));
        store.insertShare(share("played", "alice", "bob", minutes(-40), ShareStatus.PLAYED));
        store.insertShare(share("expired", "alice", "bob", minutes(-40), ShareStatus.EXPIRED));
        store.insertShare(share("cancelled", "alice", "bob", minutes(-40), ShareStatus.CANCELLED));
        store.insertShare(watchingShare("to-carol", "alice", "carol", minutes(-40), minutes(-40)));

        assertThat(store.sharesWatchedFor("bob")).containsExactly(deliveredEarly, deliveredLate);
        assertThat(store.sharesWatchedFor("dave")).isEmpty();
    }

    @Test
    void openSharesToAReceiverAreTheHeldAndWatchingOnes() {
        Share held = share("held", "alice", "bob", minutes(-1), ShareStatus.HELD);
        Share watching = share("watching", "carol", "bob", minutes(-2), ShareStatus.WATCHING);
        store.insertShare(held);
        store.insertShare(watching);
        store.insertShare(share("played", "alice", "bob", minutes(-3), ShareStatus.PLAYED));
        store.insertShare(share("expired", "alice", "bob", minutes(-4), ShareStatus.EXPIRED));
        store.insertShare(share("cancelled", "alice", "bob", minutes(-5), ShareStatus.CANCELLED));
        store.insertShare(share("to-carol", "bob", "carol", minutes(-6), ShareStatus.HELD));

        assertThat(store.openSharesTo("bob")).containsExactlyInAnyOrder(held, watching);
        assertThat(store.openSharesTo("alice")).isEmpty();
    }

    @Test
    void listsFollowStatusChanges() {
        Share watching = watchingShare("s-1", "alice", "bob", T0, minutes(1));
        store.insertShare(watching);
        Share played = watching.played(minutes(4));

        assertThat(store.updateShare(played, ShareStatus.WATCHING)).isTrue();

        assertThat(store.sharesWatchedFor("bob")).isEmpty();
        assertThat(store.openSharesTo("bob")).isEmpty();
        assertThat(store.sharesSentBy("alice")).containsExactly(played);
    }

    @Test
    void deletingAPersonsSharesRemovesWhatTheySentAndReceivedOnly() {
        store.insertShare(heldShare("alice-to-bob", "alice", "bob", T0));
        store.insertShare(share("bob-to-alice", "bob", "alice", T0, ShareStatus.WATCHING));
        Share carolToBob = heldShare("carol-to-bob", "carol", "bob", T0);
        store.insertShare(carolToBob);

        store.deleteSharesOf("alice");

        assertThat(store.findShare("alice-to-bob")).isEmpty();
        assertThat(store.findShare("bob-to-alice")).isEmpty();
        assertThat(store.sharesSentBy("bob")).isEmpty();
        assertThat(store.openSharesTo("bob")).containsExactly(carolToBob);
    }
}

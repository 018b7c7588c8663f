package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link WatchStore#claimDueWatches} and {@link WatchStore#completeWatch}: due watches are claimed
 * earliest first under a lease (the due time moves to the lease's end), each by one caller even
 * when callers race, and a check completes only if the watch has not changed since its claim.
 */
public abstract class WatchClaimContract extends StoreFixture {
    private static final Optional<Instant> NO_NEXT_CHECK = Optional.empty();

    private static final Instant LEASE = minutes(2);

    @Test
    void nothingToClaimInAnEmptyStore() {
        assertThat(store.claimDueWatches(T0, 10, LEASE)).isEmpty();
    }

    @Test
    void claimsOnlyWatchesDueByNowEarliestFirst() {
        store.scheduleWatch("due-now", T0, minutes(-30));
        store.scheduleWatch("not-yet", T0.plusMillis(1), minutes(-30));
        store.scheduleWatch("overdue", minutes(-1), minutes(-20));

        List<Watch> claimed = store.claimDueWatches(T0, 10, LEASE);

        assertThat(claimed).extracting(Watch::receiverPsid).containsExactly("overdue", "due-now");
        assertThat(store.findWatch("not-yet").orElseThrow().dueAt()).isEqualTo(T0.plusMillis(1));
    }

    @Test
    void claimedWatchesAreReturnedAsStoredAfterTheClaim() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        Watch before = store.findWatch("bob").orElseThrow();

        Watch claimed = store.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(claimed.receiverPsid()).isEqualTo("bob");
        assertThat(claimed.dueAt()).isEqualTo(LEASE);
        assertThat(claimed.checkedThrough()).isEqualTo(minutes(-20));
        assertThat(claimed.version()).isNotEqualTo(before.version());
        assertThat(store.findWatch("bob")).contains(claimed);
    }

    @Test
    void claimsAtMostTheLimitEarliestFirst() {
        for (int i = 5; i >= 1; i--) {
            store.scheduleWatch("r" + i, minutes(-10 + i), minutes(-60));
        }

        assertThat(store.claimDueWatches(T0, 2, LEASE)).extracting(Watch::receiverPsid).containsExactly("r1", "r2");
        assertThat(store.claimDueWatches(T0, 2, LEASE)).extracting(Watch::receiverPsid).containsExactly("r3", "r4");
        assertThat(store.claimDueWatches(T0, 2, LEASE)).extracting(Watch::receiverPsid).containsExactly("r5");
    }

    @Test
    void aClaimedWatchIsNotClaimedAgainBeforeItsLeaseEnds() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        store.claimDueWatches(T0, 10, LEASE);

        assertThat(store.claimDueWatches(T0, 10, LEASE)).isEmpty();
        assertThat(store.claimDueWatches(LEASE.minusMillis(1), 10, minutes(10))).isEmpty();
    }

    @Test
    void aWatchWhoseLeaseEndedIsClaimedAgainAndTheFirstClaimGoesStale() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        Watch first = store.claimDueWatches(T0, 10, LEASE).getFirst();

        List<Watch> again = store.claimDueWatches(LEASE, 10, minutes(4));

        assertThat(again).extracting(Watch::receiverPsid).containsExactly("bob");
        Watch second = again.getFirst();
        assertThat(second.dueAt()).isEqualTo(minutes(4));
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(store.completeWatch(first, Optional.of(minutes(30)), minutes(1))).isFalse();
        assertThat(store.completeWatch(second, Optional.of(minutes(30)), minutes(1))).isTrue();
    }

    @Test
    void completingWithANextCheckSetsDueTimeAndReadPosition() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        Watch claimed = store.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(store.completeWatch(claimed, Optional.of(minutes(5)), minutes(-2))).isTrue();

        Watch after = store.findWatch("bob").orElseThrow();
        assertThat(after.dueAt()).isEqualTo(minutes(5));
        assertThat(after.checkedThrough()).isEqualTo(minutes(-2));
        assertThat(after.version()).isNotEqualTo(claimed.version());
        assertThat(store.claimDueWatches(minutes(4), 10, minutes(6))).isEmpty();
        assertThat(store.claimDueWatches(minutes(5), 10, minutes(7))).extracting(Watch::receiverPsid)
                .containsExactly("bob");
    }

    @Test
    void completingWithoutANextCheckRemovesTheWatch() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        store.scheduleWatch("carol", minutes(1), minutes(-20));
        Watch claimed = store.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(store.completeWatch(claimed, NO_NEXT_CHECK, minutes(-2))).isTrue();

        assertThat(store.findWatch("bob")).isEmpty();
        assertThat(store.findWatch("carol")).isPresent();
        assertThat(store.claimDueWatches(minutes(600), 10, minutes(700))).extracting(Watch::receiverPsid)
                .containsExactly("carol");
    }

    @Test
    void aClaimCompletesOnlyOnce() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        Watch claimed = store.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(store.completeWatch(claimed, Optional.of(minutes(5)), minutes(-2))).isTrue();
        assertThat(store.completeWatch(claimed, Optional.of(minutes(9)), minutes(-1))).isFalse();

        assertThat(store.findWatch("bob").orElseThrow().dueAt()).isEqualTo(minutes(5));
    }

    @Test
    void schedulingDuringACheckMakesItsCompletionStale() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        Watch claimed = store.claimDueWatches(T0, 10, LEASE).getFirst();
        store.scheduleWatch("bob", minutes(1), minutes(-30));
        Watch rescheduled = store.findWatch("bob").orElseThrow();

        assertThat(store.completeWatch(claimed, Optional.of(minutes(60)), minutes(-2))).isFalse();
        assertThat(store.completeWatch(claimed, NO_NEXT_CHECK, minutes(-2))).isFalse();

        assertThat(store.findWatch("bob")).contains(rescheduled);
        assertThat(rescheduled.dueAt()).isEqualTo(minutes(1));
        assertThat(rescheduled.checkedThrough()).isEqualTo(minutes(-30));
    }

    @Test
    void schedulingLaterThanTheLeaseDuringACheckKeepsTheLeaseAsDueTime() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        Watch claimed = store.claimDueWatches(T0, 10, LEASE).getFirst();

        store.scheduleWatch("bob", minutes(30), T0);

        Watch after = store.findWatch("bob").orElseThrow();
        assertThat(after.dueAt()).isEqualTo(LEASE);
        assertThat(after.checkedThrough()).isEqualTo(minutes(-20));
        assertThat(store.completeWatch(claimed, NO_NEXT_CHECK, T0)).isFalse();
        assertThat(store.findWatch("bob")).contains(after);
    }

    @Test
    void completingADeletedWatchIsRefusedAndCreatesNothing() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        Watch claimed = store.claimDueWatches(T0, 10, LEASE).getFirst();
        store.deleteWatch("bob");

        assertThat(store.completeWatch(claimed, Optional.of(minutes(5)), minutes(-2))).isFalse();

        assertThat(store.findWatch("bob")).isEmpty();
    }

    @Test
    void completingAWatchThatWasDeletedAndCreatedAgainIsRefused() {
        store.scheduleWatch("bob", minutes(-1), minutes(-20));
        Watch claimed = store.claimDueWatches(T0, 10, LEASE).getFirst();
        store.deleteWatch("bob");
        store.scheduleWatch("bob", minutes(-5), minutes(-5));
        Watch reclaimed = store.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(store.completeWatch(claimed, NO_NEXT_CHECK, minutes(-2))).isFalse();

        assertThat(store.findWatch("bob")).contains(reclaimed);
        assertThat(store.completeWatch(reclaimed, Optional.of(minutes(9)), minutes(-1))).isTrue();
    }

    @Test
    void concurrentClaimersClaimEachDueWatchExactlyOnce() {
        int watches = 60;
        for (int i = 0; i < watches; i++) {
            store.scheduleWatch(String.format("r%02d", i), minutes(-i), minutes(-100));
        }
        store.scheduleWatch("not-due", minutes(1), minutes(-100));

        List<List<String>> perThread = Race.run(8, thread -> claimUntilNoneLeft(3));

        List<String> claimed = new ArrayList<>(perThread.stream().flatMap(List::stream).toList());
        claimed.addAll(claimUntilNoneLeft(100));
        assertThat(claimed).hasSize(watches).doesNotHaveDuplicates().doesNotContain("not-due");
    }

    private List<String> claimUntilNoneLeft(int batch) {
        List<String> mine = new ArrayList<>();
        List<Watch> claimed;
        do {
            claimed = store.claimDueWatches(T0, batch, LEASE);
            claimed.forEach(w -> mine.add(w.receiverPsid()));
        } while (!claimed.isEmpty());
        return mine;
    }
}

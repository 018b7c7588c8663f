package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WatchStore#claimDueWatches} and {@link WatchStore#completeWatch}: due watches are claimed
 * earliest first under a lease (the due time moves to the lease's end), each by one caller even
 * when callers race, and a check completes only if the watch has not changed since its claim.
 */
public abstract class WatchClaimContract extends StoreFixture {
    private static final Instant LEASE = minutes(2);

    @Test
    void nothingToClaimInAnEmptyStore() {
        assertThat(watches.claimDueWatches(T0, 10, LEASE)).isEmpty();
    }

    @Test
    void claimsOnlyWatchesDueByNowEarliestFirst() {
        watches.scheduleWatch(at("due-now"), T0, minutes(-30));
        watches.scheduleWatch(at("not-yet"), T0.plusMillis(1), minutes(-30));
        watches.scheduleWatch(at("overdue"), minutes(-1), minutes(-20));

        List<Watch> claimed = watches.claimDueWatches(T0, 10, LEASE);

        assertThat(claimed).extracting(Watch::receiver).containsExactly(at("overdue"), at("due-now"));
        assertThat(watches.findWatch(at("not-yet")).orElseThrow().dueAt()).isEqualTo(T0.plusMillis(1));
    }

    @Test
    void claimedWatchesAreReturnedAsStoredAfterTheClaim() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        Watch before = watches.findWatch(at("bob")).orElseThrow();

        Watch claimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(claimed.receiver()).isEqualTo(at("bob"));
        assertThat(claimed.dueAt()).isEqualTo(LEASE);
        assertThat(claimed.checkedThrough()).isEqualTo(minutes(-20));
        assertThat(claimed.version()).isNotEqualTo(before.version());
        assertThat(watches.findWatch(at("bob"))).contains(claimed);
    }

    @Test
    void claimsAtMostTheLimitEarliestFirst() {
        for (int i = 5; i >= 1; i--) {
            watches.scheduleWatch(at("r" + i), minutes(-10 + i), minutes(-60));
        }

        assertThat(watches.claimDueWatches(T0, 2, LEASE)).extracting(Watch::receiver)
                .containsExactly(at("r1"), at("r2"));
        assertThat(watches.claimDueWatches(T0, 2, LEASE)).extracting(Watch::receiver)
                .containsExactly(at("r3"), at("r4"));
        assertThat(watches.claimDueWatches(T0, 2, LEASE)).extracting(Watch::receiver)
                .containsExactly(at("r5"));
    }

    @Test
    void aClaimedWatchIsNotClaimedAgainBeforeItsLeaseEnds() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        watches.claimDueWatches(T0, 10, LEASE);

        assertThat(watches.claimDueWatches(T0, 10, LEASE)).isEmpty();
        assertThat(watches.claimDueWatches(LEASE.minusMillis(1), 10, minutes(10))).isEmpty();
    }

    @Test
    void aWatchWhoseLeaseEndedIsClaimedAgainAndTheFirstClaimGoesStale() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        Watch first = watches.claimDueWatches(T0, 10, LEASE).getFirst();

        List<Watch> again = watches.claimDueWatches(LEASE, 10, minutes(4));

        assertThat(again).extracting(Watch::receiver).containsExactly(at("bob"));
        Watch second = again.getFirst();
        assertThat(second.dueAt()).isEqualTo(minutes(4));
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(watches.rescheduleWatch(first, minutes(30), minutes(1))).isFalse();
        assertThat(watches.rescheduleWatch(second, minutes(30), minutes(1))).isTrue();
    }

    @Test
    void completingWithANextCheckSetsDueTimeAndReadPosition() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        Watch claimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(watches.rescheduleWatch(claimed, minutes(5), minutes(-2))).isTrue();

        Watch after = watches.findWatch(at("bob")).orElseThrow();
        assertThat(after.dueAt()).isEqualTo(minutes(5));
        assertThat(after.checkedThrough()).isEqualTo(minutes(-2));
        assertThat(after.version()).isNotEqualTo(claimed.version());
        assertThat(watches.claimDueWatches(minutes(4), 10, minutes(6))).isEmpty();
        assertThat(watches.claimDueWatches(minutes(5), 10, minutes(7))).extracting(Watch::receiver)
                .containsExactly(at("bob"));
    }

    /** How a tick lets go of a check it claimed and did not start: due again at the claim's time, read as before. */
    @Test
    void aClaimLetGoAtTheClaimsTimeIsClaimedAgainAtOnceAndReadsFromWhereItWas() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        watches.scheduleWatch(at("carol"), minutes(-2), minutes(-20));
        List<Watch> claimed = watches.claimDueWatches(T0, 10, LEASE);

        claimed.forEach(watch -> assertThat(watches.rescheduleWatch(watch, T0, watch.checkedThrough())).isTrue());

        List<Watch> again = watches.claimDueWatches(T0, 10, LEASE);
        assertThat(again).extracting(Watch::receiver).containsExactlyInAnyOrder(at("bob"), at("carol"));
        assertThat(again).extracting(Watch::checkedThrough).containsOnly(minutes(-20));
    }

    @Test
    void completingWithoutANextCheckRemovesTheWatch() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        watches.scheduleWatch(at("carol"), minutes(1), minutes(-20));
        Watch claimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(watches.endWatch(claimed)).isTrue();

        assertThat(watches.findWatch(at("bob"))).isEmpty();
        assertThat(watches.findWatch(at("carol"))).isPresent();
        assertThat(watches.claimDueWatches(minutes(600), 10, minutes(700))).extracting(Watch::receiver)
                .containsExactly(at("carol"));
    }

    @Test
    void aClaimCompletesOnlyOnce() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        Watch claimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(watches.rescheduleWatch(claimed, minutes(5), minutes(-2))).isTrue();
        assertThat(watches.rescheduleWatch(claimed, minutes(9), minutes(-1))).isFalse();

        assertThat(watches.findWatch(at("bob")).orElseThrow().dueAt()).isEqualTo(minutes(5));
    }

    @Test
    void schedulingDuringACheckMakesItsCompletionStale() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        Watch claimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();
        watches.scheduleWatch(at("bob"), minutes(1), minutes(-30));
        Watch rescheduled = watches.findWatch(at("bob")).orElseThrow();

        assertThat(watches.rescheduleWatch(claimed, minutes(60), minutes(-2))).isFalse();
        assertThat(watches.endWatch(claimed)).isFalse();

        assertThat(watches.findWatch(at("bob"))).contains(rescheduled);
        assertThat(rescheduled.dueAt()).isEqualTo(minutes(1));
        assertThat(rescheduled.checkedThrough()).isEqualTo(minutes(-30));
    }

    @Test
    void schedulingLaterThanTheLeaseDuringACheckKeepsTheLeaseAsDueTime() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        Watch claimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();

        watches.scheduleWatch(at("bob"), minutes(30), T0);

        Watch after = watches.findWatch(at("bob")).orElseThrow();
        assertThat(after.dueAt()).isEqualTo(LEASE);
        assertThat(after.checkedThrough()).isEqualTo(minutes(-20));
        assertThat(watches.endWatch(claimed)).isFalse();
        assertThat(watches.findWatch(at("bob"))).contains(after);
    }

    @Test
    void completingADeletedWatchIsRefusedAndCreatesNothing() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        Watch claimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();
        watches.deleteWatch(at("bob"));

        assertThat(watches.rescheduleWatch(claimed, minutes(5), minutes(-2))).isFalse();

        assertThat(watches.findWatch(at("bob"))).isEmpty();
    }

    @Test
    void completingAWatchThatWasDeletedAndCreatedAgainIsRefused() {
        watches.scheduleWatch(at("bob"), minutes(-1), minutes(-20));
        Watch claimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();
        watches.deleteWatch(at("bob"));
        watches.scheduleWatch(at("bob"), minutes(-5), minutes(-5));
        Watch reclaimed = watches.claimDueWatches(T0, 10, LEASE).getFirst();

        assertThat(watches.endWatch(claimed)).isFalse();

        assertThat(watches.findWatch(at("bob"))).contains(reclaimed);
        assertThat(watches.rescheduleWatch(reclaimed, minutes(9), minutes(-1))).isTrue();
    }

    @Test
    void concurrentClaimersClaimEachDueWatchExactlyOnce() {
        int due = 60;
        for (int i = 0; i < due; i++) {
            watches.scheduleWatch(at(String.format("r%02d", i)), minutes(-i), minutes(-100));
        }
        watches.scheduleWatch(at("not-due"), minutes(1), minutes(-100));

        List<List<String>> perThread = Race.run(8, thread -> claimUntilNoneLeft(3));

        List<String> claimed = new ArrayList<>(perThread.stream().flatMap(List::stream).toList());
        claimed.addAll(claimUntilNoneLeft(100));
        assertThat(claimed).hasSize(due).doesNotHaveDuplicates().doesNotContain("not-due");
    }

    private List<String> claimUntilNoneLeft(int batch) {
        List<String> mine = new ArrayList<>();
        List<Watch> claimed;
        do {
            claimed = watches.claimDueWatches(T0, batch, LEASE);
            claimed.forEach(w -> mine.add(w.receiver().id()));
        } while (!claimed.isEmpty());
        return mine;
    }
}

package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchStore;
import org.junit.jupiter.api.Test;

/**
 * {@link WatchStore#scheduleWatch}: one watch per receiver; scheduling creates it, or moves its due
 * time and its read position ({@code checkedThrough}) each to the earlier of the two, and always
 * changes its version.
 */
public abstract class WatchScheduleContract extends StoreFixture {

    @Test
    void noWatchUntilScheduled() {
        store.scheduleWatch("alice", minutes(5), T0);

        assertThat(store.findWatch("bob")).isEmpty();
    }

    @Test
    void schedulingCreatesTheWatch() {
        store.scheduleWatch("bob", minutes(5), T0.minusMillis(1));

        Watch watch = store.findWatch("bob").orElseThrow();
        assertThat(watch.receiverPsid()).isEqualTo("bob");
        assertThat(watch.dueAt()).isEqualTo(minutes(5));
        assertThat(watch.checkedThrough()).isEqualTo(T0.minusMillis(1));
    }

    @Test
    void anEarlierDueTimeReplacesALaterOne() {
        store.scheduleWatch("bob", minutes(10), T0);
        store.scheduleWatch("bob", minutes(5), T0);

        assertThat(store.findWatch("bob").orElseThrow().dueAt()).isEqualTo(minutes(5));
    }

    @Test
    void aLaterDueTimeDoesNotReplaceAnEarlierOne() {
        store.scheduleWatch("bob", minutes(5), T0);
        store.scheduleWatch("bob", minutes(10), T0);

        assertThat(store.findWatch("bob").orElseThrow().dueAt()).isEqualTo(minutes(5));
    }

    @Test
    void readPositionOnlyMovesEarlierAndIndependentlyOfTheDueTime() {
        store.scheduleWatch("bob", minutes(10), T0);
        store.scheduleWatch("bob", minutes(5), minutes(1));

        Watch afterLaterRead = store.findWatch("bob").orElseThrow();
        assertThat(afterLaterRead.dueAt()).isEqualTo(minutes(5));
        assertThat(afterLaterRead.checkedThrough()).isEqualTo(T0);

        store.scheduleWatch("bob", minutes(20), minutes(-3));

        Watch afterEarlierRead = store.findWatch("bob").orElseThrow();
        assertThat(afterEarlierRead.dueAt()).isEqualTo(minutes(5));
        assertThat(afterEarlierRead.checkedThrough()).isEqualTo(minutes(-3));
    }

    @Test
    void everySchedulingChangesTheVersion() {
        store.scheduleWatch("bob", minutes(5), T0);
        long first = store.findWatch("bob").orElseThrow().version();

        store.scheduleWatch("bob", minutes(5), T0);
        long second = store.findWatch("bob").orElseThrow().version();
        store.scheduleWatch("bob", minutes(50), minutes(50));
        long third = store.findWatch("bob").orElseThrow().version();

        assertThat(second).isNotEqualTo(first);
        assertThat(third).isNotIn(first, second);
    }

    @Test
    void receiversHaveSeparateWatches() {
        store.scheduleWatch("bob", minutes(5), T0);
        store.scheduleWatch("carol", minutes(1), minutes(-1));

        assertThat(store.findWatch("bob").orElseThrow().dueAt()).isEqualTo(minutes(5));
        assertThat(store.findWatch("bob").orElseThrow().checkedThrough()).isEqualTo(T0);
        assertThat(store.findWatch("carol").orElseThrow().dueAt()).isEqualTo(minutes(1));
    }

    @Test
    void deletingRemovesOnlyThatWatch() {
        store.scheduleWatch("bob", minutes(5), T0);
        store.scheduleWatch("carol", minutes(5), T0);

        store.deleteWatch("bob");
        store.deleteWatch("nobody");

        assertThat(store.findWatch("bob")).isEmpty();
        assertThat(store.findWatch("carol")).isPresent();
        assertThat(store.claimDueWatches(minutes(60), 10, minutes(70))).extracting(Watch::receiverPsid)
                .containsExactly("carol");
    }

    @Test
    void aDeletedWatchCanBeScheduledAfresh() {
        store.scheduleWatch("bob", minutes(5), T0);
        store.deleteWatch("bob");

        store.scheduleWatch("bob", minutes(30), minutes(20));

        Watch watch = store.findWatch("bob").orElseThrow();
        assertThat(watch.dueAt()).isEqualTo(minutes(30));
        assertThat(watch.checkedThrough()).isEqualTo(minutes(20));
    }
}

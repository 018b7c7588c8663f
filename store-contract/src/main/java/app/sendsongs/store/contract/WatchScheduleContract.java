package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.T0;
import static app.sendsongs.store.contract.Samples.at;
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
        watches.scheduleWatch(at("alice"), minutes(5), T0);

        assertThat(watches.findWatch(at("bob"))).isEmpty();
    }

    @Test
    void schedulingCreatesTheWatch() {
        watches.scheduleWatch(at("bob"), minutes(5), T0.minusMillis(1));

        Watch watch = watches.findWatch(at("bob")).orElseThrow();
        assertThat(watch.receiver()).isEqualTo(at("bob"));
        assertThat(watch.dueAt()).isEqualTo(minutes(5));
        assertThat(watch.checkedThrough()).isEqualTo(T0.minusMillis(1));
    }

    @Test
    void anEarlierDueTimeReplacesALaterOne() {
        watches.scheduleWatch(at("bob"), minutes(10), T0);
        watches.scheduleWatch(at("bob"), minutes(5), T0);

        assertThat(watches.findWatch(at("bob")).orElseThrow().dueAt()).isEqualTo(minutes(5));
    }

    @Test
    void aLaterDueTimeDoesNotReplaceAnEarlierOne() {
        watches.scheduleWatch(at("bob"), minutes(5), T0);
        watches.scheduleWatch(at("bob"), minutes(10), T0);

        assertThat(watches.findWatch(at("bob")).orElseThrow().dueAt()).isEqualTo(minutes(5));
    }

    @Test
    void readPositionOnlyMovesEarlierAndIndependentlyOfTheDueTime() {
        watches.scheduleWatch(at("bob"), minutes(10), T0);
        watches.scheduleWatch(at("bob"), minutes(5), minutes(1));

        Watch afterLaterRead = watches.findWatch(at("bob")).orElseThrow();
        assertThat(afterLaterRead.dueAt()).isEqualTo(minutes(5));
        assertThat(afterLaterRead.checkedThrough()).isEqualTo(T0);

        watches.scheduleWatch(at("bob"), minutes(20), minutes(-3));

        Watch afterEarlierRead = watches.findWatch(at("bob")).orElseThrow();
        assertThat(afterEarlierRead.dueAt()).isEqualTo(minutes(5));
        assertThat(afterEarlierRead.checkedThrough()).isEqualTo(minutes(-3));
    }

    @Test
    void everySchedulingChangesTheVersion() {
        watches.scheduleWatch(at("bob"), minutes(5), T0);
        long first = watches.findWatch(at("bob")).orElseThrow().version();

        watches.scheduleWatch(at("bob"), minutes(5), T0);
        long second = watches.findWatch(at("bob")).orElseThrow().version();
        watches.scheduleWatch(at("bob"), minutes(50), minutes(50));
        long third = watches.findWatch(at("bob")).orElseThrow().version();

        assertThat(second).isNotEqualTo(first);
        assertThat(third).isNotIn(first, second);
    }

    @Test
    void receiversHaveSeparateWatches() {
        watches.scheduleWatch(at("bob"), minutes(5), T0);
        watches.scheduleWatch(at("carol"), minutes(1), minutes(-1));

        assertThat(watches.findWatch(at("bob")).orElseThrow().dueAt()).isEqualTo(minutes(5));
        assertThat(watches.findWatch(at("bob")).orElseThrow().checkedThrough()).isEqualTo(T0);
        assertThat(watches.findWatch(at("carol")).orElseThrow().dueAt()).isEqualTo(minutes(1));
    }

    @Test
    void deletingRemovesOnlyThatWatch() {
        watches.scheduleWatch(at("bob"), minutes(5), T0);
        watches.scheduleWatch(at("carol"), minutes(5), T0);

        watches.deleteWatch(at("bob"));
        watches.deleteWatch(at("nobody"));

        assertThat(watches.findWatch(at("bob"))).isEmpty();
        assertThat(watches.findWatch(at("carol"))).isPresent();
        assertThat(watches.claimDueWatches(minutes(60), 10, minutes(70))).extracting(Watch::receiver)
                .containsExactly(at("carol"));
    }

    @Test
    void aDeletedWatchCanBeScheduledAfresh() {
        watches.scheduleWatch(at("bob"), minutes(5), T0);
        watches.deleteWatch(at("bob"));

        watches.scheduleWatch(at("bob"), minutes(30), minutes(20));

        Watch watch = watches.findWatch(at("bob")).orElseThrow();
        assertThat(watch.dueAt()).isEqualTo(minutes(30));
        assertThat(watch.checkedThrough()).isEqualTo(minutes(20));
    }
}

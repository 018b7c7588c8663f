package app.sendsongs.core.watch;

import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Puts receivers' listen checks on the calendar. */
public final class WatchPlanner {
    private final WatchStore watches;
    private final ShareStore shares;
    private final WatchSchedule schedule;
    private final Clock clock;

    public WatchPlanner(WatchStore watches, ShareStore shares, WatchSchedule schedule, Clock clock) {
        this.watches = watches;
        this.shares = shares;
        this.schedule = schedule;
        this.clock = clock;
    }

    public WatchSchedule schedule() {
        return schedule;
    }

    /** A song reached its receiver: check about one track length from now, counting plays from now. */
    public void delivered(Share share, Instant at) {
        watches.scheduleWatch(share.receiverPsid(), schedule.firstCheck(at, share.track().duration()),
                at.minusMillis(1));
    }

    /** Checks the receiver's watched songs as soon as possible (after a reconnect, say). */
    public void checkNow(String receiverPsid) {
        List<Share> watched = shares.sharesWatchedFor(receiverPsid);
        watched.stream().map(s -> s.deliveredAt().orElseThrow()).min(Instant::compareTo)
                .ifPresent(earliest -> watches.scheduleWatch(receiverPsid, clock.instant(),
                        watches.findWatch(receiverPsid).map(Watch::checkedThrough).orElse(earliest.minusMillis(1))));
    }
}

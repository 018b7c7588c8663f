package app.sendsongs.core.watch;

import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts receivers' listen checks on the calendar. */
public final class WatchPlanner {
    /** A person who keeps writing gets at most one check brought forward per this time. */
    static final Duration BRING_FORWARD_AT_MOST_EVERY = Duration.ofMinutes(10);
    private static final int REMEMBERED_WRITERS = 100_000;

    private final WatchStore watches;
    private final ShareStore shares;
    private final WatchSchedule schedule;
    private final Clock clock;
    /** A check due this soon (or leased, which is at most this long) is left alone. */
    private final Duration dueSoon;
    /** When each recent writer's check was last considered; per process, so only a saving, never needed. */
    private final Map<String, Instant> lastConsidered = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_WRITERS;
        }
    };

    public WatchPlanner(WatchStore watches, ShareStore shares, WatchSchedule schedule, Clock clock, Duration lease) {
        this.watches = watches;
        this.shares = shares;
        this.schedule = schedule;
        this.clock = clock;
        this.dueSoon = lease;
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

    /**
     * The person wrote to the bot, so they are probably about and may have played a song sent
     * to them: their pending check is brought forward to now. Costs one read by key at most
     * once per {@link #BRING_FORWARD_AT_MOST_EVERY} per person, and a write only when the check
     * was not due soon anyway.
     */
    public void personWrote(String psid) {
        Instant now = clock.instant();
        if (!firstConsiderationSince(psid, now.minus(BRING_FORWARD_AT_MOST_EVERY), now)) {
            return;
        }
        watches.findWatch(psid).filter(watch -> watch.dueAt().isAfter(now.plus(dueSoon)))
                .ifPresent(watch -> watches.scheduleWatch(psid, now, watch.checkedThrough()));
    }

    private boolean firstConsiderationSince(String psid, Instant since, Instant now) {
        synchronized (lastConsidered) {
            Instant last = lastConsidered.get(psid);
            if (last != null && last.isAfter(since)) {
                return false;
            }
            lastConsidered.put(psid, now);
            return true;
        }
    }
}

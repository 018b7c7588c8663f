package app.sendsongs.core.watch;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Puts receivers' listen checks on the calendar. */
public final class WatchPlanner {
    /** A person who keeps writing gets at most one check brought forward per this time. */
    static final Duration BRING_FORWARD_AT_MOST_EVERY = Duration.ofMinutes(10);
    private static final int REMEMBERED_WRITERS = 100_000;

    private final WatchStore watches;
    private final WatchSchedule schedule;
    private final Clock clock;
    /** A check due this soon (or leased, which is at most this long) is left alone. */
    private final Duration dueSoon;
    /** When each recent writer's check was last considered; per process, so only a saving, never needed. */
    private final Map<ChatAddress, Instant> lastConsidered = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ChatAddress, Instant> eldest) {
            return size() > REMEMBERED_WRITERS;
        }
    };

    public WatchPlanner(WatchStore watches, WatchSchedule schedule, Clock clock, Duration lease) {
        this.watches = watches;
        this.schedule = schedule;
        this.clock = clock;
        this.dueSoon = lease;
    }

    public WatchSchedule schedule() {
        return schedule;
    }

    /**
     * A song reached its receiver at {@code at}: their check comes about one track length later, and
     * only plays from {@code at} on count.
     */
    public void delivered(ChatAddress receiver, Instant at, Duration trackLength) {
        watches.scheduleWatch(receiver, schedule.firstCheck(at, trackLength), at.minusMillis(1));
    }

    /**
     * Checks the receiver's songs as soon as possible (after they reconnected, say), reading their
     * history from where their last check stopped or, when they have no watch, from
     * {@code watchedSince} (the earliest delivery of the songs being watched for them).
     */
    public void checkNow(ChatAddress receiver, Instant watchedSince) {
        watches.scheduleWatch(receiver, clock.instant(),
                watches.findWatch(receiver).map(Watch::checkedThrough).orElse(watchedSince.minusMillis(1)));
    }

    /**
     * Plans a check of the receiver's songs now, reading from {@code watchedSince}, when they have none planned: a song
     * found watched with nothing to check it (a run cut short between the two) is checked after all. One read by key.
     */
    public void ensureWatched(ChatAddress receiver, Instant watchedSince) {
        if (watches.findWatch(receiver).isEmpty()) {
            watches.scheduleWatch(receiver, clock.instant(), watchedSince.minusMillis(1));
        }
    }

    /**
     * Checks the receiver's songs as soon as possible, reading their history from {@code from} on, or from where their
     * last check stopped when that is earlier (a song watched again after its cancel: plays since its delivery count).
     */
    public void readAgainFrom(ChatAddress receiver, Instant from) {
        Instant through = watches.findWatch(receiver).map(Watch::checkedThrough)
                .filter(checked -> checked.isBefore(from)).orElse(from.minusMillis(1));
        watches.scheduleWatch(receiver, clock.instant(), through);
    }

    /**
     * Checks the receiver's songs as soon as possible, reading their history from {@code from} on, wherever their
     * last check stopped (after they switched to another source). The watch is made anew: a check in flight then
     * cannot write its old read position back, as every new watch starts at a version of its own.
     */
    public void readFrom(ChatAddress receiver, Instant from) {
        watches.deleteWatch(receiver);
        watches.scheduleWatch(receiver, clock.instant(), from.minusMillis(1));
    }

    /**
     * Plans a check of the person at {@code at} (to remind them their Spotify grant ends, whatever songs they are sent
     * by then), unless one comes sooner; a watch made for it reads from now.
     */
    public void checkBy(ChatAddress person, Instant at) {
        watches.scheduleWatch(person, at, clock.instant());
    }

    /**
     * The person wrote to the bot, so they are probably about and may have played a song sent
     * to them: their pending check is brought forward to now. Costs one read by key at most
     * once per {@link #BRING_FORWARD_AT_MOST_EVERY} per person, and a write only when the check
     * was not due soon anyway.
     */
    public void personWrote(ChatAddress person) {
        personWrote(person, Optional.empty());
    }

    /**
     * As {@link #personWrote(ChatAddress)}; {@code reminderAt}, when the person is due a reminder that their Spotify
     * grant ends: someone with no check planned gets one then (or now, when that has passed), which a consent made
     * before such checks were planned lacks.
     */
    public void personWrote(ChatAddress person, Optional<Instant> reminderAt) {
        Instant now = clock.instant();
        if (!firstConsiderationSince(person, now.minus(BRING_FORWARD_AT_MOST_EVERY), now)) {
            return;
        }
        Optional<Watch> planned = watches.findWatch(person);
        if (planned.isEmpty()) {
            reminderAt.ifPresent(at -> watches.scheduleWatch(person, at.isAfter(now) ? at : now, now));
            return;
        }
        // a check due no sooner than the reminder is the reminder's alone (no song waits for it): left where it is
        planned.filter(watch -> watch.dueAt().isAfter(now.plus(dueSoon)))
                .filter(watch -> reminderAt.map(watch.dueAt()::isBefore).orElse(true))
                .ifPresent(watch -> watches.scheduleWatch(person, now, watch.checkedThrough()));
    }

    private boolean firstConsiderationSince(ChatAddress person, Instant since, Instant now) {
        synchronized (lastConsidered) {
            Instant last = lastConsidered.get(person);
            if (last != null && last.isAfter(since)) {
                return false;
            }
            lastConsidered.put(person, now);
            return true;
        }
    }
}

package app.sendsongs.core.listen;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.user.ListeningAccess;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.ListeningPace;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the receiver's next regular check comes after a read (see {@link ListenWatcher}): the songs' own schedule,
 * sooner when their pace could overflow Spotify's window, when plays may have been missed or the reading goes on,
 * and a few minutes sooner while the access token in hand still serves.
 */
final class RegularChecks {
    /** How much sooner a check may come to be made with the access token in hand rather than a new one. */
    private static final Duration SOONER_FOR_THE_TOKEN = Duration.ofMinutes(5);

    private final WatchSchedule schedule;
    private final ListeningAccess access;

    RegularChecks(WatchSchedule schedule, ListeningAccess access) {
        this.schedule = schedule;
        this.access = access;
    }

    /**
     * The next regular check after a read at {@code now}: the songs' own, sooner when the receiver's pace could
     * overflow Spotify's window, when plays may have been missed or the reading goes on; then a little sooner while
     * the access token {@code used} still serves.
     */
    Optional<Instant> next(List<Share> waiting, User receiver, RecentPlays recent, Coverage coverage, Instant now,
                           ListeningConnection used) {
        Optional<Instant> regular = regularCheck(waiting, now);
        if (!waiting.isEmpty() && receiver.connection().kind().keepsOnlyRecentWindow()) {
            regular = earliest(regular, ListeningPace.checkBy(recent, now, schedule.shortestInterval()));
        }
        if (coverage.mayHaveMissed() && !waiting.isEmpty()) {
            regular = earliest(regular, Optional.of(now.plus(schedule.recheckAfterGap())));
        }
        if (coverage.readingOn() && !waiting.isEmpty()) {
            regular = earliest(regular, Optional.of(now.plus(schedule.shortestInterval())));
        }
        return regular.map(at -> whileTheTokenServes(at, now, used));
    }

    /**
     * A regular check that would need a new access token comes a few minutes sooner when the token in hand still
     * serves then: hourly checks are an hour apart and a Spotify token lives an hour, so one refresh then serves two
     * checks instead of one.
     */
    private Instant whileTheTokenServes(Instant next, Instant now, ListeningConnection used) {
        return access.servesUntil(used)
                .filter(until -> until.isBefore(next) && !until.isBefore(next.minus(SOONER_FOR_THE_TOKEN))
                        && until.isAfter(now.plus(schedule.shortestInterval())))
                .orElse(next);
    }

    /** The earliest regular check the songs still being watched need after one at {@code now}. */
    private Optional<Instant> regularCheck(List<Share> waiting, Instant now) {
        Optional<Instant> next = Optional.empty();
        for (Share share : waiting) {
            next = earliest(next, schedule.nextCheck(share.deliveredAt().orElseThrow(), share.track().duration(), now));
        }
        return next;
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isBefore(b.get()) ? a : b;
    }
}

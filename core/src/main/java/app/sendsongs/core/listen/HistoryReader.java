package app.sendsongs.core.listen;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.PersonNotAllowedException;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.user.ListeningAccess;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads the receiver's plays for one check (see {@link ListenWatcher}): Spotify's window whole, a whole history from
 * where the last check stopped less the grace period, and at a song's last check back to its delivery; when nothing
 * can be read, when to try again.
 */
final class HistoryReader {
    /** Logs as the {@link ListenWatcher} it is part of. */
    private static final Logger LOG = Logger.getLogger(ListenWatcher.class.getName());
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);
    /** A source that refuses the person whatever the moment is asked again this much later. */
    private static final Duration RETRY_AFTER_REFUSAL = Duration.ofHours(1);
    private static final Duration MINIMUM_RETRY = Duration.ofSeconds(30);

    private final ListeningAccess access;
    private final WatchSchedule schedule;
    private final Clock clock;

    HistoryReader(ListeningAccess access, WatchSchedule schedule, Clock clock) {
        this.access = access;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** What one check learnt of the receiver's history. */
    sealed interface Reading {
        /**
         * The plays since the read position (the whole window for Spotify), and at a last check those since the
         * delivery, read on {@code connection}.
         */
        record Read(HistoryRead history, ListeningConnection connection) implements Reading {
        }

        /** Nothing could be read; {@code retryAt} is when to try again, empty when only the deadlines matter. */
        record Unread(Optional<Instant> retryAt) implements Reading {
        }
    }

    /** Reads the plays this check needs, or says why it could not and when to try again. */
    Reading read(Watch watch, User receiver, List<Share> watched) {
        if (receiver.needsReconnect()) {
            return new Reading.Unread(Optional.empty()); // paused until they reconnect, which checks at once
        }
        SourceKind kind = receiver.connection().kind();
        Instant from = readFrom(watch, kind, watched);
        Optional<Instant> back = readBackFrom(kind, watched).filter(start -> start.isBefore(from));
        try {
            return access.withConnection(receiver, (source, connection) -> new Reading.Read(
                    HistoryRead.read(source, connection, from, back, watch.checkedThrough()), connection));
        } catch (GrantRevokedException e) {
            return new Reading.Unread(Optional.empty()); // the person was told, and their watches wait for them
        } catch (PersonNotAllowedException e) {
            LOG.info(() -> "listen check postponed by " + RETRY_AFTER_REFUSAL + ": " + e.getMessage());
            return new Reading.Unread(Optional.of(clock.instant().plus(RETRY_AFTER_REFUSAL)));
        } catch (MusicServiceException e) {
            Duration wait = e.retryAfter().filter(d -> d.compareTo(MINIMUM_RETRY) > 0).orElse(
                    e.retryAfter().isPresent() ? MINIMUM_RETRY : RETRY_AFTER_FAILURE);
            LOG.info(() -> "listen check postponed by " + wait + ": " + e.getMessage());
            return new Reading.Unread(Optional.of(clock.instant().plus(wait)));
        }
    }

    /**
     * Where the read starts. Spotify's whole window of 50 plays: the same one call, and its older plays tell the
     * pace. A whole history: from the read position less the grace period (plays reach it late, under the time they
     * were played), never before the earliest delivery of the songs being watched (the start of its second, as the
     * source times plays: a play in that second counts).
     */
    private Instant readFrom(Watch watch, SourceKind kind, List<Share> watched) {
        if (kind.keepsOnlyRecentWindow()) {
            return Instant.EPOCH;
        }
        Instant earliest = earliestDelivery(watched, kind).orElseThrow();
        Instant back = watch.checkedThrough().minus(schedule.grace());
        return back.isAfter(earliest) ? back : earliest;
    }

    /**
     * Where a last check reads a whole history back from: the earliest delivery of the songs (all still unplayed)
     * whose last check it is, so that "not played" is said only once the whole watch of the song was read, plays
     * that reached the history days late included (a phone offline scrobbles them when it is back). Empty when it is
     * no song's last check, or for Spotify's window, read whole every time.
     */
    private Optional<Instant> readBackFrom(SourceKind kind, List<Share> watched) {
        if (kind.keepsOnlyRecentWindow()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return earliestDelivery(watched.stream().filter(share -> !now.isBefore(finalCheck(share))).toList(), kind);
    }

    /** The start of the second (as the source times plays) of the earliest delivery: a play in that second counts. */
    private static Optional<Instant> earliestDelivery(List<Share> songs, SourceKind kind) {
        return songs.stream().map(share -> share.deliveredAt().orElseThrow()).min(Instant::compareTo)
                .map(earliest -> earliest.truncatedTo(kind.playTimeUnit()).minusMillis(1));
    }

    /** A song's last check, a grace period after its watch period ({@link ListenWatcher} times it by this too). */
    Instant finalCheck(Share share) {
        return share.expiresAt().orElseThrow().plus(schedule.grace());
    }
}

package app.sendsongs.core.listen;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one check read of a receiver's history. {@code recent} is the read the watch's position goes on from (the
 * plays since that position less the grace period, Spotify's whole window). At a last check a whole history is read
 * back to the earliest delivery of the songs whose last check it is, as plays can reach it days late under the time
 * they were played, after newer ones moved the position on: that one read stands for both when it holds every play
 * since or gets past the position; when it stops short of the position (it holds only so many plays), the position's
 * own read follows, and {@code readBack} holds the plays read back.
 *
 * @param readWholeTo     empty when every play from where the reading started to the newest was read; else every play
 *                        before this instant was, and none after it
 * @param goesOnFromRecent whether the plays not read yet come on later reads, which go on from where {@code recent}
 *                        stopped: false when a read back stopped short of the position's read
 */
record HistoryRead(RecentPlays recent, List<Play> readBack, Optional<Instant> readWholeTo,
                   boolean goesOnFromRecent) {
    HistoryRead {
        readBack = List.copyOf(readBack);
    }

    /**
     * Reads from {@code from}, or back from {@code backFrom} when a last check needs it: the position's read then
     * follows only when the read back stops (its size limit) before {@code checkedThrough}, the position.
     */
    static HistoryRead read(ListeningSource source, ListeningConnection connection, Instant from,
                            Optional<Instant> backFrom, Instant checkedThrough) throws MusicServiceException {
        if (backFrom.isEmpty()) {
            RecentPlays recent = source.recentPlays(connection, from);
            return new HistoryRead(recent, List.of(), stoppedAt(recent), true);
        }
        RecentPlays back = source.recentPlays(connection, backFrom.get());
        Optional<Instant> backStopped = stoppedAt(back);
        if (backStopped.isEmpty() || backStopped.get().isAfter(checkedThrough)) {
            return new HistoryRead(back, List.of(), backStopped, true);
        }
        RecentPlays recent = source.recentPlays(connection, from);
        boolean joined = !backStopped.get().isBefore(from);
        return new HistoryRead(recent, back.plays(), joined ? stoppedAt(recent) : backStopped, joined);
    }

    /** The newest play of a read that stopped at its size limit, short of the newest plays; empty when it did not. */
    private static Optional<Instant> stoppedAt(RecentPlays read) {
        return read.newerUnread() ? read.plays().stream().map(Play::playedAt).max(Instant::compareTo)
                .or(() -> Optional.of(Instant.EPOCH)) : Optional.empty();
    }

    /** Every play read, those read back included. */
    List<Play> plays() {
        return Stream.concat(recent.plays().stream(), readBack.stream()).toList();
    }

    /**
     * Whether every play before {@code expiresAt} (from where the reading started) was read: a song whose watch
     * period ends then and was not found played was not played.
     */
    boolean holdsEveryPlayBefore(Instant expiresAt) {
        return readWholeTo.map(to -> !to.isBefore(expiresAt)).orElse(true);
    }
}

package app.sendsongs.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An emulated Last.fm user: every scrobble they made (Last.fm keeps them all), the track they are
 * playing now, and whether they hide their recent listening (Settings, Privacy, "Hide recent
 * listening information").
 */
public final class LastfmUser {
    /** How long a now-playing entry lasts when no scrobble replaces it. */
    static final Duration NOW_PLAYING_LIFETIME = Duration.ofMinutes(10);

    /** A finished play; {@code at} is the scrobble's timestamp (when the track started). */
    public record Scrobble(String artist, String track, String album, String mbid, Instant at) {
    }

    /** The track playing now, since {@code since}. */
    public record NowPlaying(String artist, String track, String album, Instant since) {
    }

    /** One page of scrobbles, newest first, and how many there are in the whole range. */
    public record Page(List<Scrobble> scrobbles, int total) {
    }

    private final String name;
    /** Ordered by time, oldest first; equal times keep arrival order. */
    private final List<Scrobble> scrobbles = new ArrayList<>();
    private NowPlaying nowPlaying;
    private boolean hidesListening;

    LastfmUser(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    synchronized void scrobble(Scrobble scrobble) {
        int at = scrobbles.size();
        while (at > 0 && scrobbles.get(at - 1).at().isAfter(scrobble.at())) {
            at--;
        }
        scrobbles.add(at, scrobble);
        if (nowPlaying != null && nowPlaying.artist().equalsIgnoreCase(scrobble.artist())
                && nowPlaying.track().equalsIgnoreCase(scrobble.track())) {
            nowPlaying = null;
        }
    }

    synchronized void nowPlaying(NowPlaying playing) {
        this.nowPlaying = playing;
    }

    /** The track playing at {@code now}, if its entry has not run out. */
    synchronized Optional<NowPlaying> nowPlaying(Instant now) {
        if (nowPlaying == null || !now.isBefore(nowPlaying.since().plus(NOW_PLAYING_LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(nowPlaying);
    }

    synchronized void hideListening(boolean hide) {
        this.hidesListening = hide;
    }

    public synchronized boolean hidesListening() {
        return hidesListening;
    }

    /**
     * Page {@code page} (from 1) of {@code limit} scrobbles at or after {@code from} and before
     * {@code to} (epoch seconds, as Last.fm compares them), newest first: what {@code user.getRecentTracks}
     * answers, also read in process by the watch benchmark.
     */
    public synchronized Page page(long from, long to, int limit, int page) {
        // scrobbles are in time order: the range is one run of them, found from both ends
        int end = scrobbles.size();
        while (end > 0 && scrobbles.get(end - 1).at().getEpochSecond() >= to) {
            end--;
        }
        int start = end;
        while (start > 0 && scrobbles.get(start - 1).at().getEpochSecond() >= from) {
            start--;
        }
        int total = end - start;
        long first = (long) (page - 1) * limit;
        if (first >= total) {
            return new Page(List.of(), total);
        }
        int newest = (int) (end - first);
        int oldest = (int) Math.max(start, newest - (long) limit);
        return new Page(List.copyOf(scrobbles.subList(oldest, newest).reversed()), total);
    }

    /** Every scrobble, newest first. */
    public synchronized List<Scrobble> scrobbles() {
        return List.copyOf(scrobbles.reversed());
    }
}

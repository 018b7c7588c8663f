package app.sendsongs.core.watch;

import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a receiver's recently-played window from overflowing between two checks. Spotify keeps
 * only a person's last 50 plays, so one who plays more than that between checks loses the older
 * ones unseen. A check reads the whole window, and the window remembers how fast its owner
 * plays: its densest stretch of half a page (25 plays) is how quickly they have lately been
 * known to play that many. The next check comes within that time, so even at that pace another
 * half page of margin remains; a session going on now counts as well, being in the window. A
 * window too thin to tell a pace (a new Spotify user) is read as the fastest pace possible while
 * its owner is playing.
 */
public final class ListeningPace {
    /** Fewer plays than this say too little about a pace to act on. */
    static final int FEWEST_PLAYS = 5;
    /**
     * Someone who played this recently is listening now; if their window is too thin to tell
     * their pace, they are taken to be as fast as Spotify counts plays ({@link #SHORTEST_PLAY}).
     */
    static final Duration PLAYING_NOW = Duration.ofMinutes(10);
    /** Spotify records a play only after 30 seconds of it. */
    static final Duration SHORTEST_PLAY = Duration.ofSeconds(30);

    private ListeningPace() {
    }

    /** The latest time the next check may come without risking the window; empty when the window shows no pace. */
    public static Optional<Instant> checkBy(RecentPlays window, Instant now, Duration shortestInterval) {
        long[] times = window.plays().stream().map(Play::playedAt).mapToLong(Instant::toEpochMilli).sorted().toArray();
        int halfPage = Math.max(2, window.pageLimit() / 2);
        if (times.length < FEWEST_PLAYS) {
            boolean playingNow = times.length > 0
                    && now.toEpochMilli() - times[times.length - 1] <= PLAYING_NOW.toMillis();
            return playingNow ? Optional.of(now.plus(SHORTEST_PLAY.multipliedBy(halfPage))) : Optional.empty();
        }
        int stretch = Math.min(times.length, halfPage);
        long densest = Long.MAX_VALUE;
        for (int first = 0; first + stretch <= times.length; first++) {
            densest = Math.min(densest, times[first + stretch - 1] - times[first]);
        }
        Duration wait = Duration.ofMillis(densest * halfPage / (stretch - 1));
        return Optional.of(now.plus(wait.compareTo(shortestInterval) < 0 ? shortestInterval : wait));
    }
}

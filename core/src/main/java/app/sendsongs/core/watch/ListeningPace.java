package app.sendsongs.core.watch;

import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a receiver's recently-played window from overflowing between two checks. Spotify returns
 * at most one page (50) of plays after the read position, so a receiver who plays more than that
 * between checks would lose the older ones unseen. From the plays a check just read, this
 * estimates how fast they are playing now and asks for the next check by the time about half a
 * page more would have arrived at that pace, leaving the other half as margin for speeding up.
 */
public final class ListeningPace {
    /** Fewer new plays than this say too little about a pace to act on. */
    static final int FEWEST_PLAYS = 5;

    private ListeningPace() {
    }

    /**
     * The latest time the next check may come without risking the window, or empty when the
     * page shows no pace worth acting on. The pace is the page's plays over the time from its
     * oldest play to {@code now}, so a session still under way counts at its own rate.
     */
    public static Optional<Instant> checkBy(RecentPlays page, Instant now, Duration shortestInterval) {
        int played = page.plays().size();
        if (played < FEWEST_PLAYS) {
            return Optional.empty();
        }
        Instant oldest = page.plays().stream().map(Play::playedAt).min(Instant::compareTo).orElseThrow();
        long spanMillis = Math.max(1, Duration.between(oldest, now).toMillis());
        long halfPageMillis = spanMillis * (page.pageLimit() / 2) / played;
        Duration wait = Duration.ofMillis(halfPageMillis);
        return Optional.of(now.plus(wait.compareTo(shortestInterval) < 0 ? shortestInterval : wait));
    }
}

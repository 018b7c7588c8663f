package app.sendsongs.spotify;

import app.sendsongs.core.music.MusicServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers Spotify's last {@code Retry-After}: until that moment, calls fail fast instead of spending quota on
 * answers that will be 429 anyway. Shared by every call of one {@link SpotifyClient}; thread-safe.
 */
public final class SpotifyRateLimiter {
    private record Block(Instant until, boolean quotaExceeded) {
    }

    private final Clock clock;
    private final AtomicReference<Block> block = new AtomicReference<>(new Block(Instant.MIN, false));

    public SpotifyRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Lets a call go out, or refuses it while Spotify's last {@code Retry-After} lasts.
     *
     * @throws MusicServiceException carrying the time still to wait ({@link QuotaExceededException} when the wait
     *                               came from a quota 429)
     */
    public void acquire() throws MusicServiceException {
        Block current = block.get();
        Instant now = clock.instant();
        if (!now.isBefore(current.until())) {
            return;
        }
        Duration remaining = Duration.between(now, current.until());
        String message = "Spotify asked us to wait; not calling it for another " + ceilSeconds(remaining) + " s";
        if (current.quotaExceeded()) {
            throw new QuotaExceededException(message + " (quota exceeded)", Optional.of(remaining));
        }
        throw new MusicServiceException(message, Optional.of(remaining));
    }

    /** Refuses calls for {@code wait} from now, unless an earlier block lasts longer. */
    public void blockFor(Duration wait, boolean quotaExceeded) {
        Block next = new Block(clock.instant().plus(wait), quotaExceeded);
        block.accumulateAndGet(next, (old, fresh) -> old.until().isAfter(fresh.until()) ? old : fresh);
    }

    /** The time left before calls may go out again; empty when they may go now. */
    public Optional<Duration> remaining() {
        Instant now = clock.instant();
        Instant until = block.get().until();
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static long ceilSeconds(Duration d) {
        return Math.max(1, d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0));
    }
}

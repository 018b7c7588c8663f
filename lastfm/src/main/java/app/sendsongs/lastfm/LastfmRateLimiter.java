package app.sendsongs.lastfm;

import app.sendsongs.core.music.MusicServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Paces every call of one {@link LastfmClient} so the app stays under Last.fm's rate (about five calls a second
 * per IP, https://www.last.fm/api/intro; error 29 beyond it), and after an error 29 holds every call for a
 * backoff that doubles with each 29 in a row. A call waits for its turn when that is near; when the turn is
 * further off than {@code longestWait} the call fails at once, saying how long to wait. Thread-safe.
 *
 * <p>It counts real time, not the app's clock: a rate is about requests in a real second, and the demo's clock
 * stands still between advances.
 */
public final class LastfmRateLimiter {
    /** Four calls a second: under Last.fm's five with room for another process on the same IP now and then. */
    public static final Duration STANDARD_SPACING = Duration.ofMillis(250);
    static final Duration STANDARD_FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration STANDARD_LONGEST_BACKOFF = Duration.ofMinutes(2);
    static final Duration STANDARD_LONGEST_WAIT = Duration.ofSeconds(10);

    /** Waits; a test's sleeper moves a test clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration spacing;
    private final Duration firstBackoff;
    private final Duration longestBackoff;
    private final Duration longestWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextTurn = Instant.EPOCH;
    private Instant heldUntil = Instant.EPOCH;
    private int rateLimitsInARow;

    public LastfmRateLimiter(Duration spacing, Duration firstBackoff, Duration longestBackoff, Duration longestWait,
                             Clock clock, Sleeper sleeper) {
        if (spacing.isNegative() || firstBackoff.isNegative() || longestBackoff.compareTo(firstBackoff) < 0
                || longestWait.isNegative()) {
            throw new IllegalArgumentException("rate limiter durations must be positive, the longest backoff at "
                    + "least the first");
        }
        this.spacing = spacing;
        this.firstBackoff = firstBackoff;
        this.longestBackoff = longestBackoff;
        this.longestWait = longestWait;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Four calls a second on the real clock, 2 s after a first 29 doubling up to 2 min, waiting 10 s at most. */
    public static LastfmRateLimiter standard() {
        return standard(duration -> Thread.sleep(duration));
    }

    /** As {@link #standard()}, waiting through {@code sleeper} (a runtime's, which also measures the waits). */
    public static LastfmRateLimiter standard(Sleeper sleeper) {
        return new LastfmRateLimiter(STANDARD_SPACING, STANDARD_FIRST_BACKOFF, STANDARD_LONGEST_BACKOFF,
                STANDARD_LONGEST_WAIT, Clock.systemUTC(), sleeper);
    }

    /**
     * Waits for this call's turn.
     *
     * @throws MusicServiceException carrying the wait when the turn is more than {@code longestWait} away, or when
     *                               interrupted while waiting
     */
    public void acquire() throws MusicServiceException {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant turn = latest(now, latest(nextTurn, heldUntil));
            wait = Duration.between(now, turn);
            if (wait.compareTo(longestWait) > 0) {
                throw new MusicServiceException("Last.fm's rate limit holds calls for another "
                        + ceilSeconds(wait) + " s", Optional.of(wait));
            }
            nextTurn = turn.plus(spacing);
        }
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MusicServiceException("interrupted while waiting for Last.fm's rate limit", e);
            }
        }
    }

    /** Last.fm answered error 29: holds every call for a backoff, longer for each 29 in a row. Answers the backoff. */
    public synchronized Duration rateLimited() {
        rateLimitsInARow++;
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(20, rateLimitsInARow - 1));
        if (backoff.compareTo(longestBackoff) > 0) {
            backoff = longestBackoff;
        }
        heldUntil = latest(heldUntil, clock.instant().plus(backoff));
        return backoff;
    }

    /** Last.fm answered without a 29: the next 29 starts from the first backoff again. */
    public synchronized void answered() {
        rateLimitsInARow = 0;
    }

    /** How long calls are held after a 29; empty when they are not. */
    public synchronized Optional<Duration> held() {
        Instant now = clock.instant();
        return now.isBefore(heldUntil) ? Optional.of(Duration.between(now, heldUntil)) : Optional.empty();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static long ceilSeconds(Duration d) {
        return Math.max(1, d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0));
    }
}

package app.sendsongs.listenbrainz;

import app.sendsongs.core.music.MusicServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps one {@link ListenBrainzClient} within ListenBrainz's rate limit as the {@code X-RateLimit-*} headers of its
 * answers state it (https://listenbrainz.readthedocs.io/en/latest/users/api/index.html#rate-limiting): while the
 * current window has requests left, calls go and are counted down; when none are left, or after a 429, calls wait
 * until the window ends ({@code X-RateLimit-Reset-In}, which is immune to a wrong clock). A wait longer than
 * {@code longestWait} fails the call at once, saying how long. Thread-safe.
 *
 * <p>It counts real time, not the app's clock: the window is ListenBrainz's, in real seconds.
 */
public final class ListenBrainzRateLimiter {
    /** ListenBrainz's windows are 10 s; a call may wait out one. */
    static final Duration STANDARD_LONGEST_WAIT = Duration.ofSeconds(12);
    /** The wait after a 429 that says nothing of its window: one whole default window. */
    static final Duration UNSTATED_RESET = Duration.ofSeconds(10);

    /** Waits; a test's sleeper moves a test clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration longestWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant windowEnds = Instant.EPOCH;
    private long remaining;

    public ListenBrainzRateLimiter(Duration longestWait, Clock clock, Sleeper sleeper) {
        this.longestWait = longestWait;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** On the real clock, waiting 12 s at most. */
    public static ListenBrainzRateLimiter standard() {
        return standard(duration -> Thread.sleep(duration));
    }

    /** As {@link #standard()}, waiting through {@code sleeper} (a runtime's, which also measures the waits). */
    public static ListenBrainzRateLimiter standard(Sleeper sleeper) {
        return new ListenBrainzRateLimiter(STANDARD_LONGEST_WAIT, Clock.systemUTC(), sleeper);
    }

    /**
     * Lets a call go, at once while the window has requests left, else when it ends.
     *
     * @throws MusicServiceException carrying the wait when the window ends more than {@code longestWait} from now,
     *                               or when interrupted while waiting
     */
    public void acquire() throws MusicServiceException {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            if (!now.isBefore(windowEnds) || remaining > 0) {
                remaining--;
                return;
            }
            wait = Duration.between(now, windowEnds);
            if (wait.compareTo(longestWait) > 0) {
                throw new MusicServiceException("ListenBrainz's rate limit is spent for another " + ceilSeconds(wait)
                        + " s", Optional.of(wait));
            }
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MusicServiceException("interrupted while waiting for ListenBrainz's rate limit", e);
        }
    }

    /** What an answer's headers said: {@code remaining} requests until the window ends in {@code resetIn}. */
    public synchronized void observe(long remaining, Duration resetIn) {
        this.remaining = Math.max(0, remaining);
        this.windowEnds = clock.instant().plus(resetIn);
    }

    /** ListenBrainz answered 429: nothing goes until the window ends. Answers the wait. */
    public synchronized Duration rateLimited(Optional<Duration> resetIn) {
        Duration wait = resetIn.orElse(UNSTATED_RESET);
        Instant ends = clock.instant().plus(wait);
        remaining = 0;
        windowEnds = ends.isAfter(windowEnds) ? ends : windowEnds;
        return Duration.between(clock.instant(), windowEnds);
    }

    /** How long calls must wait now; empty when they may go. */
    public synchronized Optional<Duration> held() {
        Instant now = clock.instant();
        return remaining <= 0 && now.isBefore(windowEnds) ? Optional.of(Duration.between(now, windowEnds))
                : Optional.empty();
    }

    private static long ceilSeconds(Duration d) {
        return Math.max(1, d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0));
    }
}

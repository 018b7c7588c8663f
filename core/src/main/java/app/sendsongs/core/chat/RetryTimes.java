package app.sendsongs.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * When a held message that did not go is tried again, after a passing failure or a refusal for good; and the retry
 * times this process gave failed messages, so that {@link Outbox#retryWaited} can tell when one has come without a
 * store query.
 */
final class RetryTimes {
    private static final Duration DEFAULT_RETRY = Duration.ofMinutes(1);
    private static final Duration MAX_RETRY = Duration.ofHours(1);
    /** The soonest a message is tried again, whatever wait the platform asked for. */
    private static final Duration LEAST_RETRY = Duration.ofSeconds(1);
    /** Past this many tries, a message waits at least its backoff, even when the platform asks for less. */
    static final int TRIES_AT_THE_PLATFORMS_PACE = 5;

    private final Clock clock;
    /** The retry times this process gave failed messages, until they come (see {@link #anyCome}). */
    private final NavigableSet<Instant> retriesGiven = new ConcurrentSkipListSet<>();

    RetryTimes(Clock clock) {
        this.clock = clock;
    }

    /**
     * When to try a failed message again: after the wait the platform asked for if it gave one (Telegram's
     * {@code retry_after}, a chat's pace, Graph's {@code Retry-After}; a second at least), else after half the time
     * the message has waited so far (at least a minute, at most an hour), so a long outage or a misconfigured token
     * is not hammered. A message tried {@value #TRIES_AT_THE_PLATFORMS_PACE} times already waits its backoff at
     * least. Never after the message expires.
     */
    Instant retryTime(SendOutcome.Failed failed, HeldMessage held) {
        Instant now = clock.instant();
        Duration backoff = Duration.between(held.heldAt(), now).dividedBy(2);
        backoff = backoff.compareTo(DEFAULT_RETRY) < 0 ? DEFAULT_RETRY
                : backoff.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : backoff;
        Duration least = held.tries() + 1 >= TRIES_AT_THE_PLATFORMS_PACE ? backoff : LEAST_RETRY;
        Duration wait = failed.retryAfter().map(asked -> asked.compareTo(least) < 0 ? least : asked).orElse(backoff);
        Instant at = now.plus(wait);
        return at.isAfter(held.expiresAt()) ? held.expiresAt() : at;
    }

    /** A message refused for good is tried again after a minute, then two, and so on. */
    Instant refusalRetryTime(HeldMessage held) {
        return clock.instant().plus(DEFAULT_RETRY.multipliedBy(1L << Math.min(held.refusals(), 6)));
    }

    /** Remembers a retry time given a failed message, until it comes. */
    void given(Instant retryAt) {
        retriesGiven.add(retryAt);
    }

    /** Whether a retry time given has come since this was last asked; those that came are forgotten. */
    boolean anyCome() {
        NavigableSet<Instant> come = retriesGiven.headSet(clock.instant(), true);
        if (come.isEmpty()) {
            return false;
        }
        come.clear();
        return true;
    }
}

package app.sendsongs.messenger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The page's pause after Graph throttled a send. Graph's throttling (codes 4, 17, 32, 613, 80006) comes as an HTTP
 * 400 without {@code Retry-After}, and it is the page or app that is over its rate, not one message: so after one
 * throttled call no call is made until the pause is over, every send answering at once with the time left. The pause
 * is {@link #FIRST}, doubled each time Graph throttles again right after one, up to {@link #LONGEST}; a call that
 * goes through ends the doubling. A {@code Retry-After}, when Graph gives one, is the pause instead.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting">Graph API rate limiting</a>
 */
final class SendApiBackoff {
    static final Duration FIRST = Duration.ofSeconds(60);
    static final Duration LONGEST = Duration.ofMinutes(15);

    private final Clock clock;
    private Instant until = Instant.MIN;
    private Duration last = Duration.ZERO;

    SendApiBackoff(Clock clock) {
        this.clock = clock;
    }

    /** How long calls must still wait; empty when they may go. */
    synchronized Optional<Duration> remaining() {
        Instant now = clock.instant();
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Graph throttled a call: the pause starting now, {@code given} when Graph named one. */
    synchronized Duration throttled(Optional<Duration> given) {
        Duration pause = given.orElseGet(() -> last.isZero() ? FIRST : min(last.multipliedBy(2), LONGEST));
        last = given.isPresent() ? last : pause;
        until = clock.instant().plus(pause);
        return pause;
    }

    /** A call went through: the next throttle starts from {@link #FIRST} again. */
    synchronized void succeeded() {
        last = Duration.ZERO;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package app.sendsongs.core.chat;

import java.time.Duration;
import java.util.Optional;

/** What became of one attempt to send a message. */
public sealed interface SendOutcome {
    record Sent() implements SendOutcome {
    }

    /** The platform's 24-hour rule forbids it until the person writes again. */
    record OutsideWindow() implements SendOutcome {
    }

    /** The person cannot be reached (blocked the bot, account gone); trying again later will not help soon. */
    record Unreachable(String reason) implements SendOutcome {
    }

    /** A passing failure (overload, rate limit, outage): try again later. */
    record Failed(String reason, Optional<Duration> retryAfter) implements SendOutcome {
    }
}

package app.sendsongs.core.chat;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one attempt to send a message, as the platform's adapter reports it. */
public sealed interface SendOutcome {
    /**
     * The platform took the message; {@code messageRef} is its id for the message, when it gives one and the message
     * can be edited later (Telegram's {@code message_id}; of a message sent in parts, the last part's).
     */
    record Sent(Optional<String> messageRef) implements SendOutcome {
        public Sent {
            Objects.requireNonNull(messageRef, "messageRef");
        }

        /** Taken, with no id to refer to it by. */
        public Sent() {
            this(Optional.empty());
        }
    }

    /**
     * The platform's rules forbid messaging this person until they write again (Messenger's 24-hour
     * window): the message waits for them. Only an adapter whose platform has such a rule reports it.
     */
    record OutsideWindow() implements SendOutcome {
    }

    /**
     * The person cannot be reached (blocked the bot, account gone, or their platform is not
     * configured); trying again later will not help soon.
     */
    record Unreachable(String reason) implements SendOutcome {
    }

    /**
     * The platform refuses this message for good (the request itself is wrong, say): sending the same
     * message again will not help. It is tried a few times at most and does not hold back later ones.
     */
    record Refused(String reason) implements SendOutcome {
    }

    /** A passing failure (overload, rate limit, outage): try again later, after {@code retryAfter} if given. */
    record Failed(String reason, Optional<Duration> retryAfter) implements SendOutcome {
        /** A failure without a wait the platform asked for. */
        public Failed(String reason) {
            this(reason, Optional.empty());
        }
    }
}

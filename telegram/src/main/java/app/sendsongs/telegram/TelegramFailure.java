package app.sendsongs.telegram;

import java.time.Duration;
import java.util.Optional;

/** Why a call to the Bot API did not do what was asked: the same three cases for every kind of call. */
public sealed interface TelegramFailure extends SendResult, EditResult, AnswerResult
        permits TelegramFailure.Unreachable, TelegramFailure.Refused, TelegramFailure.RetryLater {

    /**
     * The chat cannot be written to and trying again will not help soon: the person blocked the bot or never started
     * it, their account is gone, the chat does not exist or the bot is no longer in it.
     */
    record Unreachable(String reason) implements TelegramFailure {
    }

    /** Telegram refused the request itself (a 400: bad formatting, a text too long...): sending it again fails again. */
    record Refused(String description) implements TelegramFailure {
    }

    /** A passing failure (rate limit, outage, no answer, refused token): try again, after {@code retryAfter} if given. */
    record RetryLater(String reason, Optional<Duration> retryAfter) implements TelegramFailure {
    }
}

package app.sendsongs.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** One Bot API call's answer: {@code {"ok":true,"result"}}, Telegram's error object, or no usable answer at all. */
sealed interface ApiAnswer {
    record Ok(JsonNode result) implements ApiAnswer {
    }

    /**
     * {@code {"ok":false,"error_code","description","parameters":{"retry_after"}}} (or an HTTP error without that body,
     * described by its status).
     */
    record Error(int code, String description, Optional<Duration> retryAfter) implements ApiAnswer {
        boolean says(String phrase) {
            return description.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT));
        }
    }

    /** Telegram was not reached, did not answer in time, or answered something unreadable. */
    record NoAnswer(String reason) implements ApiAnswer {
    }
}

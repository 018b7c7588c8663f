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
     * {@code {"ok":false,"error_code","description","parameters":{"retry_after","migrate_to_chat_id"}}} (or an HTTP
     * error without that body, described by its status). {@code migrateTo}: the supergroup a basic group the call was
     * about was upgraded to (https://core.telegram.org/bots/api#responseparameters).
     */
    record Error(int code, String description, Optional<Duration> retryAfter, Optional<Long> migrateTo)
            implements ApiAnswer {
        Error(int code, String description, Optional<Duration> retryAfter) {
            this(code, description, retryAfter, Optional.empty());
        }

        boolean says(String phrase) {
            return description.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT));
        }
    }

    /** Telegram was not reached, did not answer in time, or answered something unreadable. */
    record NoAnswer(String reason) implements ApiAnswer {
    }
}

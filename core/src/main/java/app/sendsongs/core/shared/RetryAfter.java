package app.sendsongs.core.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the value of a {@code Retry-After} header, given in seconds or as an HTTP date (RFC 9110 §10.2.3).
 * A pure string parser, so both HTTP adapters share it without the core knowing any HTTP type.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The wait the value asks for, counted from {@code now} for a date (a date in the past is no wait); empty for
     * a missing, negative or unreadable value, and for a number of seconds too large for a {@code long}.
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return untilDate(v, now);
        }
    }

    private static Optional<Duration> untilDate(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }
}

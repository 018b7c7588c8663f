package app.sendsongs.spotify;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads {@code Retry-After}, given in seconds or as an HTTP date. */
final class RetryAfterHeader {
    private RetryAfterHeader() {
    }

    /** The wait the answer asks for; empty when it has no readable {@code Retry-After}. */
    static Optional<Duration> of(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(RetryAfterHeader::parse);
    }

    static Optional<Duration> parse(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return untilDate(v);
        }
    }

    private static Optional<Duration> untilDate(String value) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(Instant.now(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }
}

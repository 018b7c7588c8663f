package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Fields of control API bodies that describe a play: names of a bounded length and the time it was played. */
final class ControlInput {
    /** Longer than any artist, title or album name; keeps a flood of text out of the emulators. */
    static final int MAX_NAME_LENGTH = 1024;

    private ControlInput() {
    }

    /** A required, non-blank name. */
    static String name(JsonNode body, String field) {
        String value = ControlRoutes.requiredText(body, field);
        if (value.length() > MAX_NAME_LENGTH) {
            throw HttpProblem.control(400, "\"" + field + "\" is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return value;
    }

    /** An optional name; null when absent or null. */
    static String optionalName(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw HttpProblem.control(400, "\"" + field + "\" must be a string");
        }
        if (value.asText().length() > MAX_NAME_LENGTH) {
            throw HttpProblem.control(400, "\"" + field + "\" is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return value.asText();
    }

    /** An optional ISO-8601 instant no later than {@code now} (a play that happened); null when absent. */
    static Instant pastInstant(JsonNode body, String field, Instant now) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw HttpProblem.control(400, "\"" + field + "\" must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
        if (at.isAfter(now)) {
            throw HttpProblem.control(400, "\"" + field + "\" is after the sandbox clock's now (" + now + ")");
        }
        return at;
    }
}

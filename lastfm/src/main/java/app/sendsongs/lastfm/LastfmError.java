package app.sendsongs.lastfm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An error Last.fm answered, {@code {"error":n,"message":"..."}} (https://www.last.fm/api/errorcodes), with the
 * HTTP status it came with.
 */
record LastfmError(int code, String message, int status) {
    static final int AUTHENTICATION_FAILED = 4;
    static final int INVALID_PARAMETERS = 6;
    static final int INVALID_SESSION_KEY = 9;
    static final int INVALID_API_KEY = 10;
    static final int INVALID_SIGNATURE = 13;
    static final int UNAUTHORIZED_TOKEN = 14;
    static final int TOKEN_EXPIRED = 15;
    static final int LOGIN_REQUIRED = 17;
    static final int SUSPENDED_API_KEY = 26;
    static final int RATE_LIMIT_EXCEEDED = 29;
    private static final int MAX_MESSAGE_LENGTH = 200;

    /** The error in a parsed answer; empty when it carries none. */
    static Optional<LastfmError> in(JsonNode body, int status) {
        if (body == null || !body.isObject() || !body.path("error").canConvertToInt()) {
            return Optional.empty();
        }
        String message = body.path("message").asText("");
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + "...";
        }
        return Optional.of(new LastfmError(body.path("error").asInt(), message, status));
    }

    /** Last.fm's own words, for logs and exception messages. */
    String describe() {
        return "error " + code + (message.isEmpty() ? "" : " (" + message + ")");
    }
}

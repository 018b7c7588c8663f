package app.sendsongs.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The error in one of Spotify's two error bodies: accounts {@code {"error":"invalid_grant","error_description":".."}}
 * and Web API {@code {"error":{"status":..,"message":"..","reason":".."}}}. Each part is null when not sent.
 */
record SpotifyError(String code, String message, String reason) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpotifyError NONE = new SpotifyError(null, null, null);
    private static final int MAX_PART_LENGTH = 200;

    static SpotifyError parse(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root.path("error");
            if (error.isTextual()) {
                return new SpotifyError(error.asText(), text(root.path("error_description")), null);
            }
            if (error.isObject()) {
                return new SpotifyError(null, text(error.path("message")), text(error.path("reason")));
            }
            return NONE;
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** Spotify's own words, clipped, for log lines and exception messages. */
    String describe() {
        StringBuilder s = new StringBuilder();
        if (code != null) {
            s.append(code);
        }
        if (message != null) {
            s.append(s.isEmpty() ? "" : ": ").append(clip(message));
        }
        if (reason != null) {
            s.append(" [").append(clip(reason)).append(']');
        }
        return s.toString();
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : null;
    }

    private static String clip(String s) {
        return s.length() > MAX_PART_LENGTH ? s.substring(0, MAX_PART_LENGTH) + "..." : s;
    }
}

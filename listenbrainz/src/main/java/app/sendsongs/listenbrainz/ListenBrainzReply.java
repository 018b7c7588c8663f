package app.sendsongs.listenbrainz;

import app.sendsongs.core.music.MusicServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A JSON answer of ListenBrainz that was neither a rate limit nor a server failure; errors are {@code {"code","error"}}. */
record ListenBrainzReply(int status, JsonNode body) {
    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(ListenBrainzClient.class);
    private static final int MAX_ERROR_LENGTH = 200;

    /** The JSON object of a 2xx answer; anything else becomes an exception. */
    JsonNode json(String what) throws MusicServiceException {
        if (status < 200 || status >= 300) {
            throw failure(what);
        }
        return body;
    }

    /** Logs this unsuccessful answer and describes it with ListenBrainz's own words. */
    MusicServiceException failure(String what) {
        String describe = "HTTP " + status + error().map(e -> " (" + e + ")").orElse("");
        LOG.warn("ListenBrainz {} failed: {}", what, describe);
        return new MusicServiceException("ListenBrainz " + what + " failed: " + describe, Optional.empty());
    }

    /** ListenBrainz's {@code error} text, clipped. */
    Optional<String> error() {
        JsonNode error = body.path("error");
        if (!error.isTextual()) {
            return Optional.empty();
        }
        String text = error.asText();
        return Optional.of(text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "..." : text);
    }

    @Override
    public String toString() {
        return "ListenBrainzReply[status=" + status + "]";
    }
}

package app.sendsongs.lastfm;

import app.sendsongs.core.music.MusicServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An answer of the Last.fm web service that was neither a rate limit nor a server failure: JSON, maybe an error. */
record LastfmReply(int status, JsonNode body) {
    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(LastfmClient.class);

    Optional<LastfmError> error() {
        return LastfmError.in(body, status);
    }

    /** The JSON object of a successful answer; an error becomes an exception. */
    JsonNode json(String what) throws MusicServiceException {
        if (error().isPresent() || status < 200 || status >= 300) {
            throw failure(what);
        }
        return body;
    }

    /** Logs this failed answer and describes it, with Last.fm's own words and what the app can do about it. */
    MusicServiceException failure(String what) {
        Optional<LastfmError> error = error();
        String describe = error.map(LastfmError::describe).orElse("HTTP " + status);
        String hint = error.map(e -> switch (e.code()) {
            case LastfmError.INVALID_API_KEY -> " (is LASTFM_API_KEY right?)";
            case LastfmError.INVALID_SIGNATURE -> " (is LASTFM_SHARED_SECRET right?)";
            case LastfmError.SUSPENDED_API_KEY -> " (Last.fm has suspended the app's API key)";
            default -> "";
        }).orElse("");
        LOG.warn("Last.fm {} failed: HTTP {} {}{}", what, status, describe, hint);
        return new MusicServiceException("Last.fm " + what + " failed: " + describe + hint, Optional.empty());
    }

    /** Without the body: a session answer carries the session key. */
    @Override
    public String toString() {
        return "LastfmReply[status=" + status + "]";
    }
}

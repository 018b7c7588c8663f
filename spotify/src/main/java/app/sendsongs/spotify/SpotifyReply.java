package app.sendsongs.spotify;

import app.sendsongs.core.music.MusicServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An answer from Spotify that was neither a rate limit nor a server error. */
record SpotifyReply(int status, String body) {
    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    SpotifyError error() {
        return SpotifyError.parse(body);
    }

    /** The JSON object of a 2xx answer; anything else becomes an exception. */
    JsonNode jsonObject(String what) throws MusicServiceException {
        if (status < 200 || status >= 300) {
            throw failure(what);
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MusicServiceException("Spotify " + what + " answered something that is not a JSON object",
                        Optional.empty());
            }
            return node;
        } catch (IOException e) {
            throw new MusicServiceException("Spotify " + what + " answered invalid JSON", Optional.empty());
        }
    }

    /** Logs this unsuccessful answer and describes it as an exception, with Spotify's own error text. */
    MusicServiceException failure(String what) {
        String describe = error().describe();
        String hint = switch (status) {
            case 403 -> " (is this Spotify user allowed to use the app?)";
            case 400, 401 -> "invalid_client".equals(error().code()) ? " (Spotify does not know this server's app: "
                    + "check the app's client id and secret in the server's settings)" : "";
            default -> "";
        };
        LOG.warn("Spotify {} failed: HTTP {} {}{}", what, status, describe, hint);
        return new MusicServiceException("Spotify " + what + " failed: HTTP " + status + " " + describe + hint,
                Optional.empty());
    }

    /** Without the body: token answers carry tokens. */
    @Override
    public String toString() {
        return "SpotifyReply[status=" + status + "]";
    }
}

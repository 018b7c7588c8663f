package app.sendsongs.lastfm;

import app.sendsongs.core.music.AppRefusedException;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.MusicServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Last.fm's web authentication (https://www.last.fm/api/webauth): the person allows the app on
 * {@code www.last.fm/api/auth/?api_key=..&cb=..}, Last.fm sends them to the callback with a {@code token}
 * (valid 60 minutes, once), and {@code auth.getSession} turns it into their user name and a session key that
 * does not expire (https://www.last.fm/api/show/auth.getSession).
 */
final class LastfmAuth {
    static final String GET_SESSION = "auth.getSession";

    private final LastfmConfig config;
    private final LastfmTransport transport;

    LastfmAuth(LastfmConfig config, LastfmTransport transport) {
        this.config = config;
        this.transport = transport;
    }

    /** The consent page; the callback carries {@code state} back beside Last.fm's {@code token}. */
    URI consentUrl(String state) {
        String callback = config.callbackUrl() + (config.callbackUrl().contains("?") ? "&" : "?") + "state="
                + encode(state);
        return URI.create(config.webBaseUrl() + "/api/auth/?api_key=" + encode(config.apiKey()) + "&cb="
                + encode(callback));
    }

    LastfmConnection session(String token) throws MusicServiceException {
        if (token == null || token.isBlank()) {
            throw new MusicServiceException("no Last.fm token to exchange", Optional.empty());
        }
        LastfmReply reply = transport.call(GET_SESSION, Map.of("token", token.strip()));
        Optional<MusicServiceException> refusal = reply.error().flatMap(LastfmRefusals::ofToken);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (reply.error().filter(LastfmRefusals::refusesTheApp).isPresent()) {
            throw new AppRefusedException(reply.failure(GET_SESSION).getMessage());
        }
        JsonNode session = reply.json(GET_SESSION).path("session");
        String name = session.path("name").asText("").strip();
        String key = session.path("key").asText("").strip();
        if (name.isEmpty() || key.isEmpty()) {
            throw new MusicServiceException("Last.fm auth.getSession answered without a user name and session key",
                    Optional.empty());
        }
        return new LastfmConnection(name, key);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

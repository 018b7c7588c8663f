package app.sendsongs.spotify;

import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spotify's accounts service: the OAuth authorization-code flow for people, and the client credentials flow for the
 * app's own token (https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow), with the
 * client secret sent as HTTP Basic only.
 */
final class SpotifyAccounts {
    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3600);

    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyClient.class);

    private final SpotifyConfig config;
    private final Clock clock;
    private final SpotifyTransport transport;
    private final String basicAuth;

    SpotifyAccounts(SpotifyConfig config, Clock clock, SpotifyTransport transport) {
        this.config = config;
        this.clock = clock;
        this.transport = transport;
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(
                (config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    URI authorizeUrl(String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId());
        query.put("scope", SpotifyClient.SCOPE);
        query.put("redirect_uri", config.redirectUri());
        query.put("state", state);
        return URI.create(config.accountsBaseUrl() + "/authorize?" + encode(query));
    }

    SpotifyGrant exchangeCode(String code) throws MusicServiceException {
        if (code == null || code.isBlank()) {
            throw new MusicServiceException("no authorization code to exchange", Optional.empty());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri());
        return requestTokens(form, null, "code exchange");
    }

    /** The app's own token: no user, no refresh token, good for catalogue calls only. */
    SpotifyGrant clientCredentials() throws MusicServiceException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        return requestTokens(form, "", "client credentials");
    }

    SpotifyGrant refresh(String refreshToken) throws MusicServiceException {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new GrantRevokedException("there is no refresh token to use");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return requestTokens(form, refreshToken, "token refresh");
    }

    /** @param refreshTokenInUse the token being refreshed; null for a code exchange, empty for the app's token */
    private SpotifyGrant requestTokens(Map<String, String> form, String refreshTokenInUse, String what)
            throws MusicServiceException {
        HttpRequest request = SpotifyTransport.jsonRequest(config.accountsBaseUrl() + "/api/token")
                .header("Authorization", basicAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form), StandardCharsets.UTF_8))
                .build();
        SpotifyReply reply = transport.send(request, "POST /api/token (" + what + ")");
        if (reply.status() == 400 || reply.status() == 401) {
            throw refusal(reply, refreshTokenInUse, what);
        }
        return grant(reply.jsonObject("POST /api/token"), refreshTokenInUse, what);
    }

    private static MusicServiceException refusal(SpotifyReply reply, String refreshTokenInUse, String what) {
        SpotifyError error = reply.error();
        if (!"invalid_grant".equals(error.code()) || "".equals(refreshTokenInUse)) {
            return reply.failure(what);
        }
        LOG.info("Spotify {}: {}", what, error.describe());
        if (refreshTokenInUse == null) {
            // a consent code that is unknown, used or expired: not a grant that was lost
            return new ConsentRefusedException("Spotify refused this consent: it was already used or has expired.");
        }
        return new GrantRevokedException("Spotify refused the grant during " + what + " (" + error.describe()
                + "): it was revoked or has expired");
    }

    private SpotifyGrant grant(JsonNode body, String refreshTokenInUse, String what) throws MusicServiceException {
        String accessToken = body.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new MusicServiceException("Spotify " + what + " answered without an access token", Optional.empty());
        }
        long expiresIn = body.path("expires_in").asLong(DEFAULT_TOKEN_LIFETIME.toSeconds());
        String refreshToken = body.path("refresh_token").asText("");
        if (refreshToken.isBlank()) {
            if (refreshTokenInUse == null) {
                throw new MusicServiceException("Spotify " + what + " answered without a refresh token",
                        Optional.empty());
            }
            refreshToken = refreshTokenInUse; // Spotify did not rotate it
        }
        return new SpotifyGrant(accessToken, clock.instant().plusSeconds(expiresIn), refreshToken);
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

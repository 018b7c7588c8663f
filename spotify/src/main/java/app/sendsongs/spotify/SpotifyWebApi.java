package app.sendsongs.spotify;

import app.sendsongs.core.music.AccessTokenRejectedException;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.PersonNotAllowedException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Spotify Web API calls the bot makes, each with a Bearer token: the app's for tracks, the person's for the rest. */
final class SpotifyWebApi {
    /** Latest {@code after} cursor sent (year 9999): {@link Instant#MAX} has no epoch-millisecond value. */
    private static final Instant LATEST_CURSOR = Instant.parse("9999-12-31T23:59:59.999Z");
    /**
     * The plain-text body of Spotify's 403 for a person a development-mode app does not serve
     * (https://developer.spotify.com/documentation/web-api/concepts/quota-modes).
     */
    static final String NOT_REGISTERED = "User not registered in the Developer Dashboard";

    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyClient.class);

    private final SpotifyConfig config;
    private final SpotifyTransport transport;

    SpotifyWebApi(SpotifyConfig config, SpotifyTransport transport) {
        this.config = config;
        this.transport = transport;
    }

    String accountId(String accessToken) throws MusicServiceException {
        JsonNode me = get("/v1/me", "", accessToken).jsonObject("GET /v1/me");
        String id = me.path("id").asText("");
        if (id.isBlank()) {
            throw new MusicServiceException("Spotify's /v1/me answered without an account id", Optional.empty());
        }
        return id;
    }

    Optional<Track> track(TrackId id, String accessToken) throws MusicServiceException {
        // no market: an app token has no user country for market=from_token to take
        SpotifyReply reply = get("/v1/tracks/" + id.value(), "", accessToken);
        if (reply.status() == 404 || reply.status() == 400) {
            LOG.debug("track {} not found (HTTP {})", id, reply.status());
            return Optional.empty();
        }
        JsonNode body = reply.jsonObject("GET /v1/tracks/{id}");
        return Optional.of(SpotifyJsonMapping.track(body).orElseThrow(() -> new MusicServiceException(
                "Spotify answered track " + id + " with something that is not a track", Optional.empty())));
    }

    RecentPlays recentlyPlayed(String accessToken, Instant after) throws MusicServiceException {
        String query = "?limit=" + SpotifyClient.PAGE_LIMIT + "&after=" + cursorMillis(after);
        SpotifyReply reply = get("/v1/me/player/recently-played", query, accessToken);
        if (reply.status() == 204) {
            return new RecentPlays(List.of(), SpotifyClient.PAGE_LIMIT); // nothing played: no body at all
        }
        JsonNode page = reply.jsonObject("GET /v1/me/player/recently-played");
        return SpotifyJsonMapping.recentPlays(page, after, SpotifyClient.PAGE_LIMIT);
    }

    /** {@code after} in epoch milliseconds, clamped to what Spotify can take. */
    private static long cursorMillis(Instant after) {
        if (after.isBefore(Instant.EPOCH)) {
            return 0;
        }
        return after.isAfter(LATEST_CURSOR) ? LATEST_CURSOR.toEpochMilli() : after.toEpochMilli();
    }

    /**
     * Any answer but 401 (the token was refused), 403 for a person a development-mode app does not serve, 429 and 5xx,
     * which become exceptions.
     */
    private SpotifyReply get(String path, String query, String accessToken) throws MusicServiceException {
        if (accessToken == null || accessToken.isBlank()) {
            throw new MusicServiceException("no Spotify access token", Optional.empty());
        }
        HttpRequest request = SpotifyTransport.jsonRequest(config.apiBaseUrl() + path + query)
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        SpotifyReply reply = transport.send(request, "GET " + path);
        if (reply.status() == 401) {
            String describe = reply.error().describe();
            LOG.warn("Spotify rejected the access token on GET {}: {}", path, describe);
            throw new AccessTokenRejectedException("Spotify rejected the access token on GET " + path + " ("
                    + describe + ")");
        }
        if (reply.status() == 403 && reply.body().contains(NOT_REGISTERED)) {
            LOG.info("Spotify refused a person on GET {}: the app is in development mode and they are not among its "
                    + "users", path);
            throw new PersonNotAllowedException("Spotify answered 403 \"" + NOT_REGISTERED + "\" on GET " + path
                    + ": the app is in development mode and this person is not among its users");
        }
        return reply;
    }
}

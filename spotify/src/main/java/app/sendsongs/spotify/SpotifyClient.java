package app.sendsongs.spotify;

import app.sendsongs.core.music.AccessTokenRejectedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicService;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SpotifyGrant;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spotify's accounts service (OAuth authorization-code flow) and Web API, over {@code java.net.http}.
 *
 * <p>Every call first asks the shared {@link SpotifyRateLimiter}: after a 429 with {@code Retry-After}, calls fail
 * fast until that moment instead of reaching Spotify. Tokens, codes and the client secret never appear in logs or
 * exception messages; only the endpoint path and Spotify's own error text do.
 */
public final class SpotifyClient implements MusicService {
    public static final String SCOPE = "user-read-recently-played";
    /** Spotify's maximum page size for recently-played. */
    public static final int PAGE_LIMIT = 50;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Wait assumed for a 429 that did not say how long (Spotify normally does). */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3600);
    /** Latest {@code after} cursor sent (year 9999): {@link Instant#MAX} has no epoch-millisecond value. */
    private static final Instant LATEST_CURSOR = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpotifyConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final SpotifyRateLimiter limiter;
    private final String basicAuth;

    public SpotifyClient(SpotifyConfig config, Clock clock) {
        this(config, clock, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** With a client of the caller's choosing, shared by every call of this adapter. */
    public SpotifyClient(SpotifyConfig config, Clock clock, HttpClient http) {
        this.config = config;
        this.clock = clock;
        this.http = http;
        this.limiter = new SpotifyRateLimiter(clock);
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(
                (config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /** The limiter every call of this client goes through. */
    public SpotifyRateLimiter rateLimiter() {
        return limiter;
    }

    // ---------------------------------------------------------------- accounts service

    @Override
    public URI authorizeUrl(String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId());
        query.put("scope", SCOPE);
        query.put("redirect_uri", config.redirectUri());
        query.put("state", state);
        return URI.create(config.accountsBaseUrl() + "/authorize?" + encode(query));
    }

    @Override
    public SpotifyGrant exchangeCode(String code) throws MusicServiceException {
        if (code == null || code.isBlank()) {
            throw new MusicServiceException("no authorization code to exchange", Optional.empty());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri());
        return tokenRequest(form, null, "code exchange");
    }

    @Override
    public SpotifyGrant refresh(String refreshToken) throws MusicServiceException {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new GrantRevokedException("there is no refresh token to use");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokenRequest(form, refreshToken, "token refresh");
    }

    private SpotifyGrant tokenRequest(Map<String, String> form, String previousRefreshToken, String what)
            throws MusicServiceException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.accountsBaseUrl() + "/api/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", basicAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form), StandardCharsets.UTF_8))
                .build();
        Reply reply = call(request, "POST /api/token (" + what + ")");
        if (reply.status() == 400 || reply.status() == 401) {
            ApiError error = ApiError.parse(reply.body());
            if ("invalid_grant".equals(error.code())) {
                LOG.info("Spotify {}: {}", what, error.describe());
                if (previousRefreshToken == null) {
                    // a consent code that is unknown, used or expired: not a grant that was lost
                    throw new MusicServiceException("Spotify refused the authorization code (" + error.describe()
                            + "): it is unknown, already used or expired; the person must consent again",
                            Optional.empty());
                }
                throw new GrantRevokedException("Spotify refused the grant during " + what + " ("
                        + error.describe() + "): it was revoked or has expired");
            }
            LOG.warn("Spotify {} failed: HTTP {} {}", what, reply.status(), error.describe());
            throw new MusicServiceException("Spotify " + what + " failed: HTTP " + reply.status() + " "
                    + error.describe(), Optional.empty());
        }
        JsonNode body = success(reply, "POST /api/token");
        String accessToken = body.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new MusicServiceException("Spotify " + what + " answered without an access token", Optional.empty());
        }
        long expiresIn = body.path("expires_in").asLong(DEFAULT_TOKEN_LIFETIME.toSeconds());
        String refreshToken = body.path("refresh_token").asText("");
        if (refreshToken.isBlank()) {
            if (previousRefreshToken == null) {
                throw new MusicServiceException("Spotify " + what + " answered without a refresh token",
                        Optional.empty());
            }
            refreshToken = previousRefreshToken;
        }
        return new SpotifyGrant(accessToken, clock.instant().plusSeconds(expiresIn), refreshToken);
    }

    // ---------------------------------------------------------------- Web API

    @Override
    public String accountId(String accessToken) throws MusicServiceException {
        JsonNode me = success(get("/v1/me", accessToken), "GET /v1/me");
        String id = me.path("id").asText("");
        if (id.isBlank()) {
            throw new MusicServiceException("Spotify's /v1/me answered without an account id", Optional.empty());
        }
        return id;
    }

    @Override
    public Optional<Track> track(TrackId id, String accessToken) throws MusicServiceException {
        Reply reply = get("/v1/tracks/" + id.value() + "?market=from_token", accessToken);
        if (reply.status() == 404 || reply.status() == 400) {
            LOG.debug("track {} not found (HTTP {})", id, reply.status());
            return Optional.empty();
        }
        JsonNode body = success(reply, "GET /v1/tracks/{id}");
        return Optional.of(parseTrack(body).orElseThrow(() -> new MusicServiceException(
                "Spotify answered track " + id + " with something that is not a track", Optional.empty())));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Items that cannot be read (local files have no id) are left out, and the page's {@code pageLimit} shrinks by
     * as many, so that a page Spotify filled is still seen as full and a possible gap is still reported.
     */
    @Override
    public RecentPlays recentlyPlayed(String accessToken, Instant after) throws MusicServiceException {
        long afterMillis = after.isBefore(Instant.EPOCH) ? 0
                : after.isAfter(LATEST_CURSOR) ? LATEST_CURSOR.toEpochMilli() : after.toEpochMilli();
        JsonNode body = success(get("/v1/me/player/recently-played?limit=" + PAGE_LIMIT + "&after=" + afterMillis,
                accessToken), "GET /v1/me/player/recently-played");
        List<Play> plays = new ArrayList<>();
        int unreadable = 0;
        boolean reachedCursor = false;
        for (JsonNode item : body.path("items")) {
            Optional<Instant> playedAt = instant(item.path("played_at").asText(null));
            Optional<Track> track = parseTrack(item.path("track"));
            if (playedAt.isEmpty() || track.isEmpty()) {
                unreadable++; // local files have no id; anything unreadable cannot match a share anyway
            } else if (playedAt.get().isAfter(after)) {
                plays.add(new Play(track.get(), playedAt.get()));
            } else {
                reachedCursor = true;
            }
        }
        plays.sort(Comparator.comparing(Play::playedAt).reversed());
        return new RecentPlays(plays, reachedCursor ? PAGE_LIMIT : Math.max(1, PAGE_LIMIT - unreadable));
    }

    private Reply get(String pathAndQuery, String accessToken) throws MusicServiceException {
        if (accessToken == null || accessToken.isBlank()) {
            throw new MusicServiceException("no Spotify access token", Optional.empty());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.apiBaseUrl() + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Reply reply = call(request, "GET " + path);
        if (reply.status() == 401) {
            ApiError error = ApiError.parse(reply.body());
            LOG.warn("Spotify rejected the access token on GET {}: {}", path, error.describe());
            throw new AccessTokenRejectedException("Spotify rejected the access token on GET " + path + " ("
                    + error.describe() + ")");
        }
        return reply;
    }

    // ---------------------------------------------------------------- transport

    private record Reply(int status, String body, HttpResponse<String> response) {
    }

    /** Sends through the limiter; turns 429 and 5xx into exceptions, returns everything else. */
    private Reply call(HttpRequest request, String what) throws MusicServiceException {
        limiter.acquire();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            LOG.warn("Spotify did not answer {} in time", what);
            throw new MusicServiceException("Spotify did not answer in time (" + what + ")", Optional.empty());
        } catch (IOException e) {
            LOG.warn("Spotify unreachable on {}: {}", what, e.getClass().getSimpleName());
            throw new MusicServiceException("Spotify could not be reached (" + what + "): "
                    + e.getClass().getSimpleName(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MusicServiceException("interrupted while calling Spotify (" + what + ")", e);
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        LOG.debug("Spotify {} -> HTTP {}", what, status);
        if (status == 429) {
            Duration wait = retryAfter(response).orElse(DEFAULT_RETRY_AFTER);
            boolean quota = "QUOTA_EXCEEDED".equalsIgnoreCase(ApiError.parse(body).reason());
            limiter.blockFor(wait, quota);
            LOG.warn("Spotify rate limit on {}{}; holding all calls for {} s", what, quota ? " (quota exceeded)" : "",
                    wait.toSeconds());
            String message = "Spotify rate limit on " + what + "; retry after " + wait.toSeconds() + " s";
            if (quota) {
                throw new QuotaExceededException(message + " (quota exceeded)", Optional.of(wait));
            }
            throw new MusicServiceException(message, Optional.of(wait));
        }
        if (status >= 500) {
            String describe = ApiError.parse(body).describe();
            LOG.warn("Spotify server error on {}: HTTP {} {}", what, status, describe);
            throw new MusicServiceException("Spotify server error on " + what + ": HTTP " + status + " " + describe,
                    retryAfter(response));
        }
        return new Reply(status, body, response);
    }

    /** The JSON body of a 2xx reply; anything else becomes an exception. */
    private static JsonNode success(Reply reply, String what) throws MusicServiceException {
        if (reply.status() < 200 || reply.status() >= 300) {
            ApiError error = ApiError.parse(reply.body());
            LOG.warn("Spotify {} failed: HTTP {} {}", what, reply.status(), error.describe());
            String hint = reply.status() == 403 ? " (is this Spotify user allowed to use the app?)" : "";
            throw new MusicServiceException("Spotify " + what + " failed: HTTP " + reply.status() + " "
                    + error.describe() + hint, Optional.empty());
        }
        try {
            JsonNode node = JSON.readTree(reply.body());
            if (node == null || !node.isObject()) {
                throw new MusicServiceException("Spotify " + what + " answered something that is not a JSON object",
                        Optional.empty());
            }
            return node;
        } catch (IOException e) {
            throw new MusicServiceException("Spotify " + what + " answered invalid JSON", Optional.empty());
        }
    }

    // ---------------------------------------------------------------- parsing

    /** A track object; empty when it has no valid id (local files) or no name. */
    static Optional<Track> parseTrack(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String id = node.path("id").asText(null);
        if (!TrackId.isValid(id)) {
            return Optional.empty();
        }
        List<String> artists = new ArrayList<>();
        for (JsonNode artist : node.path("artists")) {
            String name = artist.path("name").asText("");
            if (!name.isBlank()) {
                artists.add(name);
            }
        }
        String isrc = node.path("external_ids").path("isrc").asText("");
        String linkedFrom = node.path("linked_from").path("id").asText(null);
        return Optional.of(new Track(new TrackId(id), node.path("name").asText(""), artists,
                Duration.ofMillis(Math.max(0, node.path("duration_ms").asLong(0))),
                isrc.isBlank() ? Optional.empty() : Optional.of(isrc),
                TrackId.isValid(linkedFrom) && !linkedFrom.equals(id) ? Optional.of(new TrackId(linkedFrom))
                        : Optional.empty()));
    }

    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(SpotifyClient::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Spotify's two error shapes: accounts {@code {"error":"invalid_grant","error_description":".."}} and Web API
     * {@code {"error":{"status":..,"message":"..","reason":".."}}}.
     */
    record ApiError(String code, String message, String reason) {
        static ApiError parse(String body) {
            if (body == null || body.isBlank()) {
                return new ApiError(null, null, null);
            }
            try {
                JsonNode root = JSON.readTree(body);
                JsonNode error = root.path("error");
                if (error.isTextual()) {
                    return new ApiError(error.asText(), text(root.path("error_description")), null);
                }
                if (error.isObject()) {
                    return new ApiError(null, text(error.path("message")), text(error.path("reason")));
                }
                return new ApiError(null, null, null);
            } catch (IOException | RuntimeException e) {
                return new ApiError(null, null, null);
            }
        }

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
            return s.length() > 200 ? s.substring(0, 200) + "..." : s;
        }
    }
}

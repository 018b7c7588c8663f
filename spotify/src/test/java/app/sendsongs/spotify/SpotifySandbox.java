package app.sendsongs.spotify;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.testsupport.QueryParams;
import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sandbox emulators on a Javalin at a free port, driven over HTTP through their control API, with one
 * {@link SpotifyClient} pointed at them that shares the sandbox clock. Its {@code /probe/accounts} and
 * {@code /probe/api} routes are a stand-in Spotify that records each request and answers what a test sets.
 */
final class SpotifySandbox implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final String REDIRECT_URI = "https://bot.example/callback?from=spotify";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request the probe received. */
    record Probed(String method, String path, String rawQuery, Map<String, String> headers, String body) {
    }

    /** What the emulator's authorize redirect carried. */
    record Consent(String code, String state, String location) {
    }

    final ManualClock clock = new ManualClock(START);
    final SandboxConfig config = SandboxConfig.defaults(null);
    final Sandbox sandbox = new Sandbox(config, clock);
    final Javalin app;
    final String base;
    final SpotifyConfig spotifyConfig;
    final SpotifyClient client;

    final List<Probed> probed = new CopyOnWriteArrayList<>();
    volatile int probeStatus = 200;
    volatile String probeBody = "{}";
    volatile Map<String, String> probeHeaders = Map.of();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final SandboxControl control;

    SpotifySandbox() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        sandbox.routes(app);
        app.post("/probe/accounts/api/token", ctx -> {
            probed.add(new Probed("POST", ctx.path(), ctx.queryString(), ctx.headerMap(), ctx.body()));
            probeHeaders.forEach(ctx::header);
            ctx.status(probeStatus).contentType("application/json").result(probeBody);
        });
        app.get("/probe/api/*", ctx -> {
            probed.add(new Probed("GET", ctx.path(), ctx.queryString(), ctx.headerMap(), ctx.body()));
            probeHeaders.forEach(ctx::header);
            ctx.status(probeStatus).contentType("application/json").result(probeBody);
        });
        app.start(0);
        base = "http://localhost:" + app.port();
        spotifyConfig = new SpotifyConfig(base + "/sandbox/accounts", base + "/sandbox/api",
                config.spotifyClientId(), config.spotifyClientSecret(), REDIRECT_URI);
        client = new SpotifyClient(spotifyConfig, clock);
        control = new SandboxControl(base);
    }

    /** A client of the same app pointed at the recording stand-in. */
    SpotifyClient probeClient() {
        return new SpotifyClient(new SpotifyConfig(base + "/probe/accounts", base + "/probe/api",
                config.spotifyClientId(), config.spotifyClientSecret(), REDIRECT_URI), clock);
    }

    /** The user consents on the emulated authorize page reached through {@code authorizeUrl}: the redirect's query. */
    Consent consent(URI authorizeUrl, String user) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(authorizeUrl + "&sandbox_user=" + user)).GET());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        Map<String, String> query = query(URI.create(location));
        return new Consent(query.get("code"), query.get("state"), location);
    }

    /** Consent as {@code user} and exchange the code with the client under test. */
    SpotifyGrant connect(String user) throws MusicServiceException {
        return client.exchangeCode(consent(client.authorizeUrl("state-" + user), user).code());
    }

    /** The user plays a track at {@code at}: {@code POST /sandbox/spotify/users/<id>/plays}. */
    void play(String user, String trackId, Instant at) {
        control.playAt(user, trackId, at);
    }

    void revoke(String user) {
        control.revoke(user);
    }

    /** The next {@code count} Spotify calls (accounts or Web API) fail with {@code status}. */
    void fault(int status, int count, int retryAfterSeconds, String reason) {
        if (reason == null) {
            control.fault("spotify", status, count, retryAfterSeconds);
        } else {
            control.fault("spotify", status, count, retryAfterSeconds, reason);
        }
    }

    /** Calls the emulated Spotify received, all endpoints together. */
    long spotifyCalls() {
        return control.spotifyStats().path("total").asLong();
    }

    /** Calls the emulated accounts service's token endpoint received. */
    long tokenCalls() {
        return control.spotifyStats().path("token").asLong();
    }

    /** An app token from the client credentials grant, asked for directly. */
    String appToken() {
        String basic = java.util.Base64.getEncoder().encodeToString((config.spotifyClientId() + ":"
                + config.spotifyClientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/accounts/api/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/api/token answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode addTrack(Map<String, Object> track) {
        return control.addTrack(track);
    }

    static Map<String, String> query(URI uri) {
        return QueryParams.of(uri);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        sandbox.close(); // its Messenger echoes' thread, which looks for echoes every 10 ms
    }
}

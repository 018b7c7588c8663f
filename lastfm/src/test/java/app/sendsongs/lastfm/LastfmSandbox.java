package app.sendsongs.lastfm;

import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.sandbox.LastfmEmulator;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.testsupport.QueryParams;
import app.sendsongs.testsupport.SandboxControl;
import app.sendsongs.testsupport.StallingBody;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox emulators on a Javalin at a free port, driven over HTTP through their control API, with a
 * {@link LastfmClient} pointed at the emulated Last.fm. The client's limiter paces calls 10 ms apart and backs off
 * 50 ms after a first error 29, and the emulator allows 1000 calls a second unless a test says otherwise, so tests
 * stay fast. {@code /probe/2.0/} is a stand-in Last.fm that records each request and answers what a test sets.
 */
final class LastfmSandbox implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final String CALLBACK = "https://bot.example/callback/lastfm";

    /** What the emulated consent page's redirect carried. */
    record Consent(String token, String state, String location) {
    }

    final ManualClock clock = new ManualClock(START);
    final Sandbox sandbox = new Sandbox(SandboxConfig.defaults(null), clock);
    final Javalin app;
    final String base;
    final LastfmConfig config;
    final LastfmClient client;
    final SandboxControl control;

    final List<Map<String, List<String>>> probed = new CopyOnWriteArrayList<>();
    volatile int probeStatus = 200;
    volatile byte[] probeBody = "{}".getBytes(StandardCharsets.UTF_8);
    volatile Duration probeStall = Duration.ZERO;
    /** Ends a stalled answer at once when the sandbox closes, rather than have the server's stop wait for it. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    LastfmSandbox() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        sandbox.routes(app);
        app.post("/probe/2.0", ctx -> {
            probed.add(ctx.formParamMap());
            ctx.status(probeStatus).contentType("application/json").result(StallingBody.of(probeBody, probeStall, stopping));
        });
        app.start(0);
        base = "http://localhost:" + app.port();
        sandbox.lastfm().rateLimit(1000, Duration.ofSeconds(1));
        config = new LastfmConfig(base + "/sandbox/lastfm", base + "/sandbox/lastfm", LastfmEmulator.API_KEY,
                LastfmEmulator.SHARED_SECRET, CALLBACK);
        client = new LastfmClient(config, fastLimiter(), HttpClient.newHttpClient());
        control = new SandboxControl(base);
    }

    static LastfmRateLimiter fastLimiter() {
        return new LastfmRateLimiter(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(400),
                Duration.ofSeconds(2), Clock.systemUTC(), duration -> Thread.sleep(duration));
    }

    /** A client of the same app pointed at the recording stand-in, giving up on an exchange after {@code timeout}. */
    LastfmClient probeClient(Duration timeout) {
        return new LastfmClient(new LastfmConfig(base + "/sandbox/lastfm", base + "/probe", LastfmEmulator.API_KEY,
                LastfmEmulator.SHARED_SECRET, CALLBACK), fastLimiter(), HttpClient.newHttpClient(), timeout);
    }

    /** A client with other credentials or a limiter of the test's choosing. */
    LastfmClient client(String apiKey, String sharedSecret, LastfmRateLimiter limiter) {
        return new LastfmClient(new LastfmConfig(base + "/sandbox/lastfm", base + "/sandbox/lastfm", apiKey,
                sharedSecret, CALLBACK), limiter, HttpClient.newHttpClient());
    }

    /** The user allows the app on the emulated consent page reached through {@code consentUrl}. */
    Consent consent(URI consentUrl, String user) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(consentUrl + "&sandbox_user=" + user))
                .GET());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("consent answered " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        Map<String, String> query = QueryParams.of(URI.create(location));
        return new Consent(query.get("token"), query.get("state"), location);
    }

    /** Consent as {@code user} and complete it with the client under test. */
    LastfmConnection connect(String user) throws MusicServiceException {
        return client.completeConsent(consent(client.consentUrl("state-" + user), user).token());
    }

    /** {@code count} scrobbles of {@code user}, one a minute, the last at {@code last}. */
    void scrobbles(String user, int count, Instant last) {
        for (int i = 0; i < count; i++) {
            sandbox.lastfm().scrobble(user, "Artist " + i, "Track " + i, null, null,
                    last.minus(Duration.ofMinutes(count - 1 - i)));
        }
    }

    /** Web service calls the emulated Last.fm received, refused ones included. */
    long calls(String method) {
        return control.lastfmStats().path(method).asLong();
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
        stopping.countDown();
        app.stop();
        sandbox.close(); // its Messenger echoes' thread, which looks for echoes every 10 ms
    }
}

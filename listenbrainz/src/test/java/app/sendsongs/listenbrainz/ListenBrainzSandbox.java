package app.sendsongs.listenbrainz;

import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.testsupport.SandboxControl;
import app.sendsongs.testsupport.StallingBody;
import io.javalin.Javalin;
import java.net.http.HttpClient;
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
 * {@link ListenBrainzClient} pointed at the emulated ListenBrainz. {@code /probe/1/...} is a stand-in ListenBrainz
 * that records each request's headers and answers what a test sets.
 */
final class ListenBrainzSandbox implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final String TOKEN_PAGE = "https://bot.example/callback/listenbrainz";

    final ManualClock clock = new ManualClock(START);
    final Sandbox sandbox = new Sandbox(SandboxConfig.defaults(null), clock);
    final Javalin app;
    final String base;
    final ListenBrainzConfig config;
    final ListenBrainzClient client;
    final SandboxControl control;

    final List<Map<String, String>> probed = new CopyOnWriteArrayList<>();
    volatile int probeStatus = 200;
    volatile byte[] probeBody = "{}".getBytes(StandardCharsets.UTF_8);
    volatile Map<String, String> probeHeaders = Map.of();
    volatile Duration probeStall = Duration.ZERO;
    /** Ends a stalled answer at once when the sandbox closes, rather than have the server's stop wait for it. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    ListenBrainzSandbox() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        sandbox.routes(app);
        app.get("/probe/1/*", ctx -> {
            probed.add(Map.of("path", ctx.path(), "query", String.valueOf(ctx.queryString()),
                    "authorization", String.valueOf(ctx.header("Authorization"))));
            probeHeaders.forEach(ctx::header);
            ctx.status(probeStatus).contentType("application/json").result(StallingBody.of(probeBody, probeStall, stopping));
        });
        app.start(0);
        base = "http://localhost:" + app.port();
        config = new ListenBrainzConfig(base + "/sandbox/listenbrainz", TOKEN_PAGE);
        client = new ListenBrainzClient(config, limiter(), HttpClient.newHttpClient());
        control = new SandboxControl(base);
    }

    /** Real time, waiting 3 s at most: the tests' windows are a second long. */
    static ListenBrainzRateLimiter limiter() {
        return new ListenBrainzRateLimiter(Duration.ofSeconds(3), Clock.systemUTC(), duration -> Thread.sleep(duration));
    }

    /** A client pointed at the recording stand-in, giving up on an exchange after {@code timeout}. */
    ListenBrainzClient probeClient(Duration timeout) {
        return new ListenBrainzClient(new ListenBrainzConfig(base + "/probe", TOKEN_PAGE), limiter(),
                HttpClient.newHttpClient(), timeout);
    }

    /** The user pastes their token and the client under test checks it. */
    ListenBrainzConnection connect(String user) throws MusicServiceException {
        return client.completeConsent(control.listenBrainzToken(user));
    }

    /** {@code count} listens of {@code user}, one a minute, the last at {@code last}. */
    void listens(String user, int count, Instant last) {
        for (int i = 0; i < count; i++) {
            sandbox.listenBrainz().listen(user, "Artist " + i, "Track " + i, null, null, null, null,
                    last.minus(Duration.ofMinutes(count - 1 - i)));
        }
    }

    long calls(String endpoint) {
        return control.listenBrainzStats().path(endpoint).asLong();
    }

    @Override
    public void close() {
        stopping.countDown();
        app.stop();
        sandbox.close(); // its Messenger echoes' thread, which looks for echoes every 10 ms
    }
}

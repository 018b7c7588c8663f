package app.sendsongs.server;

import app.sendsongs.core.time.ManualClock;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulators alone, in a process of their own, in front of a bot served elsewhere (the
 * {@code sandbox} command): people's messages go to the bot's webhook as signed POSTs, and a
 * {@code serve} pointed at {@code <base>/sandbox/graph}, {@code <base>/sandbox/accounts} and
 * {@code <base>/sandbox/api} sends and looks up through them. Their state (inboxes, Spotify users)
 * lives as long as this process, so it outlasts a bot that is killed and started again.
 *
 * <p>The emulators keep their own manual clock; {@code POST /sandbox/clock/advance} moves only
 * theirs, since the bot runs on its own clock elsewhere.
 */
public final class StandaloneSandbox implements AutoCloseable {
    /** The variables read, each filled with the demo's sandbox value when missing. */
    static final List<String> VARIABLES = List.of("MESSENGER_APP_SECRET", "MESSENGER_PAGE_ACCESS_TOKEN",
            "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET", "LASTFM_API_KEY", "LASTFM_SHARED_SECRET");

    private final Javalin http;
    private final Sandbox sandbox;

    private StandaloneSandbox(Javalin http, Sandbox sandbox) {
        this.http = http;
        this.sandbox = sandbox;
    }

    /**
     * Starts the emulators and the control API on {@code host}:{@code port} (0: a free port).
     *
     * @param values        the environment: the credentials of {@link #VARIABLES}, the demo's when missing
     * @param botWebhookUrl where people's messages are POSTed
     * @throws IllegalArgumentException when {@code botWebhookUrl} is not an absolute http(s) URL
     */
    public static StandaloneSandbox start(Map<String, String> values, String host, int port, String botWebhookUrl) {
        requireHttpUrl(botWebhookUrl);
        new ListenAddress(host, port, "--host", "--port").requireFree();
        Map<String, String> credentials = new HashMap<>(Demo.SANDBOX_CREDENTIALS);
        VARIABLES.stream().filter(name -> values.get(name) != null && !values.get(name).isBlank())
                .forEach(name -> credentials.put(name, values.get(name).strip()));
        SandboxConfig config = new SandboxConfig(botWebhookUrl, credentials.get("MESSENGER_APP_SECRET"),
                Demo.SANDBOX_PAGE_ID, credentials.get("MESSENGER_PAGE_ACCESS_TOKEN"),
                credentials.get("SPOTIFY_CLIENT_ID"), credentials.get("SPOTIFY_CLIENT_SECRET"));
        Sandbox sandbox = new Sandbox(config, new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        sandbox.lastfm().registerApiAccount(credentials.get("LASTFM_API_KEY"), credentials.get("LASTFM_SHARED_SECRET"));
        Javalin http = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            // The bot's 16 webhook workers call the Graph emulator at once; each call waits on nothing here.
            javalin.useVirtualThreads = true;
        });
        sandbox.routes(http);
        http.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        http.start(host, port);
        return new StandaloneSandbox(http, sandbox);
    }

    public int port() {
        return http.port();
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } finally {
            sandbox.close();
        }
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException("the bot's webhook URL must be an absolute http(s) URL such as "
                + "http://localhost:8080/webhook");
    }
}

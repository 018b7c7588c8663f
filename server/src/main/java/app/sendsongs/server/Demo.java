package app.sendsongs.server;

import app.sendsongs.core.bot.ChatProfile;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.messenger.MessengerConfig;
import app.sendsongs.messenger.MessengerProfile;
import app.sendsongs.sandbox.LastfmEmulator;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.sandbox.TelegramEmulator;
import app.sendsongs.telegram.TelegramApiException;
import app.sendsongs.web.PageHeaders;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production server wired to the sandbox emulators in one process, on a manual clock and an
 * embedded store (or the one STORE names): what a new user runs first, and what the end-to-end tests drive.
 */
public final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    /**
     * How long a clock advance waits for the webhook's messages to be handled first: a message sent
     * before the advance is then handled at the time it was sent, and the bot's work in flight
     * (a held message being sent under its two-minute lease) is not overtaken by a jumped clock.
     */
    private static final Duration SETTLE_BEFORE_ADVANCE = Duration.ofSeconds(10);
    /**
     * The credentials the emulators accept unless told others, by the variable the bot reads them
     * from: the demo fills the missing ones with these, and so does the {@code sandbox} command, so a
     * {@code serve} given the same values talks to a standalone sandbox.
     */
    static final Map<String, String> SANDBOX_CREDENTIALS = Map.of(
            "MESSENGER_APP_SECRET", "sandbox-app-secret",
            "MESSENGER_VERIFY_TOKEN", "sandbox-verify-token",
            "MESSENGER_PAGE_ACCESS_TOKEN", "sandbox-page-token",
            "SPOTIFY_CLIENT_ID", "sandbox-client-id",
            "SPOTIFY_CLIENT_SECRET", "sandbox-client-secret",
            TelegramSettings.TOKEN, TelegramEmulator.BOT_TOKEN,
            TelegramSettings.SECRET, "sandbox-telegram-webhook-secret",
            "LASTFM_API_KEY", LastfmEmulator.API_KEY,
            "LASTFM_SHARED_SECRET", LastfmEmulator.SHARED_SECRET);
    /** The webhook fields the demo's app is subscribed to: what people do, and the echoes of the page's messages. */
    static final List<String> ECHOED_FIELDS = List.of("messages", "messaging_postbacks", "messaging_referrals",
            "message_echoes");
    /** The Facebook page the emulated Messenger's webhook events come from. */
    static final String SANDBOX_PAGE_ID = "sandbox-page";
    /** The script both demo pages load before their own (server/src/main/resources/demo/common.js). */
    static final String SHARED_SCRIPT = "/demo/common.js";

    /** How many free ports a demo on port 0 tries before it gives up. */
    static final int PORT_PICKS = 5;

    private final BotServer server;
    private final Sandbox sandbox;
    private final ManualClock clock;
    private final ServerConfig config;
    private final Path tempDir;

    private Demo(BotServer server, Sandbox sandbox, ManualClock clock, ServerConfig config, Path tempDir) {
        this.server = server;
        this.sandbox = sandbox;
        this.clock = clock;
        this.config = config;
        this.tempDir = tempDir;
    }

    /** Starts the demo; missing variables get sandbox values (port 0 picks a free port). */
    public static Demo start(Map<String, String> environment) {
        return start(environment, Demo::freePort);
    }

    /**
     * As {@link #start(Map)}, port 0 taking its free ports from {@code freePorts}. The emulators' addresses hold the
     * port, so it is chosen before anything listens; another process can take it in between (tests start demos side
     * by side), and the demo then tries another, up to {@link #PORT_PICKS} in all.
     */
    static Demo start(Map<String, String> environment, IntSupplier freePorts) {
        int port = Integer.parseInt(environment.getOrDefault("PORT", "8080"));
        if (port != 0) {
            return startOn(environment, port);
        }
        for (int pick = 1; ; pick++) {
            try {
                return startOn(environment, freePorts.getAsInt());
            } catch (ListenAddress.Refused | JavalinBindException taken) {
                if (pick == PORT_PICKS || taken instanceof ListenAddress.Refused refused && refused.exitCode() != 1) {
                    throw taken;
                }
            }
        }
    }

    private static Demo startOn(Map<String, String> environment, int port) {
        // Spotify takes plain-http redirect URIs only to a loopback IP, never to localhost (see sandbox/README.md).
        String base = "http://127.0.0.1:" + port;
        Map<String, String> values = sandboxValues(environment, port, base);
        Path tempDir = temporaryDatabase(values);
        values.putIfAbsent("TICK_SECONDS", "1");
        ServerConfig config = ServerConfig.from(values);

        ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Sandbox sandbox = sandbox(config, base, clock);
        BotServer server = serverOnSandbox(config, clock, sandbox);
        try {
            // A server that fails to start has closed what it opened; the sandbox and the database are the demo's.
            server.start();
        } catch (RuntimeException e) {
            closeSandboxAndDatabase(sandbox, tempDir);
            throw e;
        }
        try {
            setUpChatPlatforms(server, config, base);
        } catch (TelegramApiException | RuntimeException e) {
            server.close();
            closeSandboxAndDatabase(sandbox, tempDir);
            throw new IllegalStateException("the emulated Messenger or Telegram refused the demo's setup: "
                    + e.getMessage(), e);
        }
        return new Demo(server, sandbox, clock, config, tempDir);
    }

    /** The environment, on {@code port}, with the sandbox's address and credentials wherever it names none. */
    private static Map<String, String> sandboxValues(Map<String, String> environment, int port, String base) {
        Map<String, String> values = new HashMap<>(environment);
        values.put("PORT", Integer.toString(port));
        values.putIfAbsent("PUBLIC_BASE_URL", base);
        // The demo's emulators answer anyone who reaches them: only this machine, unless asked.
        values.putIfAbsent("HOST", "127.0.0.1");
        String host = values.get("HOST").strip();
        new ListenAddress(host.isEmpty() ? null : host, port, "HOST", "--port").requireFree();
        SANDBOX_CREDENTIALS.forEach(values::putIfAbsent);
        values.putIfAbsent("TOKEN_ENCRYPTION_KEY", randomKey());
        values.putIfAbsent("MESSENGER_GRAPH_BASE_URL", base + "/sandbox/graph");
        values.putIfAbsent("MESSENGER_PAGE", SANDBOX_PAGE_ID);
        values.putIfAbsent("SPOTIFY_ACCOUNTS_BASE_URL", base + "/sandbox/accounts");
        values.putIfAbsent("SPOTIFY_API_BASE_URL", base + "/sandbox/api");
        values.putIfAbsent(TelegramSettings.API_BASE_URL, base + "/sandbox/telegram");
        values.putIfAbsent("SPOTIFY_SHORT_LINK_BASE_URL", base + "/sandbox/spotify-link");
        values.putIfAbsent("LASTFM_WEB_BASE_URL", base + "/sandbox/lastfm");
        values.putIfAbsent("LASTFM_API_BASE_URL", base + "/sandbox/lastfm");
        values.putIfAbsent("LISTENBRAINZ_API_BASE_URL", base + "/sandbox/listenbrainz");
        return values;
    }

    /**
     * The throw-away directory of the SQLite database, set as its path, when the values name SQLite (or no store) and
     * no path; null otherwise.
     */
    private static Path temporaryDatabase(Map<String, String> values) {
        String store = values.getOrDefault("STORE", "").strip();
        boolean sqlite = store.isEmpty() || store.equalsIgnoreCase("sqlite");
        Path tempDir = sqlite && values.getOrDefault("SQLITE_PATH", "").isBlank() ? tempDirectory() : null;
        if (tempDir != null) {
            values.put("SQLITE_PATH", tempDir.resolve("send-songs.db").toString());
        }
        return tempDir;
    }

    /** The emulators, knowing the bot's webhook, credentials and Spotify callback as the real services would. */
    private static Sandbox sandbox(ServerConfig config, String base, ManualClock clock) {
        Sandbox sandbox = new Sandbox(new SandboxConfig(base + "/webhook", config.appSecret(), SANDBOX_PAGE_ID,
                config.pageAccessToken(), config.spotifyClientId(), config.spotifyClientSecret()), clock);
        registerRedirectUri(sandbox, config);
        config.lastfm().ifPresent(lastfm -> sandbox.lastfm().registerApiAccount(lastfm.apiKey(),
                lastfm.sharedSecret()));
        return sandbox;
    }

    /** The server, not yet started, serving the emulators and the demo pages beside the bot. */
    private static BotServer serverOnSandbox(ServerConfig config, ManualClock clock, Sandbox sandbox) {
        AtomicReference<BotServer> built = new AtomicReference<>();
        BotServer server = new BotServer(config, clock, http -> {
            sandbox.routes(http);
            serveDemoPages(http);
            new DemoPeople(() -> built.get().users()).register(http);
            // The load test's ceiling: a bare 200 on the same server, reading the body as the webhook does.
            http.post("/bench/ok", ctx -> ctx.result(RequestBody.bytes(ctx).length > 0 ? "ok" : "empty"));
        });
        built.set(server);
        // As an operator does when setting up the webhook: the echoes of the page's messages confirm what went out.
        sandbox.messenger().subscribe(ECHOED_FIELDS);
        // A test may post the platforms' webhook calls itself: the emulators then know who wrote, as the platforms do.
        server.onEventsKept(batch -> batch.events().forEach(event -> deliveredElsewhere(sandbox, event)));
        sandbox.beforeClockAdvance(() -> server.awaitWebhookIdle(SETTLE_BEFORE_ADVANCE));
        sandbox.onClockAdvance(server.app()::tick);
        return server;
    }

    private static void setUpChatPlatforms(BotServer server, ServerConfig config, String base)
            throws TelegramApiException {
        // What messenger-profile does for a real page: the demo page shows the Get Started button and the menu.
        new MessengerProfile(new MessengerConfig(config.graphBaseUrl(), config.graphVersion(),
                config.pageAccessToken(), null, null)).set(ChatProfile.standard());
        server.setUpTelegram(URI.create(base + BotServer.TELEGRAM_WEBHOOK_PATH));
    }

    private static void closeSandboxAndDatabase(Sandbox sandbox, Path tempDir) {
        sandbox.close();
        if (tempDir != null) {
            deleteQuietly(tempDir);
        }
    }

    public BotServer server() {
        return server;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public ManualClock clock() {
        return clock;
    }

    public ServerConfig config() {
        return config;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * What an operator enters in Spotify's dashboard: the bot's callback, so the emulated Spotify refuses any
     * other. A public base URL that Spotify would refuse (plain http to a host other than a loopback IP) is
     * left unregistered, and the emulated Spotify then refuses it as the real one would.
     */
    private static void registerRedirectUri(Sandbox sandbox, ServerConfig config) {
        String callback = new ConnectLink(config.publicBaseUrl()).callbackUrl();
        try {
            sandbox.spotify().redirectUris(List.of(callback));
        } catch (IllegalArgumentException e) {
            LOG.warn("Spotify would refuse this demo's redirect URI, so Connect Spotify will fail: {}", e.getMessage());
        }
    }

    /**
     * Tells the emulated platform that {@code event} reached the bot, which it did not post itself when a test played
     * the platform: Messenger then knows the person, and a Telegram update from a private chat opens that chat.
     */
    private static void deliveredElsewhere(Sandbox sandbox, Inbound event) {
        Platform platform = event.from().platform();
        if (platform.equals(Platform.MESSENGER)) {
            sandbox.messenger().deliveredElsewhere(event.from().id());
        } else if (platform.equals(Platform.TELEGRAM) && !(event instanceof Inbound.InGroupChat)
                && !(event instanceof Inbound.BotBlocked)) {
            parsedId(event.from().id()).ifPresent(sandbox.telegram()::deliveredElsewhere);
        }
    }

    private static Optional<Long> parsedId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Moves the clock and runs what fell due, as {@code POST /sandbox/clock/advance} does. */
    public void advance(Duration by) {
        server.awaitWebhookIdle(SETTLE_BEFORE_ADVANCE);
        clock.advance(by);
        server.app().tick();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            closeSandboxAndDatabase(sandbox, tempDir);
        }
    }

    /** The demo's throw-away database goes with it (the database file, its WAL and shared-memory files). */
    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            System.err.println("could not remove the demo's temporary database in " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The Messenger view at {@code /}, the Telegram view at {@code /telegram} and the script they share. A page may run
     * its one inline script and the shared one, each named by its hash; the page's tag for the shared script carries
     * the same hash as its integrity, which is how a browser matches a script it loads to a hash in the policy.
     */
    private static void serveDemoPages(Javalin http) {
        String shared = demoResource(SHARED_SCRIPT).orElse("");
        http.get(SHARED_SCRIPT, ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType("text/javascript; charset=utf-8");
            ctx.result(shared);
        });
        servePage(http, "/", "/demo/index.html", shared);
        servePage(http, "/telegram", "/demo/telegram.html", shared);
    }

    private static void servePage(Javalin http, String path, String resource, String sharedScript) {
        String tag = "<script src=\"" + SHARED_SCRIPT + "\"";
        String page = demoResource(resource)
                .orElse("<!doctype html><title>Send Songs</title><p>The demo page is missing from this build.")
                .replace(tag + ">", tag + " integrity=\"" + PageHeaders.integrity(sharedScript) + "\">");
        Map<String, String> pageHeaders = PageHeaders.forPage(PageHeaders.hashSource(inlineScript(page)) + " "
                + PageHeaders.hashSource(sharedScript));
        http.get(path, ctx -> {
            pageHeaders.forEach(ctx::header);
            ctx.html(page);
        });
    }

    private static Optional<String> demoResource(String resource) {
        try (InputStream in = Demo.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the page's one inline {@code <script>}, which its Content-Security-Policy allows by hash. */
    static String inlineScript(String page) {
        int open = page.indexOf("<script>");
        int close = page.indexOf("</script>", open);
        return open < 0 || close < 0 ? "" : page.substring(open + "<script>".length(), close);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("send-songs-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package app.sendsongs.bench.load;

import app.sendsongs.bench.TempDirectory;
import app.sendsongs.testsupport.SandboxControl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark 2: the webhook under load. Starts the server in its demo wiring as a child process (its emulators in
 * the same process, or with {@code --emulators apart} in one of their own, as the real services are), registers a
 * population through the real connect flow, then, over loopback:
 * <ol>
 *   <li>warms both paths up (not measured);</li>
 *   <li>measures a bare {@code POST /bench/ok} of the same server with the same bodies: the ceiling;</li>
 *   <li>sends the signed webhook POSTs (a mix of {@code send_song} and other messages, some POSTs
 *       twice) and measures acknowledgements, then waits until everything the bot must send has
 *       reached the emulated platform (Messenger's Graph API or Telegram's Bot API);</li>
 *   <li>sends one {@code help} from each person (handled after all their earlier messages) and
 *       reconciles every inbox: each message handled exactly once, each person's in order.</li>
 * </ol>
 */
public final class LoadTest {
    /** The services the server's adapters call, by the variable that says where, and their paths in the sandbox. */
    private static final Map<String, String> EMULATED_SERVICES = Map.ofEntries(
            Map.entry("MESSENGER_GRAPH_BASE_URL", "/sandbox/graph"),
            Map.entry("SPOTIFY_ACCOUNTS_BASE_URL", "/sandbox/accounts"),
            Map.entry("SPOTIFY_API_BASE_URL", "/sandbox/api"),
            Map.entry("SPOTIFY_SHORT_LINK_BASE_URL", "/sandbox/spotify-link"),
            Map.entry("TELEGRAM_API_BASE_URL", "/sandbox/telegram"),
            Map.entry("LASTFM_WEB_BASE_URL", "/sandbox/lastfm"),
            Map.entry("LASTFM_API_BASE_URL", "/sandbox/lastfm"),
            Map.entry("LISTENBRAINZ_API_BASE_URL", "/sandbox/listenbrainz"));
    /** The page token both the sandbox command and the demo use unless told another. */
    private static final String SANDBOX_PAGE_TOKEN = "sandbox-page-token";
    /** The exit code of a JVM that -XX:+ExitOnOutOfMemoryError stopped. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private LoadTest() {
    }

    /** {@code bench load [options]}; exit code 0 when every message was handled exactly once. */
    public static int main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(LoadOptions.HELP);
            return 0;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + LoadOptions.HELP);
            return 2;
        }
        Path dir = TempDirectory.create("send-songs-load");
        try {
            LoadReport report = run(options, dir, System.out);
            System.out.println();
            System.out.print(report.format());
            System.out.println("chart: " + LoadCharts.write(report, options.charts()));
            return report.exactlyOnce() ? 0 : 1;
        } finally {
            TempDirectory.deleteQuietly(dir);
        }
    }

    /** Runs the whole test with the server's database and log in {@code dir}; progress goes to {@code progress}. */
    static LoadReport run(LoadOptions options, Path dir, PrintStream progress) {
        Map<String, String> environment = new HashMap<>(Workload.UNLIMITED_SENDING);
        environment.putAll(options.platform().serverEnvironment());
        environment.put("SQLITE_PATH", dir.resolve("load.db").toString());
        environment.put("TICK_SECONDS", "1");
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.serverHeap()));
        jvm.addAll(options.serverJvmOptions());
        if (!options.emulatorsApart()) {
            progress.printf("starting the server (demo wiring, -Xmx%s)...%n", options.serverHeap());
            try (ServerProcess server = ServerProcess.startDemo(jvm, environment, dir.resolve("server.log"))) {
                return measure(options, server, Optional.empty(), progress);
            }
        }
        int serverPort = ServerProcess.freePort();
        progress.printf("starting the emulators (sandbox command), then the server (demo wiring, -Xmx%s) pointed at "
                + "them...%n", options.serverHeap());
        try (ServerProcess emulators = startEmulators(options, serverPort, dir)) {
            EMULATED_SERVICES.forEach((variable, path) -> environment.put(variable, emulators.baseUrl() + path));
            try (ServerProcess server = ServerProcess.start(List.of("demo"), jvm, environment, serverPort,
                    dir.resolve("server.log"))) {
                return measure(options, server, Optional.of(emulators), progress);
            }
        }
    }

    /**
     * The emulators in a process of their own, posting people's messages and the echoes to the server's webhook on
     * {@code serverPort}, with the app subscribed to the echoes as the demo's own emulators are.
     */
    private static ServerProcess startEmulators(LoadOptions options, int serverPort, Path dir) {
        int port = ServerProcess.freePort();
        ServerProcess emulators = ServerProcess.start(List.of("sandbox", "--port", Integer.toString(port),
                        "--bot-webhook-url", "http://127.0.0.1:" + serverPort + "/webhook"),
                List.of("-Xmx" + options.serverHeap()), options.platform().serverEnvironment(), port,
                dir.resolve("emulators.log"));
        try {
            new SandboxControl(emulators.baseUrl()).messengerSubscribeWithEchoes(SANDBOX_PAGE_TOKEN);
            return emulators;
        } catch (RuntimeException e) {
            emulators.close();
            throw e;
        }
    }

    private static LoadReport measure(LoadOptions options, ServerProcess server, Optional<ServerProcess> emulators,
                                      PrintStream progress) {
        try {
            return measureWith(options, server, emulators, progress);
        } catch (RuntimeException e) {
            throw new IllegalStateException(exitOf(server) + e.getMessage() + "\nserver output:\n" + server.tail()
                    + emulators.map(apart -> "\nemulators' output:\n" + apart.tail()).orElse(""), e);
        }
    }

    /** Why every request failed, when it is that the server is gone (it runs with -XX:+ExitOnOutOfMemoryError). */
    private static String exitOf(ServerProcess server) {
        return server.exited().map(code -> "the server exited with code " + code
                + (code == OUT_OF_MEMORY_EXIT ? ", out of memory: give it a larger --server-heap" : "") + ". ")
                .orElse("");
    }

    private static LoadReport measureWith(LoadOptions options, ServerProcess server,
                                          Optional<ServerProcess> emulators, PrintStream progress) {
        SandboxControl sandbox = new SandboxControl(server.baseUrl(),
                emulators.map(ServerProcess::baseUrl).orElse(server.baseUrl()));
        if (!options.platform().pacesChatsInRealTime()) {
            return new LoadRun(options, server, emulators, sandbox, progress).measure();
        }
        progress.println("the sandbox clock moves with real time, as the bot's pace in each chat does");
        try (RealTimeClock clock = RealTimeClock.start(sandbox)) {
            return new LoadRun(options, server, emulators, sandbox, progress).measure();
        }
    }
}

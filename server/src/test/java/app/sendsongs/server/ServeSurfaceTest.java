package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.testsupport.SandboxControl;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP surface of the {@code serve} wiring (no demo page, no emulator on its port) as someone probing it from the
 * internet finds it; the emulators run apart, as the real services would. Over loopback, each probe bounded.
 */
@Timeout(60)
class ServeSurfaceTest {
    private static final String METRICS_TOKEN = "metrics-token-for-the-test";

    @TempDir
    Path dir;
    private StandaloneSandbox emulators;
    private BotServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        emulators = StandaloneSandbox.start(Map.of(), "127.0.0.1", 0, "http://127.0.0.1:9/webhook");
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        server = new BotServer(ServerConfig.from(settings()), Clock.systemUTC(), http -> { }).start();
    }

    @AfterEach
    void stop() {
        server.close();
        emulators.close();
    }

    /** What an operator sets for {@code serve}, the services' addresses being the emulators'. */
    private Map<String, String> settings() {
        String emulated = "http://127.0.0.1:" + emulators.port() + "/sandbox";
        Map<String, String> values = new HashMap<>(Demo.SANDBOX_CREDENTIALS);
        values.putAll(Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(port),
                "PUBLIC_BASE_URL", "http://127.0.0.1:" + port, "SQLITE_PATH", dir.resolve("songs.db").toString(),
                "TOKEN_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(new byte[32]), "TICK_SECONDS", "3600",
                "METRICS_TOKEN", METRICS_TOKEN, "MESSENGER_PAGE", Demo.SANDBOX_PAGE_ID));
        values.putAll(Map.of("MESSENGER_GRAPH_BASE_URL", emulated + "/graph",
                "SPOTIFY_ACCOUNTS_BASE_URL", emulated + "/accounts", "SPOTIFY_API_BASE_URL", emulated + "/api",
                "SPOTIFY_SHORT_LINK_BASE_URL", emulated + "/spotify-link", "LASTFM_WEB_BASE_URL", emulated + "/lastfm",
                "LASTFM_API_BASE_URL", emulated + "/lastfm", "LISTENBRAINZ_API_BASE_URL", emulated + "/listenbrainz",
                TelegramSettings.API_BASE_URL, emulated + "/telegram"));
        return values;
    }

    @Test
    void servesNoDemoPageNoEmulatorAndNoBenchRoute() throws IOException {
        for (String request : List.of("GET / ", "GET /telegram ", "GET /demo/common.js ",
                "GET /demo/people/messenger/1 ", "GET /sandbox/clock ", "POST /sandbox/clock/advance ", "POST /sandbox/messenger/send ",
                "GET /sandbox/graph/v25.0/me ", "POST /bench/ok ")) {
            String answer = exchange(request + "HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}");
            assertThat(answer).as(request).startsWith("HTTP/1.1 404 ");
        }
    }

    @Test
    void everyAnswerCarriesTheHardeningHeadersEvenThoseNoPageWrites() throws IOException {
        for (String request : List.of("GET /no/such/page ", "GET /sandbox/clock ", "OPTIONS /connect ", "TRACE /connect ", "PUT /webhook ",
                "DELETE /health ", "GET /health ", "GET /metrics ", "GET /callback/listenbrainz ", "POST /webhook ",
                "POST /telegram/webhook ", "POST /callback/spotify ")) {
            String answer = exchange(request + "HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}");
            assertThat(head(answer)).as(request).contains("X-Content-Type-Options: nosniff", "X-Frame-Options: DENY",
                    "Referrer-Policy: no-referrer", "frame-ancestors 'none'");
        }
    }

    @Test
    void aPathNoRouteTakesIsNotWrittenBackIntoTheAnswer() throws IOException {
        String answer = exchange("GET /Your-account-is-locked-call-0800-000000 HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 404 ").doesNotContain("locked");
    }

    @Test
    void aSourceNameThatNamesNoSourceIsNotWrittenBackIntoThePage() throws IOException {
        String spoof = "Your%20account%20is%20locked.%20Call%200800%20000%20000%20to%20unlock%20it";
        for (String path : List.of("/connect/" + spoof, "/callback/" + spoof + "?state=x&code=y")) {
            String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer).as(path).startsWith("HTTP/1.1 404 ").contains("It connects: Spotify, Last.fm, "
                    + "ListenBrainz.").doesNotContain("locked", "0800");
        }
    }

    @Test
    void madeUpListenBrainzTokensCannotSpendTheRateListenBrainzGivesTheListenChecks() {
        SandboxClient stranger = new SandboxClient(base());
        SandboxClient.Response pastePage = stranger.get("/connect/listenbrainz");
        List<SandboxClient.Response> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(stranger.paste(pastePage, UUID.randomUUID().toString()));
        }

        assertThat(emulators().listenBrainzStats().path("validate-token").asInt()).as("calls to ListenBrainz, "
                + "20 and the one or two the bound lets through meanwhile").isBetween(20, 22);
        assertThat(answers.getLast().status()).isEqualTo(400);
        assertThat(answers.getLast().body()).contains("please paste it again in a minute", "name=\"token\"");
    }

    @Test
    void oneRealTokenPastedAgainAndAgainInFreshBrowsersSpendsTheBoundAsMadeUpOnesDo() {
        String token = emulators().listenBrainzToken("mallory");
        for (int i = 0; i < 40; i++) {
            SandboxClient fresh = new SandboxClient(base());
            fresh.paste(fresh.get("/connect/listenbrainz"), token);
        }

        assertThat(emulators().listenBrainzStats().path("validate-token").asInt()).as("calls to ListenBrainz: the "
                + "first consent of the account, 20 repeats and the one or two let through meanwhile").isBetween(21, 23);
    }

    @Test
    void peopleReallyConnectingSpendNothingOfThatBoundHoweverMany() {
        for (int i = 0; i < 25; i++) {
            SandboxClient browser = new SandboxClient(base());
            SandboxClient.Response page = browser.paste(browser.get("/connect/listenbrainz"),
                    emulators().listenBrainzToken("listener-" + i));

            assertThat(page.body()).as("person " + i).contains("id=\"registration-code\"");
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private SandboxControl emulators() {
        return new SandboxControl(base(), "http://127.0.0.1:" + emulators.port());
    }

    /** The status line and headers. */
    private static String head(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    /** The whole answer to a request written as is, bypassing any client's checks. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

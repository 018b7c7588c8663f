package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.messenger.GraphSendApi;
import app.sendsongs.messenger.MessengerConfig;
import app.sendsongs.messenger.SignatureVerifier;
import app.sendsongs.testsupport.SandboxControl;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code sandbox} command: the emulators in their own process, in front of a bot served elsewhere. */
class StandaloneSandboxTest {
    private static final String SECRET = "standalone-app-secret";

    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private Javalin bot;
    private StandaloneSandbox sandbox;
    private String base;

    @BeforeEach
    void start() {
        bot = Javalin.create(c -> c.showJavalinBanner = false);
        bot.post("/webhook", ctx -> {
            bodies.add(ctx.bodyAsBytes());
            signatures.add(ctx.header(SignatureVerifier.HEADER));
            ctx.result("EVENT_RECEIVED");
        });
        bot.start("127.0.0.1", 0);
        sandbox = StandaloneSandbox.start(Map.of("MESSENGER_APP_SECRET", SECRET), "127.0.0.1", 0,
                "http://localhost:" + bot.port() + "/webhook");
        base = "http://localhost:" + sandbox.port();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        bot.stop();
    }

    @Test
    void aPersonsMessageReachesTheBotSignedWithTheConfiguredSecret() {
        new SandboxControl(base).say("person-1", "help");

        assertThat(bodies).hasSize(1);
        assertThat(new String(bodies.getFirst())).contains("\"person-1\"", "\"help\"");
        assertThat(new SignatureVerifier(SECRET).verify(bodies.getFirst(), signatures.getFirst())).isTrue();
    }

    @Test
    void theProductionSendApiDeliversThroughItWithTheSandboxPageToken() {
        SandboxControl control = new SandboxControl(base);
        control.say("person-2", "hello");
        GraphSendApi graph = new GraphSendApi(new MessengerConfig(base + "/sandbox/graph", "v25.0",
                Demo.SANDBOX_CREDENTIALS.get("MESSENGER_PAGE_ACCESS_TOKEN"), SECRET, "verify"));

        SendOutcome outcome = graph.send("person-2", Message.text("hi there"), MessageKind.RESPONSE, "ref-1");

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        assertThat(control.inbox("person-2")).containsExactly("hi there");
    }

    @Test
    void itAnswersHealth() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void aBotWebhookUrlThatIsNotAnAbsoluteHttpUrlIsRefused() {
        for (String bad : new String[] {"localhost:8080/webhook", "/webhook", "ftp://bot/webhook", ""}) {
            assertThatThrownBy(() -> StandaloneSandbox.start(Map.of(), "127.0.0.1", 0, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
        }
    }
}

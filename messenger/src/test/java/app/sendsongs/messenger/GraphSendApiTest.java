package app.sendsongs.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.testsupport.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Send API adapter over real HTTP against the sandbox's Graph emulator (and a recording stand-in). */
class GraphSendApiTest {
    private static final String REF = "0b6f1f5e-5d3a-3c1e-9f7b-2a4d6c8e0f12";
    private final MessengerSandbox sandbox = new MessengerSandbox();
    private final GraphSendApi graph = sandbox.graph();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static SendOutcome.Failed failed(SendOutcome outcome) {
        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        return (SendOutcome.Failed) outcome;
    }

    // ---------------------------------------------------------------- delivery

    @Test
    void aResponseArrivesInThePersonsInboxAsResponse() {
        sandbox.personWrites("psid-1", "help");

        assertThat(graph.send("psid-1", Message.text("Here is the help text"), MessageKind.RESPONSE, REF))
                .isEqualTo(new SendOutcome.Sent());

        JsonNode inbox = sandbox.inbox("psid-1");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("text").asText()).isEqualTo("Here is the help text");
        assertThat(inbox.get(0).path("messaging_type").asText()).isEqualTo("RESPONSE");
    }

    @Test
    void theCoresReferenceGoesAsTheMessagesMetadataForItsEcho() {
        sandbox.personWrites("psid-1", "help");

        graph.send("psid-1", Message.text("Here is the help text"), MessageKind.RESPONSE, REF);

        assertThat(sandbox.inbox("psid-1").get(0).path("message").path("metadata").asText()).isEqualTo(REF);
    }

    @Test
    void aReferenceGraphWouldRefuseIsTheCallersMistake() {
        assertThatThrownBy(() -> graph.send("psid-1", Message.text("x"), MessageKind.RESPONSE, "r".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
        assertThatThrownBy(() -> graph.send("psid-1", Message.text("x"), MessageKind.RESPONSE, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUpdateGoesAsUpdate() {
        sandbox.personWrites("psid-1", "help");

        assertThat(graph.send("psid-1", Message.text("Bob listened to Neon Heron"), MessageKind.UPDATE, REF))
                .isEqualTo(new SendOutcome.Sent());

        assertThat(sandbox.inbox("psid-1").get(0).path("messaging_type").asText()).isEqualTo("UPDATE");
    }

    @Test
    void messagesArriveInOrderAndOnlyForTheirRecipient() {
        sandbox.personWrites("alice", "hi");
        sandbox.personWrites("bob", "hi");

        graph.send("alice", Message.text("one"), MessageKind.RESPONSE, REF);
        graph.send("bob", Message.text("for bob"), MessageKind.RESPONSE, REF);
        graph.send("alice", Message.text("two"), MessageKind.UPDATE, REF);

        assertThat(sandbox.inbox("alice")).extracting(m -> m.path("text").asText()).containsExactly("one", "two");
        assertThat(sandbox.inbox("bob")).extracting(m -> m.path("text").asText()).containsExactly("for bob");
    }

    @Test
    void keepsQuotesLineBreaksAndEmojiIntact() {
        sandbox.personWrites("psid-1", "hi");
        String text = "Alice sent you \u201cNeon Heron\u201d \ud83c\udfb5\nshe says: \"you'll love the bridge\" & <3";

        assertThat(graph.send("psid-1", Message.text(text), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());

        assertThat(sandbox.inbox("psid-1").get(0).path("text").asText()).isEqualTo(text);
    }

    @Test
    void sendsATextOfExactlyTheLimit() {
        sandbox.personWrites("psid-1", "hi");
        String longest = "x".repeat(GraphSendApi.MAX_TEXT);

        assertThat(graph.send("psid-1", Message.text(longest), MessageKind.RESPONSE, REF)).isEqualTo(new SendOutcome.Sent());

        assertThat(sandbox.inbox("psid-1").get(0).path("text").asText()).hasSize(2000);
    }

    @Test
    void refusesATextOverTheLimitWithoutCallingGraph() {
        sandbox.personWrites("psid-1", "hi");
        String tooLong = "x".repeat(GraphSendApi.MAX_TEXT + 1);

        assertThatThrownBy(() -> graph.send("psid-1", Message.text(tooLong), MessageKind.RESPONSE, REF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000");
        assertThat(sandbox.inbox("psid-1")).isEmpty();
    }

    @Test
    void refusesAMissingMessageOrRecipientWithoutCallingGraph() {
        sandbox.personWrites("psid-1", "hi");

        assertThatThrownBy(() -> graph.send("psid-1", null, MessageKind.RESPONSE, REF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> graph.send(" ", Message.text("hello"), MessageKind.RESPONSE, REF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.inbox("psid-1")).isEmpty();
    }

    // ---------------------------------------------------------------- Messenger's rules

    @Test
    void aPersonWhoNeverWroteToThePageIsUnreachable() {
        SendOutcome outcome = graph.send("stranger", Message.text("hello"), MessageKind.UPDATE, REF);

        assertThat(outcome).isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(((SendOutcome.Unreachable) outcome).reason()).contains("2018001");
    }

    @Test
    void outsideThe24HourWindowTheSendIsRefusedUntilThePersonWritesAgain() {
        sandbox.personWrites("psid-1", "hi");
        sandbox.advanceSeconds(Duration.ofHours(24).toSeconds());
        assertThat(graph.send("psid-1", Message.text("still inside"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());

        sandbox.advanceSeconds(1);
        assertThat(graph.send("psid-1", Message.text("too late"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.OutsideWindow());
        assertThat(graph.send("psid-1", Message.text("too late"), MessageKind.RESPONSE, REF)).isEqualTo(new SendOutcome.OutsideWindow());

        sandbox.personWrites("psid-1", "back");
        assertThat(graph.send("psid-1", Message.text("welcome back"), MessageKind.RESPONSE, REF)).isEqualTo(new SendOutcome.Sent());
        assertThat(sandbox.inbox("psid-1")).extracting(m -> m.path("text").asText())
                .containsExactly("still inside", "welcome back");
    }

    // ---------------------------------------------------------------- Graph failures (sandbox fault injection)

    @Test
    void aServerErrorIsAPassingFailureWithoutRetryAfter() {
        sandbox.personWrites("psid-1", "hi");
        sandbox.fault(500, 1, 0);

        SendOutcome.Failed failed = failed(graph.send("psid-1", Message.text("hello"), MessageKind.RESPONSE, REF));
        assertThat(failed.reason()).contains("HTTP 500");
        assertThat(failed.retryAfter()).isEmpty();

        assertThat(graph.send("psid-1", Message.text("hello"), MessageKind.RESPONSE, REF)).isEqualTo(new SendOutcome.Sent());
        assertThat(sandbox.inbox("psid-1")).hasSize(1);
    }

    @Test
    void serviceUnavailableIsAPassingFailureWithoutRetryAfterAsGraphSendsNone() {
        sandbox.personWrites("psid-1", "hi");
        sandbox.fault(503, 1, 7);

        SendOutcome.Failed failed = failed(graph.send("psid-1", Message.text("hello"), MessageKind.RESPONSE, REF));
        assertThat(failed.reason()).contains("HTTP 503").contains("code 2");
        assertThat(failed.retryAfter()).isEmpty();
    }

    @Test
    void aRetryAfterOnAServerErrorIsHonouredWhenOneComes() {
        GraphSendApi probe = new GraphSendApi(new MessengerConfig(sandbox.base + "/probe", null, "probe-page-token", "s", "v"));
        sandbox.probeAnswersGraphError(503, 2, null, "An unexpected error has occurred. Please retry your request later.");
        sandbox.probeHeaders = Map.of("Retry-After", "7");

        assertThat(failed(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF)).retryAfter())
                .contains(Duration.ofSeconds(7));
    }

    @Test
    void graphsSendErrorCodesAreToldApartOverHttp() {
        sandbox.personWrites("psid-1", "hi");

        sandbox.graphError(500, 1200, null);
        assertThat(failed(graph.send("psid-1", Message.text("a"), MessageKind.UPDATE, REF)).reason())
                .as("1200 is a temporary send failure").contains("temporary").contains("code 1200");
        sandbox.graphError(400, 1200, null);
        assertThat(failed(graph.send("psid-1", Message.text("a"), MessageKind.UPDATE, REF)).reason())
                .as("by its code, whatever the status").contains("temporary").contains("code 1200");
        sandbox.graphError(500, 2, null);
        assertThat(failed(graph.send("psid-1", Message.text("b"), MessageKind.UPDATE, REF)).reason())
                .contains("temporary").contains("code 2");
        sandbox.graphError(400, 10, 2018278);
        assertThat(graph.send("psid-1", Message.text("c"), MessageKind.UPDATE, REF))
                .isEqualTo(new SendOutcome.OutsideWindow());
        sandbox.graphError(400, 100, 2018001);
        assertThat(graph.send("psid-1", Message.text("d"), MessageKind.UPDATE, REF))
                .isInstanceOf(SendOutcome.Unreachable.class);
        sandbox.graphError(400, 551, 1545041);
        assertThat(graph.send("psid-1", Message.text("e"), MessageKind.UPDATE, REF))
                .isInstanceOf(SendOutcome.Unreachable.class);
        sandbox.graphError(403, 200, null);
        assertThat(failed(graph.send("psid-1", Message.text("f"), MessageKind.UPDATE, REF)).reason())
                .as("the page's permission, not the person: tried again once it is fixed")
                .contains("the page lacks a permission");

        assertThat(graph.send("psid-1", Message.text("g"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());
        assertThat(sandbox.inbox("psid-1")).extracting(m -> m.path("text").asText()).containsExactly("g");
    }

    @Test
    void aRateLimitPausesEverySendForItsRetryAfterWithoutCallingGraph() {
        ManualClock clock = new ManualClock(Instant.parse("2026-06-01T12:00:00Z"));
        GraphSendApi paced = sandbox.graph(clock);
        sandbox.personWrites("psid-1", "hi");
        sandbox.fault(429, 2, 30);

        SendOutcome.Failed failed = failed(paced.send("psid-1", Message.text("hello"), MessageKind.UPDATE, REF));
        assertThat(failed.reason()).contains("rate limit");
        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(10));
        SendOutcome.Failed paused = failed(paced.send("psid-2", Message.text("hello"), MessageKind.UPDATE, REF));
        assertThat(paused.reason()).contains("backing off");
        assertThat(paused.retryAfter()).contains(Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(20));
        assertThat(failed(paced.send("psid-1", Message.text("hello"), MessageKind.UPDATE, REF)).retryAfter())
                .as("the second fault, reached only once the pause was over").contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(paced.send("psid-1", Message.text("hello"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());
    }

    @Test
    void graphsThrottlingWithoutRetryAfterPausesTheWholePageLongerEachTimeAndNothingIsLost() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-06-01T12:00:00Z"));
        GraphSendApi paced = sandbox.graph(clock);
        sandbox.personWrites("psid-1", "hi");
        sandbox.personWrites("psid-2", "hi");
        sandbox.limits(2, 0);

        assertThat(paced.send("psid-1", Message.text("1"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());
        assertThat(paced.send("psid-1", Message.text("2"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());
        SendOutcome.Failed throttled = failed(paced.send("psid-1", Message.text("3"), MessageKind.UPDATE, REF));
        assertThat(throttled.reason()).contains("code 32").contains("Page request limit reached");
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(failed(paced.send("psid-2", Message.text("x"), MessageKind.UPDATE, REF)).retryAfter())
                .as("another person waits too: it is the page that is over").contains(Duration.ofSeconds(60));
        assertThat(sandbox.throttled()).as("the pause made no call").isEqualTo(1);

        clock.advance(Duration.ofSeconds(60)); // the pause is over, but the emulated second (real time) may not be
        sandbox.limits(1, 0);
        Thread.sleep(1100);
        assertThat(paced.send("psid-1", Message.text("3"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());
        assertThat(failed(paced.send("psid-1", Message.text("4"), MessageKind.UPDATE, REF)).retryAfter())
                .as("a success ends the doubling").contains(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(failed(paced.send("psid-1", Message.text("4"), MessageKind.UPDATE, REF)).retryAfter())
                .as("throttled again at once: a longer pause").contains(Duration.ofSeconds(120));
        assertThat(sandbox.inbox("psid-1")).extracting(m -> m.path("message").path("text").asText())
                .containsExactly("1", "2", "3");
    }

    @Test
    void gatewayErrorsArePassingFailures() {
        sandbox.personWrites("psid-1", "hi");
        sandbox.fault(502, 1, 0);
        sandbox.fault(504, 1, 0);

        assertThat(failed(graph.send("psid-1", Message.text("a"), MessageKind.UPDATE, REF)).reason()).contains("HTTP 502");
        assertThat(failed(graph.send("psid-1", Message.text("b"), MessageKind.UPDATE, REF)).reason()).contains("HTTP 504");
    }

    @Test
    void aRefusedPageTokenFailsWithoutShowingTheToken() {
        sandbox.personWrites("psid-1", "hi");
        String wrong = "EAAB-wrong-page-token";
        GraphSendApi misconfigured = new GraphSendApi(new MessengerConfig(sandbox.base + "/sandbox/graph", null,
                wrong, "secret", "verify"));

        SendOutcome.Failed failed = failed(misconfigured.send("psid-1", Message.text("hello"), MessageKind.RESPONSE, REF));

        assertThat(failed.reason()).contains("access token was refused").contains("190").doesNotContain(wrong);
        assertThat(sandbox.inbox("psid-1")).isEmpty();
    }

    @Test
    void anUnreachableGraphIsAPassingFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GraphSendApi nowhere = new GraphSendApi(new MessengerConfig("http://localhost:" + closedPort, null,
                "page-token-123", "secret", "verify"));

        SendOutcome.Failed failed = failed(nowhere.send("psid-1", Message.text("hello"), MessageKind.RESPONSE, REF));

        assertThat(failed.reason()).contains("could not be reached").doesNotContain("page-token-123");
        assertThat(failed.retryAfter()).isEmpty();
    }

    // ---------------------------------------------------------------- wire format (recording stand-in)

    @Test
    void postsToTheConfiguredBaseUrlAndVersionWithTheTokenInTheQuery() throws IOException {
        String token = "EAAB+page/token=with&odd chars";
        GraphSendApi probe = new GraphSendApi(new MessengerConfig(sandbox.base + "/probe/", "/v99.0/", token,
                "secret", "verify"));

        assertThat(probe.send("psid-9", Message.text("hello"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());

        MessengerSandbox.Probed request = sandbox.probed.get(0);
        assertThat(request.path()).isEqualTo("/probe/v99.0/me/messages");
        assertThat(request.accessToken()).isEqualTo(token);
        assertThat(request.rawQuery()).isEqualTo("access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(request.headers().get("Content-Type")).startsWith("application/json");
        assertThat(MessengerSandbox.JSON.readTree(request.body())).isEqualTo(MessengerSandbox.JSON.readTree(
                "{\"recipient\":{\"id\":\"psid-9\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"hello\","
                        + "\"metadata\":\"" + REF + "\"}}"));
    }

    @Test
    void errorTextThatEchoesTheTokenIsRedacted() {
        String token = "EAAB+secret/page=token";
        GraphSendApi probe = new GraphSendApi(new MessengerConfig(sandbox.base + "/probe", null, token, "s", "v"));
        sandbox.probeAnswersGraphError(400, 100, null, "Invalid request to /v25.0/me/messages?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + " (token " + token + ")");

        try (LogCapture log = new LogCapture()) {
            SendOutcome outcome = probe.send("psid-1", Message.text("hello"), MessageKind.RESPONSE, REF);

            assertThat(outcome).isInstanceOf(SendOutcome.Refused.class);
            assertThat(((SendOutcome.Refused) outcome).reason()).contains("<redacted>").doesNotContain(token)
                    .doesNotContain(URLEncoder.encode(token, StandardCharsets.UTF_8));
            assertThat(log.text()).contains("Send API").doesNotContain(token)
                    .doesNotContain(URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
    }

    @Test
    void neverLogsThePageToken() {
        String token = sandbox.config.pageAccessToken();
        try (LogCapture log = new LogCapture()) {
            sandbox.personWrites("psid-1", "hi");
            graph.send("psid-1", Message.text("ok"), MessageKind.RESPONSE, REF);
            graph.send("stranger", Message.text("unknown"), MessageKind.RESPONSE, REF);
            sandbox.fault(429, 1, 3);
            graph.send("psid-1", Message.text("limited"), MessageKind.RESPONSE, REF);
            sandbox.fault(500, 1, 0);
            graph.send("psid-1", Message.text("broken"), MessageKind.RESPONSE, REF);
            sandbox.advanceSeconds(Duration.ofDays(2).toSeconds());
            graph.send("psid-1", Message.text("late"), MessageKind.UPDATE, REF);

            assertThat(log.text()).contains("rate limit").doesNotContain(token);
        }
    }

    @Test
    void someoneWhoBlockedThePageIsUnreachableEvenInsideTheirWindowUntilTheyUnblockIt() {
        sandbox.personWrites("psid-1", "help");
        sandbox.blocks("psid-1", true);

        assertThat(graph.send("psid-1", Message.text("still there?"), MessageKind.RESPONSE, REF))
                .isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(sandbox.inbox("psid-1")).isEmpty();

        sandbox.blocks("psid-1", false);
        assertThat(graph.send("psid-1", Message.text("welcome back"), MessageKind.RESPONSE, REF))
                .isEqualTo(new SendOutcome.Sent());
    }

    @Test
    void someoneWhoBlockedThePageAndIsAnsweredWithCode2LooksLikeAPassingFailure() {
        sandbox.personWrites("psid-1", "hi");
        sandbox.blocksAnsweredUnexpectedly("psid-1");

        SendOutcome.Failed failed = failed(graph.send("psid-1", Message.text("a"), MessageKind.UPDATE, REF));

        assertThat(failed.reason()).contains("temporary").contains("HTTP 500, code 2");
        assertThat(failed.retryAfter()).as("Graph says nothing of when; the outbox backs off").isEmpty();
        sandbox.blocks("psid-1", false);
        assertThat(graph.send("psid-1", Message.text("b"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());
    }

    @Test
    void mapsGraphErrorCodesToOutcomes() {
        GraphSendApi probe = new GraphSendApi(new MessengerConfig(sandbox.base + "/probe", null, "probe-page-token", "s", "v"));

        sandbox.probeAnswersGraphError(400, 551, 1545041, "This person isn't available right now.");
        assertThat(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF)).isInstanceOf(SendOutcome.Unreachable.class);

        sandbox.probeAnswersGraphError(400, 200, 1545041, "Message failed to send because the person is unavailable");
        assertThat(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF)).isInstanceOf(SendOutcome.Unreachable.class);

        sandbox.probeAnswersGraphError(400, 10, null, "This message is sent outside of allowed window.");
        assertThat(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.OutsideWindow());

        sandbox.probeAnswersGraphError(400, 200, 2018108, "outside the window for a non-subscription message");
        assertThat(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.OutsideWindow());

        sandbox.probeAnswersGraphError(400, 613, null, "Calls to this api have exceeded the rate limit.");
        assertThat(failed(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF)).retryAfter())
                .as("a throttle without Retry-After still waits").contains(GraphSendApi.DEFAULT_RATE_LIMIT_WAIT);

        assertThat(failed(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF)).reason())
                .as("the page pauses after a throttle").contains("backing off");

        GraphSendApi fresh = new GraphSendApi(new MessengerConfig(sandbox.base + "/probe", null, "probe-page-token",
                "s", "v"));
        sandbox.probeAnswersGraphError(400, 100, null, "(#100) Param message[text] must be a non-empty string");
        assertThat(fresh.send("p", Message.text("x"), MessageKind.UPDATE, REF)).as("refused for good")
                .isInstanceOfSatisfying(SendOutcome.Refused.class, refused -> assertThat(refused.reason())
                        .contains("100"));
    }

    @Test
    void theAppsDailyCallsPerEngagedPersonRunOutWithCode4AndNoRetryAfter() {
        ManualClock clock = new ManualClock(Instant.parse("2026-06-01T12:00:00Z"));
        GraphSendApi paced = sandbox.graph(clock);
        sandbox.personWrites("psid-1", "hi");
        sandbox.dailyLimit(2);

        assertThat(paced.send("psid-1", Message.text("1"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());
        assertThat(paced.send("psid-1", Message.text("2"), MessageKind.UPDATE, REF)).isEqualTo(new SendOutcome.Sent());
        SendOutcome.Failed spent = failed(paced.send("psid-1", Message.text("3"), MessageKind.UPDATE, REF));
        assertThat(spent.reason()).contains("code 4").contains("Application request limit reached");
        assertThat(spent.retryAfter()).as("Graph gives no Retry-After; the page waits its own pause")
                .contains(GraphSendApi.DEFAULT_RATE_LIMIT_WAIT);
        assertThat(sandbox.inbox("psid-1")).hasSize(2);
    }

    @Test
    void aRetryAfterDateIsReadAsAWait() {
        GraphSendApi probe = new GraphSendApi(new MessengerConfig(sandbox.base + "/probe", null, "probe-page-token", "s", "v"));
        sandbox.probeAnswersGraphError(429, 4, null, "(#4) Application request limit reached");
        sandbox.probeHeaders = Map.of("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT");

        Optional<Duration> wait = failed(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF)).retryAfter();

        assertThat(wait).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    void aNonJsonErrorPageIsAPassingFailure() {
        GraphSendApi probe = new GraphSendApi(new MessengerConfig(sandbox.base + "/probe", null, "probe-page-token", "s", "v"));
        sandbox.probeStatus = 502;
        sandbox.probeContentType = "text/html";
        sandbox.probeBody = "<html><body>Bad Gateway</body></html>";

        SendOutcome.Failed failed = failed(probe.send("p", Message.text("x"), MessageKind.UPDATE, REF));

        assertThat(failed.reason()).contains("HTTP 502");
        assertThat(failed.retryAfter()).isEmpty();
    }

    @Test
    void refusesToStartWithoutAPageToken() {
        assertThatThrownBy(() -> new GraphSendApi(MessengerConfig.of(null, "s", "v")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphSendApi(MessengerConfig.of(" ", "s", "v")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

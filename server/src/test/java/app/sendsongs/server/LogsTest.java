package app.sendsongs.server;

import app.sendsongs.core.shared.Platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.testsupport.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's log in both formats: one event line per webhook call and per message, with the fields an operator
 * filters by, and never a token, a secret, an id or what a person wrote.
 */
class LogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_SECRET = "logs-test-app-secret-4417";
    private static final String VERIFY_TOKEN = "logs-test-verify-token-9321";
    private static final String PAGE_TOKEN = "logs-test-page-token-5562";
    /** What the people write: none of it may reach the log. */
    private static final String PRIVATE_NOTE = "meet me at the blue door 7731";
    private static final String PRIVATE_NAME = "Zelda Quintessa";

    @TempDir
    Path dir;

    @AfterEach
    void backToText() {
        Logging.configure("text");
    }

    @Test
    void jsonLinesCarryTheEventFieldsAtTheTopLevelAndNothingPrivate() throws IOException {
        Logging.configure("json");
        String log = logOfAConversation();

        List<JsonNode> lines = log.lines().filter(line -> line.startsWith("{")).map(LogsTest::parse).toList();
        assertThat(lines).as(log).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line.has("time") && line.has("level")
                && line.has("logger") && line.has("message")).as(line.toString()).isTrue());
        List<JsonNode> events = lines.stream().filter(line -> line.path("logger").asText().equals(EventLog.LOGGER))
                .toList();
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("platform").asText()).isEqualTo("messenger");
            assertThat(event.path("kind").asText()).isEqualTo("webhook");
            assertThat(event.path("outcome").asText()).isEqualTo("accepted");
            assertThat(event.path("events").asInt()).isEqualTo(1);
            assertThat(event.path("status").asInt()).isEqualTo(200);
            assertThat(event.path("duration_ms").isNumber()).isTrue();
        });
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("kind").asText()).isEqualTo("message");
            assertThat(event.path("input").asText()).isEqualTo("text");
            assertThat(event.path("command").asText()).isEqualTo("send_song");
            assertThat(event.path("outcome").asText()).isEqualTo("handled");
            assertThat(event.path("level").asText()).isEqualTo("INFO");
        });
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("kind").asText()).isEqualTo("webhook");
            assertThat(event.path("outcome").asText()).isEqualTo("bad_signature");
            assertThat(event.path("status").asInt()).isEqualTo(403);
            assertThat(event.path("level").asText()).isEqualTo("WARN");
        });
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("kind").asText()).isEqualTo("verify");
            assertThat(event.path("outcome").asText()).isEqualTo("refused");
        });
        assertNothingPrivate(log);
    }

    @Test
    void textLinesCarryTheSameFieldsAsKeyValuePairsAndNothingPrivate() {
        Logging.configure("text");
        String log = logOfAConversation();

        assertThat(log.lines().filter(line -> line.contains(EventLog.LOGGER)))
                .anySatisfy(line -> assertThat(line).contains("webhook accepted", "platform=\"messenger\"",
                        "kind=\"webhook\"", "outcome=\"accepted\"", "events=\"1\"", "duration_ms="))
                .anySatisfy(line -> assertThat(line).contains("message handled", "command=\"send_song\""))
                .anySatisfy(line -> assertThat(line).contains("WARN", "outcome=\"bad_signature\"", "status=\"403\""));
        assertNothingPrivate(log);
    }

    @Test
    void aStopSaysWhenItBeginsAndWhenItHasEnded() {
        try (LogCapture capture = new LogCapture()) {
            Demo demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("stop.db").toString(),
                    "TICK_SECONDS", "3600"));
            demo.close();

            assertThat(capture.text()).contains("stopping: taking no new requests, finishing what was acknowledged")
                    .containsPattern("stopped in \\d+ ms");
        }
    }

    @Test
    void anUnknownLogFormatIsRefusedByName() {
        assertThatThrownBy(() -> Logging.configure("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LOG_FORMAT must be text or json, not xml");
    }

    @Test
    void anEventWordThatIsNotAWordIsWrittenAsAQuestionMark() {
        try (LogCapture capture = new LogCapture()) {
            EventLog.event(Platform.MESSENGER, "message").word("command", PRIVATE_NOTE).info("handled", EventLog.start());
            assertThat(capture.text()).contains("command=\"?\"").doesNotContain(PRIVATE_NOTE);
        }
        assertThat(EventLog.commandOf("send_song name:\"" + PRIVATE_NAME + "\" https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"))
                .isEqualTo("send_song");
        assertThat(EventLog.commandOf("add_to_group Family Bob")).isEqualTo("add_to_group");
        assertThat(EventLog.commandOf(PRIVATE_NOTE)).isEqualTo("invalid");
        assertThatThrownBy(() -> EventLog.event(Platform.MESSENGER, "message").count("Not A Word", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Two people register and one sends the other a song with a private note, through the running server's
     * routes; a forged webhook call and a wrong verify token come in too. Returns what was logged meanwhile.
     */
    private String logOfAConversation() {
        try (LogCapture capture = new LogCapture();
             Demo demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("logs.db").toString(),
                     "MESSENGER_APP_SECRET", APP_SECRET, "MESSENGER_VERIFY_TOKEN", VERIFY_TOKEN,
                     "MESSENGER_PAGE_ACCESS_TOKEN", PAGE_TOKEN, "TICK_SECONDS", "3600"))) {
            SandboxClient sandbox = new SandboxClient(demo.baseUrl());
            sandbox.register("alice-psid-8812", "alice-sp", "Alice Smith");
            sandbox.register("zelda-psid-3390", "zelda-sp", PRIVATE_NAME);
            String track = sandbox.trackIds().get(2);
            sandbox.ask("alice-psid-8812", "send_song name:\"" + PRIVATE_NAME + "\" pre:\"" + PRIVATE_NOTE
                    + "\" https://open.spotify.com/track/" + track);
            String forged = "{\"object\":\"page\",\"entry\":[]}";
            assertThat(sandbox.postWebhook(forged, SandboxClient.sign(forged, "not-the-secret")).status()).isEqualTo(403);
            assertThat(sandbox.get("/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").status())
                    .isEqualTo(403);
            assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();
            return capture.text();
        }
    }

    private static void assertNothingPrivate(String log) {
        assertThat(log).doesNotContain(PRIVATE_NOTE, PRIVATE_NAME, "Zelda", "alice-psid-8812", "zelda-psid-3390",
                APP_SECRET, VERIFY_TOKEN, PAGE_TOKEN, "open.spotify.com/track");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}

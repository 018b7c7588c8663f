package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot against Graph as Graph behaves, over HTTP: throttling (HTTP 400, code 32, no {@code Retry-After}) pauses
 * the page's sends and loses nothing; quick reply titles Graph would refuse are never sent.
 */
class GraphRealismEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";

    private Demo demo;
    private SandboxClient sandbox;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void throttledSendsArriveLaterAndTheBotDoesNotKeepKnocking() {
        String track = sandbox.trackIds().get(2);
        int bobsBefore = sandbox.inbox("bob").size();
        limits("{\"calls\":1,\"window_ms\":600000}");
        sandbox.ask("alice", "hi"); // the page's one call in this window

        sandbox.say("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        demo.server().awaitWebhookIdle(Duration.ofSeconds(20));

        assertThat(sandbox.inbox("bob")).hasSize(bobsBefore);
        assertThat(limitsNow().path("throttled").asLong()).as("one refusal paused the page: no call since")
                .isEqualTo(1);

        limits("{\"calls\":300,\"window_ms\":1000}");
        sandbox.advanceSeconds(61);

        List<String> bobs = sandbox.awaitInbox("bob", inbox -> inbox.size() >= bobsBefore + 2);
        assertThat(bobs.subList(bobsBefore, bobs.size())).hasSize(2).first().asString()
                .startsWith("🎵 Alice Smith sent you a song: ");
        assertThat(sandbox.awaitMessage("alice", text -> text.startsWith("Their chat app didn't take")).getLast())
                .contains("I'll keep trying");
        assertThat(limitsNow().path("throttled").asLong()).isEqualTo(1);
    }

    @Test
    void graphRefusesAQuickReplyTitleOverTwentyCharactersAndTheBotNeverSendsOne() {
        String tooLong = "{\"recipient\":{\"id\":\"alice\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":"
                + "\"Which one?\",\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Bartholomew Fisher-Marsh\","
                + "\"payload\":\"1\"}]}}";
        SandboxClient.Response refused = sandbox.post("/sandbox/graph/v25.0/me/messages?access_token=sandbox-page-token",
                tooLong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("message").asText())
                .isEqualTo("(#100) Length of param message[quick_replies][0][title] must be less than or equal to 20");

        sandbox.register("bart1", "bart1-sp", "Bartholomew Fisher-Marsh");
        sandbox.register("bart2", "bart2-sp", "Bartholomew Fisher-Marsh");
        sandbox.ask("alice", "send_song name:\"Bartholomew Fisher-Marsh\" " + LINK + sandbox.trackIds().get(3));

        JsonNode replies = sandbox.lastSent("alice").path("quick_replies");
        assertThat(replies).isNotEmpty();
        for (List<JsonNode> inbox : List.of(sandbox.messages("alice"), sandbox.messages("bob"))) {
            for (JsonNode message : inbox) {
                for (JsonNode reply : message.path("message").path("quick_replies")) {
                    assertThat(reply.path("title").asText().length()).as(reply.toString()).isLessThanOrEqualTo(20);
                }
            }
        }
    }

    private void limits(String body) {
        assertThat(sandbox.post("/sandbox/messenger/limits", body).status()).isEqualTo(200);
    }

    private JsonNode limitsNow() {
        return sandbox.get("/sandbox/messenger/limits").json();
    }

}

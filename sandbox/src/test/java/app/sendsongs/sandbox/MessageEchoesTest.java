package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulated Messenger echoes the page's own messages to the bot, as Messenger does, only when the app is
 * subscribed to {@code message_echoes}; the subscription is made through the Graph API's
 * {@code subscribed_apps} edge with the page token.
 */
class MessageEchoesTest {
    private static final String TOKEN = "access_token=sandbox-page-access-token";
    private static final String MESSAGES = "/sandbox/graph/v25.0/me/messages?" + TOKEN;
    private static final String SUBSCRIBE = "/sandbox/graph/v25.0/me/subscribed_apps?" + TOKEN
            + "&subscribed_fields=messages,messaging_postbacks,message_echoes";
    private final SandboxHarness h = new SandboxHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void withoutTheSubscriptionNoEchoIsSent() throws Exception {
        personWrites("psid-1");

        assertThat(send("psid-1", "{\"text\":\"hello\",\"metadata\":\"ref-1\"}").status()).isEqualTo(200);
        Thread.sleep(300);

        assertThat(echoes()).isEmpty();
        assertThat(h.get("/sandbox/graph/v25.0/me/subscribed_apps?" + TOKEN).json().path("data").get(0)
                .path("subscribed_fields")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("messages", "messaging_postbacks", "messaging_referrals");
    }

    @Test
    void subscribedToMessageEchoesEveryMessageSentIsEchoedWithItsMetadataAndMid() {
        assertThat(h.post(SUBSCRIBE, "").json().path("success").asBoolean()).isTrue();
        personWrites("psid-1");

        String mid = send("psid-1", "{\"text\":\"hello\",\"metadata\":\"ref-1\"}").json().path("message_id").asText();
        send("psid-1", "{\"text\":\"no metadata\"}");

        List<JsonNode> echoes = awaitEchoes(2);
        JsonNode first = echoes.getFirst();
        assertThat(first.path("sender").path("id").asText()).isEqualTo("100000000000001");
        assertThat(first.path("recipient").path("id").asText()).isEqualTo("psid-1");
        assertThat(first.path("message").path("is_echo").asBoolean()).isTrue();
        assertThat(first.path("message").path("app_id").asLong()).isEqualTo(MessageEchoes.APP_ID);
        assertThat(first.path("message").path("metadata").asText()).isEqualTo("ref-1");
        assertThat(first.path("message").path("mid").asText()).isEqualTo(mid);
        assertThat(first.path("message").path("text").asText()).isEqualTo("hello");
        assertThat(echoes.get(1).path("message").has("metadata")).isFalse();
        assertThat(h.webhooks).allSatisfy(call -> assertThat(call.signature()).startsWith("sha256="));
    }

    @Test
    void anEchoTheBotDoesNotTakeIsDeliveredAgain() {
        h.post(SUBSCRIBE, "");
        personWrites("psid-1");
        h.webhookStatus = 503;

        send("psid-1", "{\"text\":\"hello\",\"metadata\":\"ref-1\"}");
        awaitEchoes(1);
        h.webhookStatus = 200;

        List<JsonNode> echoes = awaitEchoes(2);
        assertThat(echoes).extracting(e -> e.path("message").path("metadata").asText()).containsOnly("ref-1");
    }

    @Test
    void theSubscriptionIsCheckedAsGraphChecksIt() {
        assertThat(h.post("/sandbox/graph/v25.0/me/subscribed_apps?" + TOKEN, "").json().path("error")
                .path("code").asInt()).isEqualTo(100);
        assertThat(h.post("/sandbox/graph/v25.0/me/subscribed_apps?" + TOKEN + "&subscribed_fields=messages,mail", "")
                .json().path("error").path("message").asText()).contains("subscribed_fields[1]");
        assertThat(h.post("/sandbox/graph/v25.0/999/subscribed_apps?" + TOKEN + "&subscribed_fields=messages", "")
                .status()).isEqualTo(400);
        assertThat(h.post("/sandbox/graph/v25.0/me/subscribed_apps?access_token=wrong&subscribed_fields=messages", "")
                .json().path("error").path("code").asInt()).isEqualTo(190);
        assertThat(h.post("/sandbox/graph/v25.0/100000000000001/subscribed_apps?" + TOKEN
                + "&subscribed_fields=message_echoes", "").status()).isEqualTo(200);
    }

    /** A thread that ends its last task can still be alive for a moment after its executor says it terminated. */
    @Test
    void closeReturnsOnceTheEchoesThreadHasEnded() {
        for (int i = 0; i < 200; i++) {
            Set<Thread> before = echoThreads();
            MessageEchoes echoes = new MessageEchoes(() -> "http://127.0.0.1:9/webhook", new WebhookSigner("secret"),
                    "100000000000001");

            echoes.close();

            assertThat(echoThreads()).as("close %d", i).isSubsetOf(before);
        }
    }

    private static Set<Thread> echoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("messenger-echoes"))
                .collect(Collectors.toSet());
    }

    @Test
    void metadataLongerThanGraphTakesIsRefused() {
        personWrites("psid-1");

        SandboxHarness.Response refused = send("psid-1", "{\"text\":\"x\",\"metadata\":\"" + "m".repeat(1001) + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").path("message").asText()).contains("message[metadata]");
    }

    private void personWrites(String psid) {
        h.post("/sandbox/messenger/send", Map.of("from", psid, "text", "hi"));
        h.webhooks.clear();
    }

    private SandboxHarness.Response send(String psid, String message) {
        return h.post(MESSAGES, "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":\"RESPONSE\","
                + "\"message\":" + message + "}");
    }

    private List<JsonNode> echoes() {
        return h.webhooks.stream().flatMap(call -> StreamSupport.stream(call.json().path("entry").spliterator(), false))
                .flatMap(entry -> StreamSupport.stream(entry.path("messaging").spliterator(), false))
                .filter(event -> event.path("message").path("is_echo").asBoolean()).toList();
    }

    private List<JsonNode> awaitEchoes(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (echoes().size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(echoes()).hasSizeGreaterThanOrEqualTo(count);
        return echoes();
    }
}

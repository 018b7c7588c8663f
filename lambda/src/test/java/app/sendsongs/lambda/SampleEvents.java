package app.sendsongs.lambda;

import app.sendsongs.sandbox.WebhookSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The sample events under {@code src/test/resources/events}: API Gateway HTTP API requests in payload format 2.0
 * (the documented shape, with the headers API Gateway, Facebook and browsers really send) and the EventBridge
 * Scheduler input of the tick.
 */
final class SampleEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The app secret that signed {@code webhook-post.json}, and the verify token of {@code webhook-verify.json}. */
    static final String SAMPLE_APP_SECRET = "sample-app-secret";
    static final String SAMPLE_VERIFY_TOKEN = "sample-verify-token";

    private SampleEvents() {
    }

    static ObjectNode load(String name) {
        try (InputStream in = SampleEvents.class.getResourceAsStream("/events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code webhook-post.json} as Messenger would send it at {@code at}: its entry and event dated then (events
     * older than the bot's dedupe window are ignored) and signed again with {@link #SAMPLE_APP_SECRET}.
     */
    static ObjectNode webhookPostAt(Instant at) {
        ObjectNode event = load("webhook-post");
        String body = event.get("body").asText().replace("1764064800000", Long.toString(at.toEpochMilli()))
                .replace("1764064799871", Long.toString(at.toEpochMilli()));
        event.put("body", body);
        ((ObjectNode) event.get("headers")).put("x-hub-signature-256",
                new WebhookSigner(SAMPLE_APP_SECRET).sign(body.getBytes(StandardCharsets.UTF_8)));
        return event;
    }

    static byte[] bytes(JsonNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

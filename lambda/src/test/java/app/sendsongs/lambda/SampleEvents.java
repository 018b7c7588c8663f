package app.sendsongs.lambda;

import app.sendsongs.sandbox.WebhookSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

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

    /** A person's text message as one of Messenger's messaging events: sender, {@code mid} and text. */
    record Said(String psid, String mid, String text) {
    }

    /** Messenger's webhook body for text messages: one entry of the sample page, the messages in order. */
    static String messengerBody(long timeMillis, List<Said> messages) {
        ObjectNode root = JSON.createObjectNode().put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject().put("id", "100000000000001").put("time", timeMillis);
        ArrayNode messaging = entry.putArray("messaging");
        for (Said said : messages) {
            ObjectNode event = messaging.addObject();
            event.putObject("sender").put("id", said.psid());
            event.putObject("recipient").put("id", "100000000000001");
            event.put("timestamp", timeMillis);
            event.putObject("message").put("mid", said.mid()).put("text", said.text());
        }
        return root.toString();
    }

    /** The sample webhook POST carrying {@code body} instead, signed with the sample app secret as Facebook signs. */
    static ObjectNode signedWebhookPost(String body) {
        ObjectNode post = load("webhook-post");
        post.put("body", body);
        ObjectNode headers = (ObjectNode) post.get("headers");
        headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        headers.remove("x-hub-signature");
        headers.put("x-hub-signature-256",
                new WebhookSigner(SAMPLE_APP_SECRET).sign(body.getBytes(StandardCharsets.UTF_8)));
        return post;
    }

    static byte[] bytes(JsonNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

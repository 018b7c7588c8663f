package app.sendsongs.messenger;

import app.sendsongs.core.chat.InboundMessage;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Messenger webhook body into the texts people sent. Every entry and every messaging event is read; what the
 * bot does not use is skipped without complaint: events without {@code message} ({@code read}, {@code delivery},
 * reactions...), echoes of the page's own messages, messages without text (attachments only, stickers) and unknown
 * fields. A postback with a payload becomes a text holding the button's title.
 */
public final class WebhookParser {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookParser.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Clock clock;

    public WebhookParser() {
        this(Clock.systemUTC());
    }

    /** {@code clock} dates an event that carries no timestamp at all (never seen in practice). */
    public WebhookParser(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws MalformedWebhookException when the body is not a JSON object with an {@code object} field, or its
     *                                    {@code entry} or {@code messaging} is not an array; a well-formed event of
     *                                    another object than {@code page} gives no messages, not an error
     */
    public List<InboundMessage> parse(byte[] body) {
        JsonNode root = readTree(body);
        JsonNode object = root.get("object");
        if (object == null || !object.isTextual()) {
            throw new MalformedWebhookException("the webhook body has no \"object\" field: not a Messenger webhook");
        }
        if (!"page".equals(object.asText())) {
            // a well-formed event of another subscription (instagram, user...): answer 200, or Messenger retries
            LOG.debug("webhook for object {} ignored", object.asText());
            return List.of();
        }
        List<InboundMessage> messages = new ArrayList<>();
        for (JsonNode entry : array(root, "entry", "the webhook body")) {
            if (!entry.isObject()) {
                throw new MalformedWebhookException("a webhook entry is not a JSON object");
            }
            Optional<Instant> entryTime = millis(entry.path("time"));
            for (JsonNode event : array(entry, "messaging", "a webhook entry")) {
                if (!event.isObject()) {
                    continue;
                }
                Instant at = millis(event.path("timestamp")).or(() -> entryTime).orElseGet(clock::instant);
                event(event, at).ifPresent(messages::add);
            }
        }
        return messages;
    }

    private static Optional<InboundMessage> event(JsonNode event, Instant at) {
        String sender = text(event.path("sender").path("id"));
        if (sender == null) {
            return Optional.empty();
        }
        JsonNode message = event.path("message");
        if (message.isObject()) {
            if (message.path("is_echo").asBoolean(false)) {
                return Optional.empty();
            }
            String mid = text(message.path("mid"));
            String text = text(message.path("text"));
            if (mid == null || text == null || text.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new InboundMessage(mid, sender, text, at));
        }
        JsonNode postback = event.path("postback");
        if (postback.isObject() && postback.hasNonNull("payload")) {
            String title = text(postback.path("title"));
            if (title == null || title.isBlank()) {
                return Optional.empty();
            }
            String mid = text(postback.path("mid"));
            if (mid == null) {
                // older postbacks carry no mid; this id is stable across redeliveries of the same event
                mid = "postback:" + sender + ":" + at.toEpochMilli();
            }
            return Optional.of(new InboundMessage(mid, sender, title, at));
        }
        return Optional.empty();
    }

    /** The array {@code field} of {@code parent}; absent or null reads as empty. */
    private static Iterable<JsonNode> array(JsonNode parent, String field, String what) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new MalformedWebhookException(what + " has \"" + field + "\" that is not an array");
        }
        return node;
    }

    private static JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedWebhookException("the webhook body is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("the webhook body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedWebhookException("the webhook body could not be read", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("the webhook body is not a JSON object");
        }
        return root;
    }

    private static String text(JsonNode node) {
        return node.isTextual() || node.isNumber() ? node.asText() : null;
    }

    private static Optional<Instant> millis(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.asLong()));
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(node.asText().trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

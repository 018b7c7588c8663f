package app.sendsongs.messenger;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboundBatch;
import app.sendsongs.core.shared.ChatAddress;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Messenger webhook body into what people did, as the core's {@link Inbound} events:
 * <ul>
 *   <li>a message with text is {@link Inbound.Text}; one that carries {@code quick_reply.payload} is a tap on a
 *       quick reply, {@link Inbound.ChoiceTapped} (its text is the title the person saw); a link shared with the
 *       page (a {@code fallback} attachment, as another app's share sheet sends it) is read as text too, after any
 *       text the message has;</li>
 *   <li>a {@code postback} (a button of a template, the persistent menu, "Get Started") is
 *       {@link Inbound.ButtonTapped}, unless it carries a {@code referral}: that is the first contact of someone
 *       who came through an {@code m.me} link, {@link Inbound.OpenedLink} with the link's {@code ref};</li>
 *   <li>a {@code referral} (someone already in the conversation opened an {@code m.me} link) is
 *       {@link Inbound.OpenedLink}.</li>
 * </ul>
 * The echo of a message the bot sent ({@code message.is_echo}, when the app is subscribed to
 * {@code message_echoes}) gives the id the bot sent with it as {@code metadata}, which confirms the message went
 * out (see {@link InboundBatch#echoedMessageIds()}).
 * A message without text or a shared link (a photo, a voice message, a sticker...) is {@link Inbound.Unreadable},
 * named as the bot says it back, but the like (the thumbs-up button, a sticker read as the text {@value #LIKE}).
 * Every entry and every messaging event is read; what the bot does not use is skipped without complaint: echoes
 * (never a person's message, whatever they carry) without the bot's metadata, {@code read}, {@code delivery},
 * reactions, opt-ins, {@code standby} (events for another app of the page), events without a usable sender,
 * and unknown fields. The event id is Messenger's {@code mid}; a postback without one and a referral (which has
 * none) get an id made from the sender, the timestamp and the payload or ref, the same on every redelivery.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messages">messages:
 * a fallback attachment when a person shares a URL</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messaging_postbacks">messaging_postbacks</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messaging_referrals">messaging_referrals</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/message-echoes">message_echoes</a>
 */
public final class WebhookParser {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookParser.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The like's sticker in its three sizes (a tap, a longer press, the longest). */
    private static final Set<String> LIKE_STICKERS = Set.of("369239263222822", "369239343222814", "369239383222810");
    /** What a like is read as: a yes to a yes-or-no question, like the emoji typed. */
    static final String LIKE = "👍";

    private static final int MOST_SHARED_LINKS = 5;
    private static final int LONGEST_SHARED_LINK = 2_000;

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
     *                                    another object than {@code page} gives no events, not an error
     */
    public InboundBatch parse(byte[] body) {
        JsonNode root = readTree(body);
        JsonNode object = root.get("object");
        if (object == null || !object.isTextual()) {
            throw new MalformedWebhookException("the webhook body has no \"object\" field: not a Messenger webhook");
        }
        if (!"page".equals(object.asText())) {
            // a well-formed event of another subscription (instagram, user...): answer 200, or Messenger retries
            LOG.debug("webhook for object {} ignored", object.asText());
            return InboundBatch.of(List.of());
        }
        List<Inbound> events = new ArrayList<>();
        List<String> echoes = new ArrayList<>();
        for (JsonNode entry : array(root, "entry", "the webhook body")) {
            if (!entry.isObject()) {
                throw new MalformedWebhookException("a webhook entry is not a JSON object");
            }
            Optional<Instant> entryTime = millis(entry.path("time"));
            for (JsonNode event : array(entry, "messaging", "a webhook entry")) {
                if (!event.isObject()) {
                    continue;
                }
                JsonNode message = event.path("message");
                if (message.isObject() && message.path("is_echo").asBoolean(false)) {
                    echoedId(message).ifPresent(echoes::add);
                    continue;
                }
                Instant at = millis(event.path("timestamp")).or(() -> entryTime).orElseGet(clock::instant);
                event(event, at).ifPresent(events::add);
            }
        }
        return new InboundBatch(events, echoes);
    }

    /**
     * The id the bot sent with one of its messages ({@code metadata}, see {@link GraphSendApi}), from the
     * echo of it; empty for an echo without one (a message a person sent from the page's inbox, or
     * another app's without metadata) or with one longer than Messenger allows.
     */
    private static Optional<String> echoedId(JsonNode message) {
        String metadata = text(message.path("metadata"));
        if (metadata == null || metadata.isBlank() || metadata.length() > GraphSendApi.MAX_METADATA) {
            return Optional.empty();
        }
        return Optional.of(metadata);
    }

    private static Optional<Inbound> event(JsonNode event, Instant at) {
        Optional<ChatAddress> from = sender(event);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        JsonNode message = event.path("message");
        if (message.isObject()) {
            return message(message, from.get(), at);
        }
        JsonNode postback = event.path("postback");
        if (postback.isObject()) {
            return postback(postback, from.get(), at);
        }
        JsonNode referral = event.path("referral");
        if (referral.isObject()) {
            String ref = textOrEmpty(referral.path("ref"));
            return Optional.of(new Inbound.OpenedLink(derivedId("referral", from.get(), at, ref), from.get(), at, ref));
        }
        return Optional.empty();
    }

    /** The sender's page-scoped id as an address; empty when it is missing or not a usable id. */
    private static Optional<ChatAddress> sender(JsonNode event) {
        String psid = text(event.path("sender").path("id"));
        if (psid == null || psid.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChatAddress.messenger(psid));
        } catch (IllegalArgumentException e) {
            LOG.debug("webhook event with an unusable sender id skipped: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Inbound> message(JsonNode message, ChatAddress from, Instant at) {
        String mid = text(message.path("mid"));
        if (mid == null || mid.isBlank()) {
            return Optional.empty();
        }
        String text = text(message.path("text"));
        String payload = text(message.path("quick_reply").path("payload"));
        if (payload != null && !payload.isBlank()) {
            return Optional.of(new Inbound.ChoiceTapped(mid, from, at, payload, text == null ? "" : text));
        }
        String withLinks = withSharedLinks(text == null ? "" : text, message);
        if (!withLinks.isBlank()) {
            return Optional.of(new Inbound.Text(mid, from, at, withLinks));
        }
        if (isLike(message)) {
            return Optional.of(new Inbound.Text(mid, from, at, LIKE));
        }
        return unreadable(message).map(what -> new Inbound.Unreadable(mid, from, at, what));
    }

    /**
     * What a message without text or a shared link carries, named as the bot says it back: its first attachment's
     * {@code type} ({@code image}, {@code audio}, {@code video}, {@code file}, {@code sticker}, {@code reel},
     * {@code ig_reel}, {@code post}, {@code ig_post}, {@code fallback} with no link for a share Messenger does not
     * support, and {@code location} with its {@code coordinates}); a sticker whatever the type it comes as (an image
     * with a {@code sticker_id} until August 2026), a GIF as an image whose file is one. Empty for a message with no
     * attachment (a blank text).
     *
     * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messages">messages:
     * the attachment types, and a fallback with no payload for unsupported shares</a>
     */
    private static Optional<String> unreadable(JsonNode message) {
        JsonNode first = message.path("attachments").path(0);
        if (!first.isObject()) {
            return Optional.empty();
        }
        if (!textOrEmpty(message.path("sticker_id")).isEmpty()
                || !textOrEmpty(first.path("payload").path("sticker_id")).isEmpty()) {
            return Optional.of("sticker");
        }
        return Optional.of(switch (textOrEmpty(first.path("type"))) {
            case "image" -> isGif(textOrEmpty(first.path("payload").path("url"))) ? "GIF" : "photo";
            case "audio" -> "voice message";
            case "video", "reel", "ig_reel" -> "video";
            case "file" -> "file";
            case "sticker" -> "sticker";
            case "location" -> "location";
            case "post", "ig_post" -> "post";
            case "fallback" -> "shared post";
            default -> "attachment";
        });
    }

    /** Whether an image's address is a GIF's: its path, before any query, ends in {@code .gif}. */
    private static boolean isGif(String url) {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)).toLowerCase(Locale.ROOT).endsWith(".gif");
    }

    /**
     * Whether the message is Messenger's like: the thumbs-up button beside the composer sends it as a sticker of one of
     * three sizes, not as text. Its id is the message's {@code sticker_id} and its attachment's {@code payload.sticker_id}
     * (an attachment of {@code type} {@code image} until August 2026, of {@code type} {@code sticker} since June 2026).
     *
     * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/changelog/">Changelog,
     * 1 June 2026: the sticker attachment type in webhooks</a>
     */
    private static boolean isLike(JsonNode message) {
        if (LIKE_STICKERS.contains(textOrEmpty(message.path("sticker_id")))) {
            return true;
        }
        for (JsonNode attachment : message.path("attachments")) {
            if (LIKE_STICKERS.contains(textOrEmpty(attachment.path("payload").path("sticker_id")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text, or when it holds no link, the text with the links of the message's {@code fallback} attachments: a
     * link shared from another app's share sheet comes as such an attachment, with no text or with the comment typed
     * beside it (since webhook v6.0 the link is the attachment's {@code payload.url}; before, and in echoes, its own
     * {@code url}, through Facebook's link redirect {@code l.facebook.com/l.php?u=}). A text that holds a link already
     * has the attachment only as its preview. At most {@value #MOST_SHARED_LINKS} links of at most
     * {@value #LONGEST_SHARED_LINK} characters are read.
     */
    private static String withSharedLinks(String text, JsonNode message) {
        if (text.contains("://") || text.contains("spotify:")) {
            return text;
        }
        StringBuilder whole = new StringBuilder(text.strip());
        int read = 0;
        for (JsonNode attachment : message.path("attachments")) {
            String url = Optional.ofNullable(text(attachment.path("payload").path("url")))
                    .orElse(textOrEmpty(attachment.path("url"))).strip();
            if (read == MOST_SHARED_LINKS || !"fallback".equals(text(attachment.path("type"))) || url.isEmpty()
                    || url.length() > LONGEST_SHARED_LINK) {
                continue;
            }
            whole.append(whole.isEmpty() ? "" : " ").append(FacebookRedirect.target(url));
            read++;
        }
        return whole.toString();
    }

    private static Optional<Inbound> postback(JsonNode postback, ChatAddress from, Instant at) {
        String mid = text(postback.path("mid"));
        JsonNode referral = postback.path("referral");
        if (referral.isObject()) {
            String ref = textOrEmpty(referral.path("ref"));
            String id = mid == null || mid.isBlank() ? derivedId("postback", from, at, ref) : mid;
            return Optional.of(new Inbound.OpenedLink(id, from, at, ref));
        }
        String payload = text(postback.path("payload"));
        if (payload == null || payload.isBlank()) {
            return Optional.empty();
        }
        String id = mid == null || mid.isBlank() ? derivedId("postback", from, at, payload) : mid;
        return Optional.of(new Inbound.ButtonTapped(id, from, at, payload, textOrEmpty(postback.path("title"))));
    }

    /**
     * An id for an event Messenger gives none: the kind and a hash of the sender, the time and the payload or ref,
     * so a redelivery gets the same id, and the stored id holds neither the person's id nor a long payload.
     */
    static String derivedId(String kind, ChatAddress from, Instant at, String payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((from.id() + "\n" + at.toEpochMilli() + "\n" + payload)
                    .getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
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

    private static String textOrEmpty(JsonNode node) {
        String text = text(node);
        return text == null ? "" : text;
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

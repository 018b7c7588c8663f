package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the emulated Messenger: who has written to the page and when (the 24-hour window), what the
 * bot sent to each person (their inbox), and the webhook deliveries of what people do to the bot: write a
 * text, share a link from another app, tap a quick reply, tap a postback button, open an {@code m.me} link. Each
 * of these opens the person's 24-hour window, as on Messenger.
 *
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages">messages</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messaging_postbacks">messaging_postbacks</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messaging_referrals">messaging_referrals</a>
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/message-echoes">message_echoes</a>
 */
public final class MessengerEmulator {
    private static final Logger LOG = LoggerFactory.getLogger(MessengerEmulator.class);
    /** The field that makes Messenger echo the page's own messages to the webhook. */
    public static final String MESSAGE_ECHOES = "message_echoes";
    /** What an app is subscribed to when nobody said otherwise: what people do, not the page's echoes. */
    public static final Set<String> DEFAULT_FIELDS = Set.of("messages", "messaging_postbacks", "messaging_referrals");
    /** The Messenger webhook fields a page subscription may name. */
    static final Set<String> KNOWN_FIELDS = Set.of("messages", "messaging_postbacks", "messaging_optins",
            "message_deliveries", "message_reads", "messaging_referrals", "message_echoes", "messaging_handovers",
            "standby", "message_reactions", "messaging_account_linking", "messaging_policy_enforcement",
            "messaging_feedback");

    /**
     * A message the bot sent to a person through the Send API: {@code message} is the Send API's {@code message}
     * object exactly as sent, {@code text} what it shows as text (for a template: its titles, subtitles and text,
     * one a line). {@code tag} is null unless MESSAGE_TAG.
     */
    public record InboxMessage(String text, JsonNode message, String messagingType, String tag, Instant at,
                               String messageId) {
        public InboxMessage {
            message = message.deepCopy();
        }

        @Override
        public JsonNode message() {
            return message.deepCopy();
        }
    }

    /**
     * The outcome of a person's action: the {@code mid} of the webhook event (null for an opened link, which
     * has none), the bot's HTTP status (0 when it could not be reached) and an error description (null when the
     * bot answered 200).
     */
    public record Delivery(String mid, int botStatus, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final SandboxConfig config;
    private final ManualClock clock;
    private final WebhookSigner signer;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Runnable::run) // as the bot's adapters: no pool thread between the selector and the caller
            .build();
    private volatile String botWebhookUrl;
    private volatile Supplier<Optional<String>> getStartedPayload = Optional::empty;
    private final ConcurrentHashMap<String, Instant> lastInbound = new ConcurrentHashMap<>();
    /** Guards the engaged count and every change of {@link #lastInbound}. */
    private final Object engagedLock = new Object();
    /** The count of {@link #engaged} since this instant ({@code null}: not counted yet). */
    private Instant engagedSince;
    private int engagedCount;
    private final ConcurrentHashMap<String, Profile> profiles = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Set<String> blockedUnexpectedly = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, List<InboxMessage>> inboxes = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final Set<String> subscribedFields = ConcurrentHashMap.newKeySet();
    private final MessageEchoes echoes;

    MessengerEmulator(SandboxConfig config, ManualClock clock) {
        this.config = config;
        this.clock = clock;
        this.signer = new WebhookSigner(config.appSecret());
        this.botWebhookUrl = config.botWebhookUrl();
        this.echoes = new MessageEchoes(() -> this.botWebhookUrl, signer, config.pageId());
        subscribedFields.addAll(DEFAULT_FIELDS);
    }

    /** Stops echoing the page's messages to the bot (a thread of its own that would otherwise outlive the emulator). */
    void close() {
        echoes.close();
    }

    /**
     * The webhook fields the app is subscribed to for the page: what the emulator's people do is posted whatever
     * they are, and the page's own messages are echoed only with {@code message_echoes}. Set through the Graph
     * API ({@code POST /<version>/<page>/subscribed_apps?subscribed_fields=...}) or here.
     */
    public void subscribe(Collection<String> fields) {
        Set<String> unknown = new TreeSet<>(fields);
        unknown.removeAll(KNOWN_FIELDS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown webhook fields: " + unknown);
        }
        subscribedFields.clear();
        subscribedFields.addAll(fields);
    }

    /** The fields subscribed now, sorted. */
    public List<String> subscribedFields() {
        return subscribedFields.stream().sorted().toList();
    }

    public void botWebhookUrl(String url) {
        this.botWebhookUrl = url;
    }

    public String botWebhookUrl() {
        return botWebhookUrl;
    }

    public String pageId() {
        return config.pageId();
    }

    /**
     * A person writes to the page: opens their 24-hour window, builds a signed webhook event and POSTs it to the bot.
     * Never fails exceptionally; a bot that is unreachable or answers non-200 gives a {@link Delivery} with an error.
     */
    public CompletableFuture<Delivery> userSends(String psid, String text) {
        String mid = Ids.messageId();
        return post(psid, mid, event -> event.putObject("message").put("mid", mid).put("text", text));
    }

    /**
     * A person shares a link with the page from another app's share sheet (Spotify's "Share"), with a comment typed
     * beside it or none: a message whose attachment is a {@code fallback} carrying the link as {@code payload.url}, as
     * Messenger sends a shared URL since webhook v6.0 (the {@code messages} webhook reference, which also warns of a
     * fallback with no payload for shares it does not support).
     */
    public CompletableFuture<Delivery> userSharesLink(String psid, String url, String comment) {
        String mid = Ids.messageId();
        return post(psid, mid, event -> {
            ObjectNode message = event.putObject("message").put("mid", mid);
            if (!comment.isBlank()) {
                message.put("text", comment);
            }
            message.putArray("attachments").addObject().put("type", "fallback").putObject("payload").put("url", url);
        });
    }

    /**
     * A person sends a sticker, or taps the like (the thumbs-up button beside the composer), which Messenger sends as
     * a sticker: a message with no text whose one attachment is of {@code type} {@code sticker}, with the image's
     * {@code url} and the {@code sticker_id} in its {@code payload}. That is the shape since the 90-day transition
     * announced in the Messenger Platform's changelog of 1 June 2026
     * (https://developers.facebook.com/documentation/business-messaging/messenger-platform/changelog/), which ended on
     * 30 August 2026; before it the attachment's {@code type} was {@code image}.
     */
    public CompletableFuture<Delivery> userSendsSticker(String psid, long stickerId) {
        String mid = Ids.messageId();
        return post(psid, mid, event -> event.putObject("message").put("mid", mid).putArray("attachments").addObject()
                .put("type", "sticker").putObject("payload")
                .put("url", "https://scontent.xx.fbcdn.net/v/t39.1997-6/" + stickerId + "_n.png")
                .put("sticker_id", stickerId));
    }

    /** The attachment types a person can send with {@link #userSendsAttachment}. */
    public static final Set<String> ATTACHMENT_TYPES = Set.of("image", "audio", "video", "file", "location",
            "fallback");

    /**
     * A person sends something that is no text: a message whose one attachment is of {@code type}, as the
     * {@code messages} webhook reference shows them
     * (https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/messages):
     * {@code image} (a photo or a screenshot; a GIF is an image whose file is a {@code .gif}), {@code audio} (a voice
     * clip), {@code video} and {@code file}, each with its file's {@code payload.url} ({@code url}, or one on
     * Facebook's CDN); {@code location}, a shared place with its {@code payload.coordinates}; {@code fallback} without a
     * payload, as Messenger sends a share it does not support (a post from another app).
     */
    public CompletableFuture<Delivery> userSendsAttachment(String psid, String type, String url) {
        if (!ATTACHMENT_TYPES.contains(type)) {
            throw new IllegalArgumentException("no attachment of type " + type);
        }
        String mid = Ids.messageId();
        return post(psid, mid, event -> {
            ObjectNode attachment = event.putObject("message").put("mid", mid).putArray("attachments").addObject()
                    .put("type", type);
            switch (type) {
                case "location" -> attachment.put("title", "Pinned Location").putObject("payload")
                        .putObject("coordinates").put("lat", 52.3676).put("long", 4.9041);
                case "fallback" -> { }
                default -> attachment.putObject("payload").put("url", url == null || url.isBlank()
                        ? "https://scontent.xx.fbcdn.net/v/t1.15752-9/" + mid.hashCode() + "_n." + extension(type)
                        : url);
            }
        });
    }

    private static String extension(String type) {
        return switch (type) {
            case "image" -> "jpg";
            case "file" -> "pdf";
            default -> "mp4"; // audio clips and videos alike
        };
    }

    /**
     * A person taps a quick reply: Messenger posts the title as their message, with the quick reply's payload
     * in {@code message.quick_reply.payload}.
     */
    public CompletableFuture<Delivery> userTapsQuickReply(String psid, String title, String payload) {
        String mid = Ids.messageId();
        return post(psid, mid, event -> {
            ObjectNode message = event.putObject("message").put("mid", mid).put("text", title);
            message.putObject("quick_reply").put("payload", payload);
        });
    }

    /** A person taps a postback button: a {@code postback} event with the button's title and payload. */
    public CompletableFuture<Delivery> userTapsButton(String psid, String title, String payload) {
        String mid = Ids.messageId();
        return post(psid, mid, event -> event.putObject("postback").put("mid", mid).put("title", title)
                .put("payload", payload));
    }

    /**
     * A person opens {@code https://m.me/<page>?ref=<ref>}. Someone already in the conversation sends a
     * {@code referral} event (which has no {@code mid}); someone who never wrote to the page sees the welcome screen
     * and taps Get Started, when the page has one: a {@code postback} with its payload and the {@code referral}.
     */
    public CompletableFuture<Delivery> userOpensLink(String psid, String ref) {
        Optional<String> getStarted = lastInbound(psid).isEmpty() ? getStartedPayload.get() : Optional.empty();
        if (getStarted.isPresent()) {
            String mid = Ids.messageId();
            return post(psid, mid, event -> {
                ObjectNode postback = event.putObject("postback").put("mid", mid).put("title", "Get Started")
                        .put("payload", getStarted.get());
                referral(postback, ref);
            });
        }
        return post(psid, null, event -> referral(event, ref));
    }

    private static void referral(ObjectNode parent, String ref) {
        parent.putObject("referral").put("ref", ref).put("source", "SHORTLINK").put("type", "OPEN_THREAD");
    }

    /** Where the page's Get Started payload comes from (its Messenger profile); none by default. */
    void getStartedPayload(Supplier<Optional<String>> payload) {
        this.getStartedPayload = payload;
    }

    private CompletableFuture<Delivery> post(String psid, String mid, Consumer<ObjectNode> what) {
        Instant now = clock.instant();
        wrote(psid, now);
        inboxes.computeIfAbsent(psid, k -> new ArrayList<>());
        String url = botWebhookUrl;
        if (url == null || url.isBlank()) {
            return CompletableFuture.completedFuture(new Delivery(mid, 0, "no bot webhook URL is configured"));
        }
        byte[] body = webhookEvent(psid, now, what);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header(WebhookSigner.HEADER, signer.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Delivery(mid, 0, "bad bot webhook URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        LOG.warn("webhook delivery of {} failed: {}", mid, failure.toString());
                        return new Delivery(mid, 0, "bot unreachable: " + failure.getClass().getSimpleName());
                    }
                    int status = response.statusCode();
                    return status == 200 ? new Delivery(mid, 200, null)
                            : new Delivery(mid, status, "bot answered " + status);
                });
    }

    /** The exact bytes Messenger would POST for one messaging event, whose content {@code what} adds. */
    byte[] webhookEvent(String psid, Instant at, Consumer<ObjectNode> what) {
        long ms = at.toEpochMilli();
        ObjectNode root = JsonIo.object();
        root.put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", config.pageId());
        entry.put("time", ms);
        ObjectNode event = entry.putArray("messaging").addObject();
        event.putObject("sender").put("id", psid);
        event.putObject("recipient").put("id", config.pageId());
        event.put("timestamp", ms);
        what.accept(event);
        try {
            return JsonIo.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the person last wrote to the page; empty if never (then the Send API does not know them). */
    /** The name Messenger shows for a person (the User Profile API's {@code first_name} and {@code last_name}). */
    public record Profile(String firstName, String lastName) {
        public Profile {
            firstName = firstName == null ? "" : firstName;
            lastName = lastName == null ? "" : lastName;
        }
    }

    /** From now on the User Profile API gives this name for the person. */
    public void profile(String psid, Profile profile) {
        profiles.put(psid, profile);
    }

    /** The person's name as the User Profile API gives it: the one set, else their id as first name. */
    public Profile profile(String psid) {
        return profiles.getOrDefault(psid, new Profile(psid, ""));
    }

    /** The person blocks ({@code blocks}) or unblocks the page's messages; false when that changed nothing. */
    public boolean block(String psid, boolean blocks) {
        return block(psid, blocks, false);
    }

    /**
     * As {@link #block(String, boolean)}; with {@code unexpected}, the Send API answers their block with code 2, as
     * Graph may do for someone who blocked the page, instead of 551.
     */
    public boolean block(String psid, boolean blocks, boolean unexpected) {
        if (blocks && unexpected) {
            blockedUnexpectedly.add(psid);
        } else {
            blockedUnexpectedly.remove(psid);
        }
        return blocks ? blocked.add(psid) : blocked.remove(psid);
    }

    /** Whether the Send API answers this person's block with code 2 rather than 551. */
    boolean blockAnswersUnexpected(String psid) {
        return blockedUnexpectedly.contains(psid);
    }

    /** Whether the person has blocked the page's messages: then the Send API cannot reach them. */
    public boolean blocked(String psid) {
        return blocked.contains(psid);
    }

    public Optional<Instant> lastInbound(String psid) {
        return Optional.ofNullable(lastInbound.get(psid));
    }

    /**
     * How many people the page can message now: those who wrote within {@code window} of {@code now}. Graph's daily
     * call limit asks on every Send API call, so the count is kept for the last instant asked (the sandbox clock
     * mostly stands still) and kept up to date as people write; it is counted again when the clock has moved.
     */
    int engaged(Instant now, Duration window) {
        Instant since = now.minus(window);
        synchronized (engagedLock) {
            if (!since.equals(engagedSince)) {
                engagedCount = (int) lastInbound.values().stream().filter(at -> at.isAfter(since)).count();
                engagedSince = since;
            }
            return engagedCount;
        }
    }

    /**
     * A person's event that reached the bot without this emulator posting it, such as a webhook body a test signed
     * itself, playing Messenger: as Messenger knows everyone whose messages it delivers, the Send API knows the
     * person from then on and their 24-hour window runs from now, as it does after {@link #userSends}.
     */
    public void deliveredElsewhere(String psid) {
        wrote(psid, clock.instant());
        inboxes.computeIfAbsent(psid, k -> new ArrayList<>());
    }

    private void wrote(String psid, Instant at) {
        synchronized (engagedLock) {
            Instant before = lastInbound.get(psid);
            Instant last = before != null && before.isAfter(at) ? before : at;
            lastInbound.put(psid, last);
            if (engagedSince != null && last.isAfter(engagedSince)
                    && (before == null || !before.isAfter(engagedSince))) {
                engagedCount++;
            }
        }
    }

    InboxMessage deliver(String psid, String text, JsonNode sent, String messagingType, String tag) {
        InboxMessage message = new InboxMessage(text, sent, messagingType, tag, clock.instant(), Ids.messageId());
        List<InboxMessage> inbox = inboxes.computeIfAbsent(psid, k -> new ArrayList<>());
        synchronized (inbox) {
            inbox.add(message);
        }
        delivered.incrementAndGet();
        if (subscribedFields.contains(MESSAGE_ECHOES)) {
            echoes.echo(psid, message);
        }
        return message;
    }

    /** How many messages the bot has sent through the Send API, to everyone: a cheap progress count. */
    public long deliveredCount() {
        return delivered.get();
    }

    /** What the bot sent to the person, oldest first. */
    public List<InboxMessage> inbox(String psid) {
        List<InboxMessage> inbox = inboxes.get(psid);
        if (inbox == null) {
            return List.of();
        }
        synchronized (inbox) {
            return List.copyOf(inbox);
        }
    }

    /** Every known person's inbox, by psid. */
    public Map<String, List<InboxMessage>> inboxes() {
        Map<String, List<InboxMessage>> all = new TreeMap<>();
        inboxes.keySet().forEach(psid -> all.put(psid, inbox(psid)));
        return new LinkedHashMap<>(all);
    }
}

package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emulated Graph API Send endpoint: {@code POST /sandbox/graph/{version}/me/messages?access_token=...}. The
 * {@code message} is checked as {@link GraphMessage} describes; what passes is kept in the person's inbox exactly as
 * sent. Also the User Profile API, {@code GET /sandbox/graph/{version}/{psid}?fields=first_name,last_name}
 * (https://developers.facebook.com/docs/messenger-platform/identity/user-profile): the name set with the control API,
 * for someone who has written to the page.
 */
final class GraphEmulator {
    static final String BASE = "/sandbox/graph";
    static final Duration STANDARD_WINDOW = Duration.ofHours(24);
    static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);
    static final Set<String> TAGS = Set.of("ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "HUMAN_AGENT");
    static final Set<String> SENDER_ACTIONS = Set.of("typing_on", "typing_off", "mark_seen");

    private final SandboxConfig config;
    private final MessengerEmulator messenger;
    private final FaultInjector faults;
    private final ManualClock clock;
    private final GraphThrottle throttle = new GraphThrottle();

    GraphEmulator(SandboxConfig config, MessengerEmulator messenger, FaultInjector faults, ManualClock clock) {
        this.config = config;
        this.messenger = messenger;
        this.faults = faults;
        this.clock = clock;
    }

    void routes(Javalin app) {
        app.post(BASE + "/{version}/me/messages", JsonIo.guarded(this::send));
        app.post(BASE + "/{version}/{page}/subscribed_apps", JsonIo.guarded(this::subscribe));
        app.get(BASE + "/{version}/{page}/subscribed_apps", JsonIo.guarded(this::subscriptions));
        app.get(BASE + "/{version}/{psid}", JsonIo.guarded(this::profile));
    }

    /**
     * {@code POST /<version>/<page>/subscribed_apps?subscribed_fields=a,b} with the page token: the app's webhook
     * fields for the page (the page is {@code me} or its id). Answers {@code {"success":true}}.
     *
     * @see <a href="https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps">Page subscribed apps</a>
     */
    private void subscribe(Context ctx) {
        checkToken(ctx);
        checkPage(ctx);
        String fields = ctx.queryParam("subscribed_fields");
        if (fields == null) {
            fields = ctx.formParam("subscribed_fields");
        }
        if (fields == null || fields.isBlank()) {
            throw error(100, null, "(#100) The parameter subscribed_fields is required");
        }
        List<String> named = java.util.Arrays.stream(fields.split(",")).map(String::strip).toList();
        for (int i = 0; i < named.size(); i++) {
            if (!MessengerEmulator.KNOWN_FIELDS.contains(named.get(i))) {
                throw error(100, null, "(#100) Param subscribed_fields[" + i + "] must be one of {"
                        + String.join(", ", new java.util.TreeSet<>(MessengerEmulator.KNOWN_FIELDS)) + "} - got \""
                        + named.get(i) + "\"");
            }
        }
        messenger.subscribe(named);
        ObjectNode ok = JsonIo.object();
        ok.put("success", true);
        JsonIo.send(ctx, 200, ok);
    }

    /** {@code GET /<version>/<page>/subscribed_apps}: the app and the fields it is subscribed to. */
    private void subscriptions(Context ctx) {
        checkToken(ctx);
        checkPage(ctx);
        ObjectNode body = JsonIo.object();
        ObjectNode app = body.putArray("data").addObject();
        app.put("category", "Business");
        app.put("link", "https://send-songs.example/");
        app.put("name", "Send Songs");
        app.put("id", Long.toString(MessageEchoes.APP_ID));
        messenger.subscribedFields().forEach(app.putArray("subscribed_fields")::add);
        JsonIo.send(ctx, 200, body);
    }

    private void checkPage(Context ctx) {
        String page = ctx.pathParam("page");
        if (!page.equals("me") && !page.equals(config.pageId())) {
            throw error(100, 33, "(#100) Unsupported post request. Object with ID '" + page + "' does not exist, "
                    + "cannot be loaded due to missing permissions, or does not support this operation.");
        }
    }

    /** Fields a page may read of a person who wrote to it without further permissions. */
    private static final Set<String> PROFILE_FIELDS = Set.of("first_name", "last_name", "profile_pic", "id");

    /**
     * A person's profile: the requested fields of someone who has written to the page (first name, last name,
     * profile picture). Someone who has not is unknown to the page: Graph's error 100, subcode 33.
     */
    private void profile(Context ctx) {
        faults.take(FaultInjector.Target.MESSENGER).ifPresent(f -> {
            throw GraphFaults.of(f);
        });
        checkToken(ctx);
        String psid = ctx.pathParam("psid");
        if (messenger.lastInbound(psid).isEmpty()) {
            throw error(100, 33, "Unsupported get request. Object with ID '" + psid + "' does not exist, cannot be "
                    + "loaded due to missing permissions, or does not support this operation. Please read the Graph "
                    + "API documentation at https://developers.facebook.com/docs/graph-api");
        }
        String fields = ctx.queryParam("fields");
        ObjectNode answer = JsonIo.object();
        MessengerEmulator.Profile profile = messenger.profile(psid);
        for (String field : fields == null || fields.isBlank() ? new String[] {"id"} : fields.split(",")) {
            String name = field.strip();
            if (!PROFILE_FIELDS.contains(name)) {
                throw error(100, null, "(#100) Tried accessing nonexisting field (" + name + ") on node type (User)");
            }
            switch (name) {
                case "first_name" -> answer.put("first_name", profile.firstName());
                case "last_name" -> answer.put("last_name", profile.lastName());
                case "profile_pic" -> answer.put("profile_pic", "https://platform-lookaside.fbsbx.com/platform/"
                        + "profilepic/?psid=" + psid);
                default -> { }
            }
        }
        answer.put("id", psid);
        JsonIo.send(ctx, 200, answer);
    }

    private void send(Context ctx) {
        faults.take(FaultInjector.Target.MESSENGER).ifPresent(f -> {
            throw GraphFaults.of(f);
        });
        checkToken(ctx);
        JsonNode body = parse(JsonIo.bodyText(ctx));
        String psid = body.path("recipient").path("id").asText("");
        if (psid.isBlank()) {
            throw error(100, null, "(#100) The parameter recipient is required");
        }
        throttle.call(psid, clock.instant(), () -> messenger.engaged(clock.instant(), STANDARD_WINDOW));
        checkAvailable(psid);
        String senderAction = body.path("sender_action").asText(null);
        if (senderAction != null && !body.has("message")) {
            sendAction(ctx, psid, senderAction);
            return;
        }
        String type = messagingType(body);
        String tag = type.equals("MESSAGE_TAG") ? tag(body) : null;
        JsonNode message = body.get("message");
        String text = GraphMessage.check(message);
        checkWindowFor(psid, type, tag);
        MessengerEmulator.InboxMessage sent = messenger.deliver(psid, text, message, type, tag);
        ObjectNode ok = JsonIo.object();
        ok.put("recipient_id", psid);
        ok.put("message_id", sent.messageId());
        JsonIo.send(ctx, 200, ok);
    }

    /** A sender action (typing on or off, mark seen) goes, as a message does, within the standard window. */
    private void sendAction(Context ctx, String psid, String senderAction) {
        if (!SENDER_ACTIONS.contains(senderAction)) {
            throw error(100, null, "(#100) Param sender_action must be one of {TYPING_ON, TYPING_OFF, MARK_SEEN}");
        }
        Instant last = knownRecipient(psid);
        checkWindow(last, STANDARD_WINDOW);
        ObjectNode ok = JsonIo.object();
        ok.put("recipient_id", psid);
        JsonIo.send(ctx, 200, ok);
    }

    private static String messagingType(JsonNode body) {
        String type = body.path("messaging_type").asText("");
        if (!Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG").contains(type)) {
            throw error(100, null, "(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}"
                    + (type.isEmpty() ? "" : " - got \"" + type + "\""));
        }
        return type;
    }

    private static String tag(JsonNode body) {
        String tag = body.path("tag").asText("");
        if (!TAGS.contains(tag)) {
            throw error(100, null, "(#100) Param tag must be one of {ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, "
                    + "POST_PURCHASE_UPDATE, HUMAN_AGENT}");
        }
        return tag;
    }

    /** A tagged message goes outside the standard window; one tagged HUMAN_AGENT within its own, longer one. */
    private void checkWindowFor(String psid, String type, String tag) {
        Instant last = knownRecipient(psid);
        if (!type.equals("MESSAGE_TAG")) {
            checkWindow(last, STANDARD_WINDOW);
        } else if (tag.equals("HUMAN_AGENT")) {
            checkWindow(last, HUMAN_AGENT_WINDOW);
        }
    }

    /**
     * Someone who blocked the page's messages (or deactivated their account) cannot be sent anything, whatever the
     * window: code 551, subcode 1545041, "This person isn't available right now." (Send API error codes,
     * https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes), or, when the control
     * API says so, code 2 "An unexpected error has occurred", which the common error codes page says a business may
     * also get from a customer who blocked it (https://developers.facebook.com/docs/messenger-platform/error-codes).
     */
    private void checkAvailable(String psid) {
        if (messenger.blocked(psid) && messenger.blockAnswersUnexpected(psid)) {
            throw GraphFaults.unexpected();
        }
        if (messenger.blocked(psid)) {
            throw error(551, 1545041, "This person isn't available right now.");
        }
    }

    private Instant knownRecipient(String psid) {
        return messenger.lastInbound(psid)
                .orElseThrow(() -> error(100, 2018001, "(#100) No matching user found"));
    }

    private void checkWindow(Instant lastInbound, Duration window) {
        if (clock.instant().isAfter(lastInbound.plus(window))) {
            throw error(10, 2018278, "(#10) This message is sent outside of allowed window.");
        }
    }

    /** The page token, from {@code access_token} or a bearer header, or Graph's error 190. */
    void checkToken(Context ctx) {
        String token = ctx.queryParam("access_token");
        if (token == null) {
            String header = ctx.header("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = header.substring(7).trim();
            }
        }
        if (token == null || token.isBlank()) {
            throw error(190, null, "An active access token must be used to query information about the current user.");
        }
        if (!token.equals(config.pageAccessToken())) {
            throw error(190, null, "Invalid OAuth access token - Cannot parse access token");
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JsonIo.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw error(100, null, "(#100) The parameter recipient is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw error(100, null, "(#100) The parameter recipient is required");
        }
    }

    /** A Graph error: {@code {"error":{"message","type":"OAuthException","code","error_subcode"?,"fbtrace_id"}}}, status 400. */
    static HttpProblem error(int code, Integer subcode, String message) {
        return new HttpProblem(400, errorBody(code, subcode, message, false));
    }

    /** Graph's throttling answer: HTTP 400, transient, and no {@code Retry-After}. */
    static HttpProblem throttled(int code, String message) {
        return new HttpProblem(400, errorBody(code, null, message, true));
    }

    /** The Send API's rate limits ({@link GraphThrottle}). */
    GraphThrottle throttle() {
        return throttle;
    }

    static ObjectNode errorBody(int code, Integer subcode, String message, boolean transientError) {
        ObjectNode body = JsonIo.object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", "OAuthException");
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (transientError) {
            error.put("is_transient", true);
        }
        error.put("fbtrace_id", Ids.fbtrace());
        return body;
    }
}

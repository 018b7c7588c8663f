package app.sendsongs.messenger;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messenger as the bot's chat platform, through the Send API:
 * {@code POST <graph>/<version>/me/messages?access_token=<page token>}. A message is rendered as
 * {@link SendApiMessages} describes (text, quick replies, a generic template for a song card); a message of text
 * and card takes two calls, whose one outcome is the first that is not {@link SendOutcome.Sent}. A person's name
 * comes from the User Profile API ({@code GET <graph>/<version>/<psid>?fields=first_name,last_name}).
 *
 * <p>Throttling (Graph's codes 4, 17, 32, 613, 80006, HTTP 400 without {@code Retry-After}) pauses every send of the
 * page for a while ({@link SendApiBackoff}); the core holds what could not go and sends it when the pause is over.
 *
 * <p>The page token travels in the query string, so the request URI is never logged nor put in a reason or
 * exception message; any text that comes back from the network is scrubbed of the token before it is shown.
 */
public final class GraphSendApi implements ChatPlatform {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Wait used for a first rate limit that did not say how long (then doubled while it lasts). */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = SendApiBackoff.FIRST;
    /** The longest text of one message, in UTF-16 units (the core's split counts the same way). */
    static final int MAX_TEXT = 2000;
    /** The longest {@code message.metadata} the Send API takes. */
    static final int MAX_METADATA = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(GraphSendApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Graph error codes for throttling: app, user, page and Messenger-specific limits. */
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 80006);
    /** Subcodes that mean "outside the 24-hour window" (with code 10 or 200). */
    private static final Set<Integer> OUTSIDE_WINDOW_SUBCODES = Set.of(2018278, 2018108, 2018065);
    private static final int CODE_UNAVAILABLE = 551;
    private static final int CODE_INVALID_PARAMETER = 100;
    private static final int SUBCODE_NO_MATCHING_USER = 2018001;
    private static final int SUBCODE_PERSON_UNAVAILABLE = 1545041;
    private static final int CODE_BAD_TOKEN = 190;
    private static final int CODE_PERMISSION = 200;
    /**
     * Graph's codes for a failure worth trying again whatever the HTTP status: unknown (1), unexpected (2) and
     * "Temporary send message failure" (1200), per the Send API error codes page
     * (https://developers.facebook.com/docs/messenger-platform/reference/send-api/error-codes).
     */
    private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2, 1200);

    private final MessengerConfig config;
    private final HttpClient http;
    private final URI endpoint;
    private final SendApiBackoff backoff;

    public GraphSendApi(MessengerConfig config) {
        this(config, Clock.systemUTC());
    }

    /** Backing off from throttling by {@code clock} (the bot's own, so a test or the demo can move it). */
    public GraphSendApi(MessengerConfig config, Clock clock) {
        this(config, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), clock);
    }

    /** With a client of the caller's choosing (shared by every send of this adapter). */
    public GraphSendApi(MessengerConfig config, HttpClient http) {
        this(config, http, Clock.systemUTC());
    }

    public GraphSendApi(MessengerConfig config, HttpClient http, Clock clock) {
        if (config.pageAccessToken() == null || config.pageAccessToken().isBlank()) {
            throw new IllegalArgumentException("the page access token must be set");
        }
        this.config = config;
        this.http = http;
        this.endpoint = URI.create(config.sendApiEndpoint() + "?access_token="
                + URLEncoder.encode(config.pageAccessToken(), StandardCharsets.UTF_8));
        this.backoff = new SendApiBackoff(clock);
    }

    @Override
    public Platform platform() {
        return Platform.MESSENGER;
    }

    @Override
    public int maxTextLength() {
        return MAX_TEXT;
    }

    /** Quick replies, generic templates and postback and link buttons are all rendered. */
    @Override
    public boolean showsRichMessages() {
        return true;
    }

    /** A text and a card are two Send API calls: the core hands them over as two parts. */
    @Override
    public boolean sendsCardApart() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code https://m.me/<page>?ref=<ref>}: opening it sends the bot a {@code referral} event (or, on a first
     * contact, the Get Started postback with the referral), which opens the person's 24-hour window.
     *
     * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/discovery/m-me-links">m.me links</a>
     */
    @Override
    public Optional<String> conversationLink(String ref) {
        if (config.page() == null) {
            return Optional.empty();
        }
        return Optional.of("https://m.me/" + config.page() + "?ref=" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
    }

    /** {@inheritDoc} <p>{@code https://m.me/<page>}, which opens the conversation with the page. */
    @Override
    public Optional<String> chatLink() {
        return config.page() == null ? Optional.empty() : Optional.of("https://m.me/" + config.page());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The core's {@code reference} goes as {@code message.metadata} of the last Send API call of the message;
     * Messenger gives it back in the echo of that message (to an app subscribed to {@code message_echoes}), which
     * {@link WebhookParser} reads, so a message the core could not record as sent is not sent again.
     * See <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events/message-echoes">message_echoes</a>.
     *
     * <p>A message with a text and a card is sent as two messages, the text first; if the text is not sent, the
     * card is not tried. If the text went and the card did not, the card's outcome is the answer: a caller that
     * sends it again sends the text twice. The core never does: it hands a text and a card over as two parts, each
     * recorded as sent on its own (see {@code ChatPlatforms.parts}). The card is fitted to Messenger's limits before the
     * text goes, so what can still fail after the text is a passing failure, not a refusal of the card.
     *
     * @throws IllegalArgumentException without calling Graph when there is no recipient or message, or a text of
     *                                  more than {@value #MAX_TEXT} characters (UTF-16 units, as the core's
     *                                  {@code MessageText.split} counts them): Graph would refuse it every time, so
     *                                  it is the caller's mistake, not a failure to retry
     */
    @Override
    public SendOutcome send(String psid, Message message, MessageKind kind, String reference) {
        if (psid == null || psid.isBlank()) {
            throw new IllegalArgumentException("a message needs a recipient PSID");
        }
        if (message == null) {
            throw new IllegalArgumentException("a message is needed");
        }
        if (message.text().length() > MAX_TEXT) {
            throw new IllegalArgumentException("a message carries at most " + MAX_TEXT + " characters, this one has "
                    + message.text().length() + ": split it first");
        }
        if (reference == null || reference.isBlank() || reference.length() > MAX_METADATA) {
            throw new IllegalArgumentException("a message needs the core's reference of it, at most " + MAX_METADATA
                    + " characters");
        }
        Optional<Duration> pausing = backoff.remaining();
        if (pausing.isPresent()) {
            return new SendOutcome.Failed("rate limited: backing off after Graph throttled the page", pausing);
        }
        List<ObjectNode> parts = SendApiMessages.render(message);
        // Only the last call carries the reference: its echo must mean the whole message went.
        parts.getLast().put("metadata", reference);
        for (int i = 0; i < parts.size(); i++) {
            SendOutcome outcome = post(body(psid, parts.get(i), kind));
            if (!(outcome instanceof SendOutcome.Sent)) {
                if (i > 0) {
                    LOG.warn("Send API: the text went but the card did not; the whole message will be sent again");
                }
                return outcome;
            }
        }
        return new SendOutcome.Sent();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The User Profile API (https://developers.facebook.com/docs/messenger-platform/identity/user-profile): the
     * first and last name of someone who has written to the page. Empty, with a log line, when Graph refuses or does
     * not answer.
     */
    @Override
    public Optional<String> displayName(String psid) {
        if (psid == null || psid.isBlank()) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.profileEndpoint(psid)
                        + "?fields=first_name,last_name&access_token="
                        + URLEncoder.encode(config.pageAccessToken(), StandardCharsets.UTF_8)))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                LOG.info("User Profile API gave no name ({})", describe(response.statusCode(),
                        GraphError.parse(response.body())));
                return Optional.empty();
            }
            JsonNode profile = JSON.readTree(response.body());
            String name = (profile.path("first_name").asText("") + " " + profile.path("last_name").asText("")).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            LOG.info("User Profile API unreachable or unreadable: {}{}", e.getClass().getSimpleName(),
                    scrubbedMessage(e));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private SendOutcome post(String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            LOG.warn("Send API did not answer in time ({})", e.getClass().getSimpleName());
            return new SendOutcome.Failed("the Send API did not answer in time");
        } catch (IOException e) {
            String why = e.getClass().getSimpleName() + scrubbedMessage(e);
            LOG.warn("Send API unreachable: {}", why);
            return new SendOutcome.Failed("the Send API could not be reached: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Failed("interrupted while sending");
        }
        return outcome(response);
    }

    private static String body(String psid, ObjectNode message, MessageKind kind) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("recipient").put("id", psid);
        root.put("messaging_type", kind.name());
        root.set("message", message);
        return root.toString();
    }

    private SendOutcome outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            backoff.succeeded();
            return new SendOutcome.Sent();
        }
        GraphError error = GraphError.parse(response.body());
        Optional<Duration> retryAfter = retryAfter(response);
        String detail = describe(status, error);

        if (error.code() == CODE_BAD_TOKEN) {
            LOG.error("the Graph API refused the page access token ({}): check MESSENGER_PAGE_ACCESS_TOKEN", detail);
            return new SendOutcome.Failed("the page access token was refused (" + detail + ")");
        }
        if (error.outsideWindow()) {
            LOG.debug("Send API: outside the messaging window ({})", detail);
            return new SendOutcome.OutsideWindow();
        }
        if (error.recipientUnreachable()) {
            LOG.info("Send API: recipient unreachable ({})", detail);
            return new SendOutcome.Unreachable(detail);
        }
        if (error.code() == CODE_INVALID_PARAMETER) {
            LOG.warn("Send API refused the message as invalid ({})", detail);
            return new SendOutcome.Refused(detail);
        }
        return failure(status, error, detail, retryAfter);
    }

    /** Any other refusal, as a failure: a rate limit, a missing permission, a temporary failure or a rejection. */
    private SendOutcome failure(int status, GraphError error, String detail, Optional<Duration> retryAfter) {
        if (status == 429 || RATE_LIMIT_CODES.contains(error.code())) {
            Duration wait = backoff.throttled(retryAfter);
            LOG.warn("Send API rate limit ({}); no sends for {} s", detail, wait.toSeconds());
            return new SendOutcome.Failed("rate limited: " + detail, Optional.of(wait));
        }
        if (error.code() == CODE_PERMISSION) {
            LOG.error("the Graph API refused a permission of the page ({}): check the app's pages_messaging "
                    + "permission and the page token's", detail);
            return new SendOutcome.Failed("the page lacks a permission (" + detail + ")", retryAfter);
        }
        if (status >= 500 || TEMPORARY_CODES.contains(error.code())) {
            LOG.warn("Send API temporary failure ({})", detail);
            return new SendOutcome.Failed("temporary Graph API failure: " + detail, retryAfter);
        }
        LOG.warn("Send API rejected the message ({})", detail);
        return new SendOutcome.Failed("the Send API rejected the message: " + detail, retryAfter);
    }

    private String describe(int status, GraphError error) {
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        if (error.code() != GraphError.NONE) {
            s.append(", code ").append(error.code());
        }
        if (error.subcode() != GraphError.NONE) {
            s.append('/').append(error.subcode());
        }
        if (error.message() != null) {
            s.append(": ").append(scrub(error.message()));
        }
        if (error.fbtraceId() != null) {
            s.append(" [fbtrace_id ").append(scrub(error.fbtraceId())).append(']');
        }
        return s.toString();
    }

    private String scrubbedMessage(Throwable e) {
        return e.getMessage() == null ? "" : ": " + scrub(e.getMessage());
    }

    /** Removes the page token, raw or URL-encoded, from text that may be logged. */
    private String scrub(String text) {
        String token = config.pageAccessToken();
        String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        String s = text.replace(token, "<redacted>");
        if (!encoded.equals(token)) {
            s = s.replace(encoded, "<redacted>");
        }
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** {@code Retry-After} in seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, Instant.now()));
    }

    /** {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}; fields absent when not sent. */
    record GraphError(String message, String type, int code, int subcode, String fbtraceId) {
        static final int NONE = -1;

        static GraphError parse(String body) {
            if (body == null || body.isBlank()) {
                return new GraphError(null, null, NONE, NONE, null);
            }
            try {
                JsonNode error = JSON.readTree(body).path("error");
                return new GraphError(
                        error.path("message").isValueNode() ? error.path("message").asText() : null,
                        error.path("type").isValueNode() ? error.path("type").asText() : null,
                        error.path("code").asInt(NONE),
                        error.path("error_subcode").asInt(NONE),
                        error.path("fbtrace_id").isValueNode() ? error.path("fbtrace_id").asText() : null);
            } catch (IOException | RuntimeException e) {
                return new GraphError(null, null, NONE, NONE, null);
            }
        }

        /** The person last wrote more than the messaging window ago. */
        boolean outsideWindow() {
            return (code == 10 || code == 200) && (OUTSIDE_WINDOW_SUBCODES.contains(subcode)
                    || (message != null && message.contains("outside of allowed window")));
        }

        /** The person cannot be reached: unavailable, or no longer matching this page. */
        boolean recipientUnreachable() {
            return code == CODE_UNAVAILABLE || subcode == SUBCODE_PERSON_UNAVAILABLE
                    || (code == CODE_INVALID_PARAMETER && subcode == SUBCODE_NO_MATCHING_USER);
        }
    }
}

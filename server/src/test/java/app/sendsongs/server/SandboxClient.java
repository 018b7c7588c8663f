package app.sendsongs.server;

import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Drives a running demo only through HTTP, as an outside test suite would: the bot's routes and
 * the sandbox control API (through {@link SandboxControl}).
 */
final class SandboxClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("id=\"registration-code\">([^<]+)<");
    private static final Pattern PERSONAL_LINK = Pattern.compile("https?://\\S+/connect/\\w+\\?link=[A-Za-z0-9_.-]+");
    private static final Pattern FORM_STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    record Response(int status, String body, HttpHeaderView headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    record HttpHeaderView(java.net.http.HttpHeaders headers) {
        String location() {
            return headers.firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
        }
    }

    /** How long to wait for the bot to handle a message before failing the test. */
    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(10);

    private final String base;
    /** Keeps cookies like the browser a person connects in: the connect round trip is bound to it. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager()).build();
    private final SandboxControl control;

    SandboxClient(String base) {
        this.base = base;
        this.control = new SandboxControl(base);
    }

    String base() {
        return base;
    }

    // people on Messenger

    /**
     * The person writes to the bot; the sandbox signs the webhook event and posts it. Returns the mid
     * as soon as the bot has acknowledged the event, usually before it has handled it.
     */
    String say(String psid, String text) {
        return control.say(psid, text).path("mid").asText();
    }

    /**
     * Says something and waits until the bot has answered it. The bot answers every message once,
     * after the messages it releases to that person, and handles one person's messages in order:
     * so once this returns, this message and every earlier one from the person are fully handled.
     */
    List<String> ask(String psid, String text) {
        int before = inbox(psid).size();
        say(psid, text);
        List<String> after = awaitInbox(psid, inbox -> inbox.size() > before);
        return after.subList(before, after.size());
    }

    /** Says something and waits for {@code messages} messages in answer (a text and a card are two). */
    List<String> ask(String psid, String text, int messages) {
        int before = inbox(psid).size();
        say(psid, text);
        List<String> after = awaitInbox(psid, inbox -> inbox.size() >= before + messages);
        return after.subList(before, after.size());
    }

    /** Polls the person's inbox until it satisfies {@code condition}; fails after {@link #PATIENCE}. */
    List<String> awaitInbox(String psid, Predicate<List<String>> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> inbox = inbox(psid);
        while (!condition.test(inbox)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for the bot; " + psid + "'s inbox: "
                        + inbox);
            }
            pause();
            inbox = inbox(psid);
        }
        return inbox;
    }

    /** Waits until one of the messages the person got matches; returns the whole inbox. */
    List<String> awaitMessage(String psid, Predicate<String> matching) {
        return awaitInbox(psid, inbox -> inbox.stream().anyMatch(matching));
    }

    /**
     * Waits until the person got a song whose text matches and the card that comes after that text (a wait for the
     * text alone can end before the card is sent); returns the whole inbox.
     */
    List<String> awaitSong(String psid, Predicate<String> text) {
        return awaitInbox(psid, inbox -> inbox.stream().limit(Math.max(0, inbox.size() - 1)).anyMatch(text));
    }

    /** Everything the bot has sent this person, oldest first. */
    List<String> inbox(String psid) {
        return control.inbox(psid);
    }

    /** What the bot sent the person, oldest first: each with its {@code text} and the Send API {@code message}. */
    List<JsonNode> messages(String psid) {
        List<JsonNode> messages = new java.util.ArrayList<>();
        control.inboxMessages(psid).forEach(messages::add);
        return messages;
    }

    /** The Send API {@code message} of the last message the person got. */
    JsonNode lastSent(String psid) {
        List<JsonNode> messages = messages(psid);
        if (messages.isEmpty()) {
            throw new AssertionError(psid + " has no messages");
        }
        return messages.getLast().path("message");
    }

    /** The last message of text (not a card) the person got; a song comes as such a text, then its card. */
    String lastText(String psid) {
        List<JsonNode> messages = messages(psid);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).path("message").has("text")) {
                return messages.get(i).path("message").path("text").asText();
            }
        }
        throw new AssertionError(psid + " has no text messages");
    }

    /** The person taps a quick reply of the bot's last message; returns what the bot answered. */
    List<String> tap(String psid, String payload) {
        return tapQuickReply(psid, "payload", payload);
    }

    /** As {@link #tap}, the quick reply found by its title. */
    List<String> tapTitled(String psid, String title) {
        return tapQuickReply(psid, "title", title);
    }

    private List<String> tapQuickReply(String psid, String field, String value) {
        String title = null;
        String payload = null;
        for (JsonNode reply : lastSent(psid).path("quick_replies")) {
            if (reply.path(field).asText().equals(value)) {
                title = reply.path("title").asText();
                payload = reply.path("payload").asText();
            }
        }
        if (title == null) {
            throw new AssertionError("no quick reply " + value + " under " + lastSent(psid));
        }
        int before = inbox(psid).size();
        control.tapQuickReply(psid, title, payload);
        List<String> after = awaitInbox(psid, inbox -> inbox.size() > before);
        return after.subList(before, after.size());
    }

    /** The person taps a postback button of the card they got last; returns what the bot answered. */
    List<String> tapButton(String psid, String title) {
        JsonNode card = lastCard(psid);
        for (JsonNode button : card.path("buttons")) {
            if (button.path("title").asText().equals(title) && button.path("type").asText().equals("postback")) {
                int before = inbox(psid).size();
                control.tapButton(psid, title, button.path("payload").asText());
                List<String> after = awaitInbox(psid, inbox -> inbox.size() > before);
                return after.subList(before, after.size());
            }
        }
        throw new AssertionError("no postback button " + title + " on " + card);
    }

    /** The element of the last generic template the person got. */
    JsonNode lastCard(String psid) {
        List<JsonNode> messages = messages(psid);
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode payload = messages.get(i).path("message").path("attachment").path("payload");
            if (payload.path("template_type").asText().equals("generic")) {
                return payload.path("elements").get(0);
            }
        }
        throw new AssertionError(psid + " got no card");
    }

    String lastMessage(String psid) {
        List<String> inbox = inbox(psid);
        if (inbox.isEmpty()) {
            throw new AssertionError(psid + " has no messages");
        }
        return inbox.getLast();
    }

    // registration

    /** The whole connect round trip as Spotify user {@code spotifyUser}; returns the one-time code. */
    String connectSpotify(String spotifyUser) {
        Response connect = get("/connect");
        check(connect, 302);
        String authorize = connect.headers().location();
        Response consent = getAbsolute(authorize + "&sandbox_user=" + spotifyUser);
        check(consent, 302);
        Response callback = getAbsolute(consent.headers().location());
        check(callback, 200);
        Matcher code = CODE.matcher(callback.body());
        if (!code.find()) {
            throw new AssertionError("no registration code on the callback page: " + callback.body());
        }
        return code.group(1);
    }

    /** Connects Spotify and registers the person under {@code name}; returns the bot's welcome. */
    String register(String psid, String spotifyUser, String name) {
        String code = connectSpotify(spotifyUser);
        List<String> replies = ask(psid, "register code:\"" + code + "\" name:\"" + name + "\"");
        if (replies.isEmpty()) {
            throw new AssertionError("no reply to register");
        }
        return replies.getLast();
    }

    /**
     * The person asks the bot to connect {@code source} and goes through the personal link it sent, as
     * {@code account} there (Spotify's or Last.fm's consent, or pasting the ListenBrainz user token of that user);
     * the page they end on.
     */
    Response connectOwn(String psid, String source, String account) {
        List<String> replies = ask(psid, "connect " + source);
        Matcher link = PERSONAL_LINK.matcher(replies.getLast());
        if (!link.find()) {
            throw new AssertionError("no personal link in " + replies);
        }
        return consentThrough(link.group(), source, account);
    }

    /** Opens a connect link (personal or not) and goes through the source's consent as {@code account}. */
    Response consentThrough(String connectUrl, String source, String account) {
        Response start = getAbsolute(connectUrl);
        if (source.equals("listenbrainz")) {
            check(start, 200);
            return paste(start, control.listenBrainzToken(account));
        }
        check(start, 302);
        Response consent = getAbsolute(start.headers().location() + "&sandbox_user=" + account);
        check(consent, 302);
        return getAbsolute(consent.headers().location());
    }

    /** Posts the paste page's form with {@code token}, from the page's own origin as a browser does. */
    Response paste(Response pastePage, String token) {
        Matcher state = FORM_STATE.matcher(pastePage.body());
        if (!state.find()) {
            throw new AssertionError("no state on the paste page: " + pastePage.body());
        }
        return postForm("/callback/listenbrainz", "state=" + encode(state.group(1).replace("&amp;", "&"))
                + "&token=" + encode(token), base);
    }

    /** A form post, with an {@code Origin} header when {@code origin} is not null. */
    Response postForm(String path, String form, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    /** The people's browsers share nothing: this one starts with no cookie. */
    SandboxClient inAnotherBrowser() {
        return new SandboxClient(base);
    }

    SandboxControl control() {
        return control;
    }

    // Spotify

    List<String> trackIds() {
        return control.trackIds();
    }

    /** A catalogue track: {@code id}, {@code name}, {@code artists}, {@code duration_ms}, ... */
    JsonNode track(String id) {
        for (JsonNode track : control.tracks()) {
            if (track.path("id").asText().equals(id)) {
                return track;
            }
        }
        throw new AssertionError("no track " + id);
    }

    void play(String spotifyUser, String trackId) {
        control.play(spotifyUser, trackId);
    }

    void playAt(String spotifyUser, String trackId, String isoTime) {
        control.playAt(spotifyUser, trackId, java.time.Instant.parse(isoTime));
    }

    // clock and faults

    java.time.Instant now() {
        return control.now();
    }

    void advanceSeconds(long seconds) {
        control.advanceSeconds(seconds);
    }

    void advanceMinutes(long minutes) {
        advanceSeconds(minutes * 60);
    }

    void fault(String target, int status, int count, int retryAfterSeconds) {
        control.fault(target, status, count, retryAfterSeconds);
    }

    JsonNode spotifyStats() {
        return control.spotifyStats();
    }

    // raw webhook access

    Response postWebhook(String body, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signatureHeader != null) {
            request.header("X-Hub-Signature-256", signatureHeader);
        }
        return send(request);
    }

    static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // plumbing

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Response get(String path) {
        return getAbsolute(base + path);
    }

    Response getAbsolute(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET with an {@code Authorization} header. */
    Response getAuthorized(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), new HttpHeaderView(response.headers()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void check(Response response, int... expected) {
        for (int status : expected) {
            if (response.status() == status) {
                return;
            }
        }
        throw new AssertionError("HTTP " + response.status() + ": " + response.body());
    }
}

package app.sendsongs.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of the sandbox control API (documented in {@code sandbox/README.md}): what people do on Messenger and
 * Spotify, the sandbox clock and injected faults. Every test harness drives the sandbox through this one class;
 * an answer other than the documented success fails with the status and body.
 */
public final class SandboxControl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** {@code base} is where the sandbox is served, without the {@code /sandbox} path. */
    public SandboxControl(String base) {
        this.base = base;
    }

    // Messenger

    /** The person writes to the page; the sandbox signs the webhook event and posts it. Returns the answer. */
    public JsonNode say(String psid, String text) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "text", text), 200);
    }

    /** The person taps a quick reply titled {@code title}: a message carrying {@code payload}. Returns the answer. */
    public JsonNode tapQuickReply(String psid, String title, String payload) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "text", title, "quick_reply", payload), 200);
    }

    /** The person taps a postback button. Returns the answer. */
    public JsonNode tapButton(String psid, String title, String payload) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "postback", payload, "title", title), 200);
    }

    /** The person, already in the conversation, opens the page's m.me link with {@code ref}. */
    public JsonNode openLink(String psid, String ref) {
        return post("/sandbox/messenger/send", Map.of("from", psid, "referral", ref), 200);
    }

    /** Every message the bot sent the person, oldest first, as the sandbox lists them. */
    public JsonNode inboxMessages(String psid) {
        return get("/sandbox/messenger/inbox/" + psid);
    }

    /** The texts of {@link #inboxMessages}. */
    public List<String> inbox(String psid) {
        List<String> texts = new ArrayList<>();
        inboxMessages(psid).forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }

    /** Every person's inbox texts, by psid. */
    public Map<String, List<String>> inboxes() {
        Map<String, List<String>> inboxes = new LinkedHashMap<>();
        get("/sandbox/messenger/inbox").properties().forEach(entry -> {
            List<String> texts = new ArrayList<>();
            entry.getValue().forEach(message -> texts.add(message.path("text").asText()));
            inboxes.put(entry.getKey(), texts);
        });
        return inboxes;
    }

    public JsonNode messengerStats() {
        return get("/sandbox/messenger/stats");
    }

    // Spotify

    public List<String> trackIds() {
        List<String> ids = new ArrayList<>();
        get("/sandbox/spotify/tracks").forEach(track -> ids.add(track.path("id").asText()));
        return ids;
    }

    public JsonNode addTrack(Map<String, Object> track) {
        return post("/sandbox/spotify/tracks", track, 200, 201);
    }

    /** The user plays the track now, on the sandbox clock. */
    public void play(String spotifyUser, String trackId) {
        post("/sandbox/spotify/users/" + spotifyUser + "/plays", Map.of("track", trackId), 200, 201);
    }

    public void playAt(String spotifyUser, String trackId, Instant at) {
        post("/sandbox/spotify/users/" + spotifyUser + "/plays", Map.of("track", trackId, "at", at.toString()),
                200, 201);
    }

    /** The user withdraws the app's access in their Spotify account settings. */
    public void revoke(String spotifyUser) {
        post("/sandbox/spotify/users/" + spotifyUser + "/revoke", Map.of(), 200, 204);
    }

    public JsonNode spotifyStats() {
        return get("/sandbox/spotify/stats");
    }

    // clock and faults

    public Instant now() {
        return Instant.parse(get("/sandbox/clock").path("now").asText());
    }

    /** Moves the sandbox clock; the sandbox then runs the bot's due work. */
    public void advanceSeconds(long seconds) {
        post("/sandbox/clock/advance", Map.of("seconds", seconds), 200);
    }

    /** The next {@code count} calls to {@code target} ("messenger", "spotify", ...) fail with {@code status}. */
    public void fault(String target, int status, int count, int retryAfterSeconds) {
        post("/sandbox/faults", Map.of("target", target, "status", status, "count", count,
                "retry_after", retryAfterSeconds), 200, 201);
    }

    /** As {@link #fault(String, int, int, int)}, with the reason the fault's error body gives. */
    public void fault(String target, int status, int count, int retryAfterSeconds, String reason) {
        post("/sandbox/faults", Map.of("target", target, "status", status, "count", count,
                "retry_after", retryAfterSeconds, "reason", reason), 200, 201);
    }

    // plumbing

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path, 200);
    }

    private JsonNode post(String path, Object body, int... expected) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), path, expected);
    }

    private JsonNode send(HttpRequest.Builder request, String path, int... expected) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (java.util.Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
            throw new AssertionError(path + ": HTTP " + response.statusCode() + ": " + response.body());
        }
        try {
            String body = response.body();
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(path + ": not JSON: " + response.body(), e);
        }
    }
}

package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sandbox control API (documented in sandbox/README.md): drive the emulated people, catalogue, clock and faults. */
final class ControlRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final List<String> ENDPOINTS = List.of(SpotifyEmulator.AUTHORIZE, SpotifyEmulator.TOKEN,
            SpotifyEmulator.ME, SpotifyEmulator.TRACKS, SpotifyEmulator.RECENTLY_PLAYED);

    private final MessengerEmulator messenger;
    private final SpotifyEmulator spotify;
    private final FaultInjector faults;
    private final ClockControl clock;
    private final QuickReplyTaps quickReplyTaps = new QuickReplyTaps();

    ControlRoutes(MessengerEmulator messenger, SpotifyEmulator spotify, FaultInjector faults, ClockControl clock) {
        this.messenger = messenger;
        this.spotify = spotify;
        this.faults = faults;
        this.clock = clock;
    }

    void routes(Javalin app) {
        app.post("/sandbox/messenger/send", JsonIo.guarded(this::messengerSend));
        app.get("/sandbox/messenger/inbox/{psid}", JsonIo.guarded(this::inbox));
        app.post("/sandbox/messenger/users/{psid}", JsonIo.guarded(this::messengerProfile));
        app.post("/sandbox/messenger/users/{psid}/block", JsonIo.guarded(ctx -> messengerBlock(ctx, true)));
        app.post("/sandbox/messenger/users/{psid}/unblock", JsonIo.guarded(ctx -> messengerBlock(ctx, false)));
        app.get("/sandbox/messenger/inbox", JsonIo.guarded(this::inboxes));
        app.get("/sandbox/messenger/stats", JsonIo.guarded(ctx -> JsonIo.send(ctx, 200,
                Map.of("delivered", messenger.deliveredCount()))));

        app.get("/sandbox/spotify/tracks", JsonIo.guarded(this::tracks));
        app.post("/sandbox/spotify/tracks", JsonIo.guarded(this::addTracks));
        app.get("/sandbox/spotify/users", JsonIo.guarded(this::users));
        app.post("/sandbox/spotify/users/{id}/plays", JsonIo.guarded(this::play));
        app.get("/sandbox/spotify/users/{id}/plays", JsonIo.guarded(this::plays));
        app.post("/sandbox/spotify/users/{id}/revoke", JsonIo.guarded(this::revoke));
        app.post("/sandbox/spotify/app", JsonIo.guarded(this::app));
        app.get("/sandbox/spotify/app", JsonIo.guarded(this::appState));
        app.post("/sandbox/spotify/app/redirect-uris", JsonIo.guarded(this::redirectUris));
        app.get("/sandbox/spotify/stats", JsonIo.guarded(this::stats));
        app.delete("/sandbox/spotify/stats", JsonIo.guarded(this::resetStats));

        app.post("/sandbox/clock/advance", JsonIo.guarded(this::advance));
        app.get("/sandbox/clock", JsonIo.guarded(ctx -> JsonIo.send(ctx, 200, Map.of("now", clock.now().toString(),
                "run", clock.run()))));

        app.post("/sandbox/faults", JsonIo.guarded(this::addFault));
        app.get("/sandbox/faults", JsonIo.guarded(ctx -> JsonIo.send(ctx, 200, faultQueues())));
        app.delete("/sandbox/faults", JsonIo.guarded(ctx -> {
            faults.clear();
            JsonIo.send(ctx, 200, faultQueues());
        }));
    }

    // ---- Messenger ----

    /**
     * What a person does on Messenger, one of: {@code {"from","text"}} (writes), {@code {"from","text",
     * "quick_reply","newest_seen"?}} (taps a quick reply titled {@code text}, one under the newest message the page
     * sent, or under {@code newest_seen} for a tap that crossed newer ones, and not tapped yet), {@code {"from","postback","title"}} (taps a
     * postback button), {@code {"from","referral"}} (opens an m.me link with that {@code ref}), {@code {"from","share",
     * "text"?}} (shares a link from another app's share sheet, with a comment or none), {@code {"from","sticker"}}
     * (sends the sticker of that id; the like button sends 369239263222822), {@code {"from","attachment","url"?}}
     * (sends no text but an attachment of that type: {@code image}, {@code audio}, {@code video}, {@code file},
     * {@code location} or {@code fallback}, with that file address).
     */
    private void messengerSend(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        String from = requiredText(body, "from");
        if (messenger.blocked(from)) {
            throw HttpProblem.control(409, "person " + from + " has blocked the page; unblock it first");
        }
        checkOneKindOfMessage(body);
        CompletableFuture<MessengerEmulator.Delivery> delivery = personSends(from, body);
        ctx.future(() -> delivery.thenAccept(done -> answerDelivery(ctx, done)));
    }

    private static void checkOneKindOfMessage(JsonNode body) {
        long kinds = Stream.of("text", "postback", "referral", "share", "sticker", "attachment").filter(body::has).count();
        boolean sharedWithComment = kinds == 2 && body.has("share") && body.has("text") && !body.has("quick_reply");
        if (kinds != 1 && !sharedWithComment) {
            throw HttpProblem.control(400, "give exactly one of \"text\" (with \"quick_reply\" for a tap on a quick "
                    + "reply), \"postback\" (with \"title\"), \"referral\", \"share\" (with \"text\" for a comment) "
                    + "\"sticker\" or \"attachment\"");
        }
    }

    /** Passes what the person does, by the kind of message the body holds, to the Messenger emulator. */
    private CompletableFuture<MessengerEmulator.Delivery> personSends(String from, JsonNode body) {
        if (body.has("share")) {
            return sharesLink(from, body);
        } else if (body.has("attachment")) {
            return sendsAttachment(from, body);
        } else if (body.has("sticker")) {
            return messenger.userSendsSticker(from, stickerId(body.get("sticker")));
        } else if (body.has("referral")) {
            return messenger.userOpensLink(from, payload(body, "referral"));
        } else if (body.has("postback")) {
            return messenger.userTapsButton(from, requiredText(body, "title"), payload(body, "postback"));
        } else if (body.has("quick_reply")) {
            return tapsQuickReply(from, body);
        }
        JsonNode text = body.get("text");
        if (!text.isTextual()) {
            throw HttpProblem.control(400, "\"text\" must be a string");
        }
        return messenger.userSends(from, text.asText());
    }

    private CompletableFuture<MessengerEmulator.Delivery> sharesLink(String from, JsonNode body) {
        JsonNode comment = body.path("text");
        if (body.has("text") && !comment.isTextual()) {
            throw HttpProblem.control(400, "\"text\" must be a string");
        }
        return messenger.userSharesLink(from, link(body, "share"), comment.asText(""));
    }

    private CompletableFuture<MessengerEmulator.Delivery> sendsAttachment(String from, JsonNode body) {
        String type = requiredText(body, "attachment");
        if (!MessengerEmulator.ATTACHMENT_TYPES.contains(type)) {
            throw HttpProblem.control(400, "\"attachment\" must be one of " + new TreeSet<>(
                    MessengerEmulator.ATTACHMENT_TYPES));
        }
        String url = body.hasNonNull("url") ? link(body, "url") : null;
        return messenger.userSendsAttachment(from, type, url);
    }

    private CompletableFuture<MessengerEmulator.Delivery> tapsQuickReply(String from, JsonNode body) {
        String title = requiredText(body, "text");
        String payload = payload(body, "quick_reply");
        String newestSeen = body.hasNonNull("newest_seen") ? requiredText(body, "newest_seen") : null;
        quickReplyTaps.tap(from, messenger.inbox(from), payload, newestSeen);
        return messenger.userTapsQuickReply(from, title, payload);
    }

    /** 200 with the message's {@code mid} once the bot's webhook took it, 502 with the error when it did not. */
    private static void answerDelivery(Context ctx, MessengerEmulator.Delivery done) {
        ObjectNode answer = JsonIo.object();
        if (done.mid() != null) {
            answer.put("mid", done.mid());
        }
        if (done.ok()) {
            JsonIo.send(ctx, 200, answer);
        } else {
            answer.put("error", done.error());
            JsonIo.send(ctx, 502, answer);
        }
    }

    /** A sticker's id: Graph's ids are positive numbers, given as a number or as its digits. */
    private static long stickerId(JsonNode sticker) {
        String digits = sticker.isIntegralNumber() || sticker.isTextual() ? sticker.asText() : "";
        if (!digits.matches("[1-9][0-9]{0,17}")) {
            throw HttpProblem.control(400, "\"sticker\" must be a sticker's id, a positive number");
        }
        return Long.parseLong(digits);
    }

    /** The person blocks (or unblocks) the page's messages, as Messenger's "Block messages" does. */
    private void messengerBlock(Context ctx, boolean blocks) {
        String psid = ctx.pathParam("psid");
        if (messenger.lastInbound(psid).isEmpty()) {
            throw HttpProblem.control(404, "person " + psid + " has never written to the page");
        }
        boolean unexpected = blocks && JsonIo.readOptionalBody(ctx).path("answer").asText("").equals("unexpected");
        messenger.block(psid, blocks, unexpected);
        JsonIo.send(ctx, 200, Map.of("psid", psid, "blocked", blocks, "answer", unexpected ? "unexpected"
                : "unavailable"));
    }

    /** {@code {"first_name","last_name"}}: the name the User Profile API gives for the person. */
    private void messengerProfile(Context ctx) {
        String psid = ctx.pathParam("psid");
        JsonNode body = JsonIo.readBody(ctx);
        String first = requiredText(body, "first_name");
        JsonNode last = body.get("last_name");
        if (last != null && !last.isNull() && !last.isTextual()) {
            throw HttpProblem.control(400, "\"last_name\" must be a string");
        }
        if (psid.length() > 128 || first.length() > 256 || (last != null && last.asText().length() > 256)) {
            throw HttpProblem.control(400, "an id is at most 128 characters, a name at most 256");
        }
        MessengerEmulator.Profile profile = new MessengerEmulator.Profile(first,
                last == null || last.isNull() ? "" : last.asText());
        messenger.profile(psid, profile);
        JsonIo.send(ctx, 200, Map.of("psid", psid, "first_name", profile.firstName(), "last_name",
                profile.lastName()));
    }

    /** A tap's payload or a link's ref: a non-empty string of at most Messenger's 1000 characters. */
    private static String payload(JsonNode body, String field) {
        String value = requiredText(body, field);
        if (value.codePointCount(0, value.length()) > GraphMessage.MAX_PAYLOAD) {
            throw HttpProblem.control(400, "\"" + field + "\" must be at most " + GraphMessage.MAX_PAYLOAD
                    + " characters");
        }
        return value;
    }

    /** An absolute http(s) link, as a share sheet shares one. */
    private static String link(JsonNode body, String field) {
        String value = requiredText(body, field);
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw HttpProblem.control(400, "\"" + field + "\" must be an absolute http(s) link");
            }
        } catch (URISyntaxException e) {
            throw HttpProblem.control(400, "\"" + field + "\" must be an absolute http(s) link");
        }
        return value;
    }

    private void inbox(Context ctx) {
        JsonIo.send(ctx, 200, inboxJson(messenger.inbox(ctx.pathParam("psid"))));
    }

    private void inboxes(Context ctx) {
        ObjectNode all = JsonIo.object();
        messenger.inboxes().forEach((psid, messages) -> all.set(psid, inboxJson(messages)));
        JsonIo.send(ctx, 200, all);
    }

    private static ArrayNode inboxJson(List<MessengerEmulator.InboxMessage> messages) {
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        for (MessengerEmulator.InboxMessage m : messages) {
            ObjectNode node = array.addObject();
            node.put("text", m.text());
            node.set("message", m.message());
            node.put("messaging_type", m.messagingType());
            if (m.tag() != null) {
                node.put("tag", m.tag());
            }
            node.put("at", m.at().toString());
            node.put("message_id", m.messageId());
        }
        return array;
    }

    // ---- Spotify ----

    private void tracks(Context ctx) {
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        spotify.catalogue().all().forEach(t -> array.add(t.toJson()));
        JsonIo.send(ctx, 200, array);
    }

    private void addTracks(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        if (nodes.isEmpty()) {
            throw HttpProblem.control(400, "no tracks given");
        }
        List<CatalogueTrack> added = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                added.add(CatalogueTrack.fromJson(nodes.get(i)));
            } catch (IllegalArgumentException e) {
                throw HttpProblem.control(400, (body.isArray() ? "track [" + i + "]: " : "") + e.getMessage());
            }
        }
        spotify.catalogue().add(added);
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        added.forEach(t -> array.add(t.toJson()));
        JsonIo.send(ctx, 200, array);
    }

    private void users(Context ctx) {
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        spotify.users().stream().map(SandboxUser::id).sorted().forEach(array::add);
        JsonIo.send(ctx, 200, array);
    }

    /**
     * {@code {"track"}} or {@code {"local":{"name","artist","duration_ms"?}}}, with {@code "at"} (when the play ended;
     * default: it starts now and ends one track length later) and {@code "delay_s"} (it shows in recently-played that
     * much after it ended; default 0). A play shows only once it has ended, so one with a later {@code "at"} shows
     * then.
     */
    private void play(Context ctx) {
        String userId = userId(ctx);
        JsonNode body = JsonIo.readBody(ctx);
        if (body.has("track") == body.has("local")) {
            throw HttpProblem.control(400, "give exactly one of \"track\" (a catalogue track id) or \"local\" "
                    + "(a file of the person's own: {\"name\",\"artist\",\"duration_ms\"})");
        }
        Instant at = instantField(body, "at");
        Duration delay = Duration.ofSeconds(intField(body, "delay_s", 0, 0));
        ObjectNode answer = JsonIo.object();
        answer.put("user", userId);
        Instant playedAt;
        if (body.has("local")) {
            SandboxUser.LocalTrack local = localTrack(body.get("local"));
            playedAt = spotify.playLocal(userId, local, at, delay);
            answer.putNull("track");
            answer.put("name", local.name());
        } else {
            String track = Ids.trackIdOf(requiredText(body, "track"));
            if (!Ids.isSpotifyId(track)) {
                throw HttpProblem.control(400, "\"track\" must be a 22-character base-62 track id");
            }
            if (!spotify.catalogue().knows(track)) {
                throw HttpProblem.control(404, "unknown track " + track);
            }
            playedAt = spotify.play(userId, track, at, delay);
            answer.put("track", track);
        }
        answer.put("played_at", Times.spotify(playedAt));
        answer.put("visible_at", Times.spotify(playedAt.plus(delay)));
        JsonIo.send(ctx, 200, answer);
    }

    private static SandboxUser.LocalTrack localTrack(JsonNode local) {
        if (!local.isObject()) {
            throw HttpProblem.control(400, "\"local\" must be an object {\"name\",\"artist\",\"duration_ms\"}");
        }
        String name = requiredText(local, "name");
        String artist = requiredText(local, "artist");
        if (name.length() > 1024 || artist.length() > 1024) {
            throw HttpProblem.control(400, "a local file's name and artist are at most 1024 characters");
        }
        return new SandboxUser.LocalTrack(name, artist, intField(local, "duration_ms", 180_000, 1));
    }

    private static Instant instantField(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw HttpProblem.control(400, "\"" + field + "\" must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }

    private void plays(Context ctx) {
        String userId = userId(ctx);
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        List<SandboxUser.Play> plays = spotify.findUser(userId).map(SandboxUser::plays).orElse(List.of());
        for (int i = plays.size() - 1; i >= 0; i--) {
            SandboxUser.Play play = plays.get(i);
            ObjectNode node = array.addObject();
            if (play.local() != null) {
                node.putNull("track");
                node.put("name", play.local().name());
                node.put("local", true);
            } else {
                node.put("track", play.trackId());
                spotify.catalogue().resolve(play.trackId()).ifPresent(r -> node.put("name", r.track().name()));
            }
            node.put("played_at", Times.spotify(play.playedAt()));
            node.put("visible_at", Times.spotify(play.visibleAt()));
        }
        JsonIo.send(ctx, 200, array);
    }

    /** {@code {"user_limit":N}}: development mode, the first N users to consent (null or absent: no limit). */
    private void app(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        JsonNode limit = body.get("user_limit");
        spotify.userLimit(limit == null || limit.isNull() ? null : intField(body, "user_limit", 0, 0));
        appState(ctx);
    }

    /** {@code {"redirect_uris":["https://bot.example/callback"]}}: the app's registered redirect URIs. */
    private void redirectUris(Context ctx) {
        JsonNode uris = JsonIo.readBody(ctx).get("redirect_uris");
        if (uris == null || !uris.isArray() || uris.size() > 50) {
            throw HttpProblem.control(400, "\"redirect_uris\" must be an array of at most 50 URLs");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode uri : uris) {
            if (!uri.isTextual() || uri.asText().length() > 2048) {
                throw HttpProblem.control(400, "each redirect URI must be a string of at most 2048 characters");
            }
            list.add(uri.asText());
        }
        try {
            spotify.redirectUris(list);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.control(400, e.getMessage());
        }
        appState(ctx);
    }

    private void appState(Context ctx) {
        ObjectNode body = JsonIo.object();
        ArrayNode redirects = body.putArray("redirect_uris");
        spotify.redirectUris().forEach(redirects::add);
        spotify.userLimit().ifPresentOrElse(limit -> body.put("user_limit", limit), () -> body.putNull("user_limit"));
        body.put("mode", spotify.userLimit().isPresent() ? "development" : "extended");
        ArrayNode consented = body.putArray("users");
        spotify.consentOrder().forEach(consented::add);
        JsonIo.send(ctx, 200, body);
    }

    private void revoke(Context ctx) {
        String userId = userId(ctx);
        int revoked = spotify.revoke(userId);
        LOG.info("revoked {} Spotify grant(s) of sandbox user {}", revoked, userId);
        JsonIo.send(ctx, 200, Map.of("user", userId, "revoked", revoked));
    }

    private void stats(Context ctx) {
        ObjectNode body = JsonIo.object();
        Map<String, Long> calls = spotify.calls();
        long total = 0;
        for (String endpoint : ENDPOINTS) {
            long n = calls.getOrDefault(endpoint, 0L);
            body.put(endpoint, n);
            total += n;
        }
        body.put("total", total);
        body.set("by_user", JsonIo.MAPPER.valueToTree(spotify.callsByUser()));
        JsonIo.send(ctx, 200, body);
    }

    private void resetStats(Context ctx) {
        spotify.resetCalls();
        stats(ctx);
    }

    // ---- clock ----

    private void advance(Context ctx) {
        JsonNode seconds = JsonIo.readBody(ctx).get("seconds");
        if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0) {
            throw HttpProblem.control(400, "\"seconds\" must be a number >= 0");
        }
        Instant now;
        try {
            now = clock.advance(Duration.ofMillis(Math.round(seconds.asDouble() * 1000)));
        } catch (DateTimeException | ArithmeticException e) {
            throw HttpProblem.control(400, "\"seconds\" is too large");
        } catch (RuntimeException e) {
            LOG.error("due work after a clock advance failed", e);
            throw HttpProblem.control(500, "the clock moved but the due work failed: " + e);
        }
        JsonIo.send(ctx, 200, Map.of("now", now.toString()));
    }

    // ---- faults ----

    private void addFault(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        FaultInjector.Target target = FaultInjector.Target.parse(body.path("target").asText(""))
                .orElseThrow(() -> HttpProblem.control(400, "\"target\" must be one of " + Arrays.stream(
                        FaultInjector.Target.values()).map(t -> "\"" + t.wireName() + "\"").toList()));
        JsonNode status = body.get("status");
        if (status == null || !status.canConvertToInt() || !target.statuses().contains(status.asInt())) {
            throw HttpProblem.control(400, "\"status\" must be one of " + new TreeSet<>(target.statuses()));
        }
        int count = intField(body, "count", 1, 1);
        int retryAfter = intField(body, "retry_after", 1, 0);
        JsonNode reason = body.get("reason");
        Integer code = body.hasNonNull("code") ? intField(body, "code", 0, 1) : null;
        Integer subcode = body.hasNonNull("subcode") ? intField(body, "subcode", 0, 1) : null;
        faults.add(target, new FaultInjector.Fault(status.asInt(), retryAfter,
                reason == null || reason.isNull() ? null : reason.asText(), code, subcode), count);
        JsonIo.send(ctx, 200, faultQueues());
    }

    private ObjectNode faultQueues() {
        ObjectNode body = JsonIo.object();
        for (FaultInjector.Target target : FaultInjector.Target.values()) {
            ArrayNode queue = body.putArray(target.wireName());
            for (FaultInjector.Pending p : faults.pending(target)) {
                ObjectNode node = queue.addObject();
                node.put("status", p.fault().status());
                node.put("remaining", p.remaining());
                node.put("retry_after", p.fault().retryAfterSeconds());
                if (p.fault().reason() != null) {
                    node.put("reason", p.fault().reason());
                }
                if (p.fault().code() != null) {
                    node.put("code", p.fault().code());
                }
                if (p.fault().subcode() != null) {
                    node.put("subcode", p.fault().subcode());
                }
            }
        }
        return body;
    }

    // ---- helpers ----

    private static String userId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!USER_ID.matcher(id).matches()) {
            throw HttpProblem.control(400, "a user id is 1-64 of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw HttpProblem.control(400, "\"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    static int intField(JsonNode body, String field, int fallback, int min) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
            throw HttpProblem.control(400, "\"" + field + "\" must be an integer >= " + min);
        }
        return value.asInt();
    }
}

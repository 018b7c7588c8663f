package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;

/**
 * The control API of the emulated Last.fm (documented in sandbox/README.md): what people play, whether
 * they hide it, revoking their sessions, the per-IP rate and call counts.
 */
final class LastfmControlRoutes {
    private static final String USERS = "/sandbox/lastfm/users/{name}";

    private final LastfmEmulator lastfm;

    LastfmControlRoutes(LastfmEmulator lastfm) {
        this.lastfm = lastfm;
    }

    void routes(Javalin app) {
        app.post(USERS + "/scrobbles", JsonIo.guarded(this::scrobble));
        app.get(USERS + "/scrobbles", JsonIo.guarded(this::scrobbles));
        app.post(USERS + "/now-playing", JsonIo.guarded(this::nowPlaying));
        app.post(USERS + "/private", JsonIo.guarded(this::hideListening));
        app.post(USERS + "/revoke", JsonIo.guarded(this::revoke));
        app.get("/sandbox/lastfm/stats", JsonIo.guarded(this::stats));
        app.delete("/sandbox/lastfm/stats", JsonIo.guarded(ctx -> {
            lastfm.resetCalls();
            stats(ctx);
        }));
        app.post("/sandbox/lastfm/limits", JsonIo.guarded(this::limits));
    }

    private void scrobble(Context ctx) {
        String user = userName(ctx);
        JsonNode body = JsonIo.readBody(ctx);
        LastfmUser.Scrobble scrobble = lastfm.scrobble(user, ControlInput.name(body, "artist"),
                ControlInput.name(body, "track"), ControlInput.optionalName(body, "album"),
                ControlInput.optionalName(body, "mbid"), ControlInput.pastInstant(body, "at", lastfm.clock().instant()));
        JsonIo.send(ctx, 200, scrobbleJson(lastfm.user(user).name(), scrobble));
    }

    private void scrobbles(Context ctx) {
        String user = userName(ctx);
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        lastfm.findUser(user).ifPresent(u -> u.scrobbles().forEach(s -> array.add(scrobbleJson(u.name(), s))));
        JsonIo.send(ctx, 200, array);
    }

    private void nowPlaying(Context ctx) {
        String user = userName(ctx);
        JsonNode body = JsonIo.readBody(ctx);
        String artist = ControlInput.name(body, "artist");
        String track = ControlInput.name(body, "track");
        lastfm.nowPlaying(user, artist, track, ControlInput.optionalName(body, "album"));
        JsonIo.send(ctx, 200, Map.of("user", lastfm.user(user).name(), "artist", artist, "track", track,
                "since", lastfm.clock().instant().toString()));
    }

    private void hideListening(Context ctx) {
        String user = userName(ctx);
        JsonNode hide = JsonIo.readBody(ctx).get("private");
        if (hide == null || !hide.isBoolean()) {
            throw HttpProblem.control(400, "\"private\" must be true or false");
        }
        lastfm.hideListening(user, hide.asBoolean());
        JsonIo.send(ctx, 200, Map.of("user", lastfm.user(user).name(), "private", hide.asBoolean()));
    }

    private void revoke(Context ctx) {
        String user = userName(ctx);
        JsonIo.send(ctx, 200, Map.of("user", user, "revoked", lastfm.revokeSessions(user)));
    }

    private void stats(Context ctx) {
        ObjectNode body = JsonIo.object();
        Map<String, Long> calls = lastfm.calls();
        calls.forEach(body::put);
        body.put("total", calls.entrySet().stream().filter(e -> !e.getKey().equals(LastfmEmulator.RATE_LIMITED))
                .mapToLong(Map.Entry::getValue).sum());
        body.set("by_user", JsonIo.MAPPER.valueToTree(lastfm.callsByUser()));
        JsonIo.send(ctx, 200, body);
    }

    private void limits(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        int requests = ControlRoutes.intField(body, "requests", LastfmEmulator.DEFAULT_RATE_REQUESTS, 1);
        int windowMs = ControlRoutes.intField(body, "window_ms",
                (int) LastfmEmulator.DEFAULT_RATE_WINDOW.toMillis(), 1);
        lastfm.rateLimit(requests, Duration.ofMillis(windowMs));
        JsonIo.send(ctx, 200, Map.of("requests", requests, "window_ms", windowMs));
    }

    private static ObjectNode scrobbleJson(String user, LastfmUser.Scrobble s) {
        ObjectNode node = JsonIo.object();
        node.put("user", user);
        node.put("artist", s.artist());
        node.put("track", s.track());
        node.put("album", s.album());
        node.put("mbid", s.mbid());
        node.put("timestamp", s.at().getEpochSecond());
        node.put("at", s.at().toString());
        return node;
    }

    private static String userName(Context ctx) {
        String name = ctx.pathParam("name");
        if (!LastfmEmulator.isUserName(name)) {
            throw HttpProblem.control(400, "a Last.fm user name is 2-15 letters, digits, _ or -, a letter first");
        }
        return name;
    }
}

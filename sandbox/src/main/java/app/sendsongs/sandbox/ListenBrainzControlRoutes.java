package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The control API of the emulated ListenBrainz (documented in sandbox/README.md): people's user tokens,
 * their listens, deleting them, the rate limit and call counts.
 */
final class ListenBrainzControlRoutes {
    private static final String USER = "/sandbox/listenbrainz/users/{name}";

    private final ListenBrainzEmulator listenBrainz;

    ListenBrainzControlRoutes(ListenBrainzEmulator listenBrainz) {
        this.listenBrainz = listenBrainz;
    }

    void routes(Javalin app) {
        app.get(USER + "/token", JsonIo.guarded(ctx -> token(ctx, listenBrainz.user(userName(ctx)).token())));
        app.post(USER + "/token/reset", JsonIo.guarded(ctx -> token(ctx, listenBrainz.resetToken(userName(ctx)))));
        app.post(USER + "/listens", JsonIo.guarded(this::listen));
        app.get(USER + "/listens", JsonIo.guarded(this::listens));
        app.delete(USER, JsonIo.guarded(ctx -> {
            String name = userName(ctx);
            JsonIo.send(ctx, 200, Map.of("user_name", name, "deleted", listenBrainz.deleteUser(name)));
        }));
        app.get("/sandbox/listenbrainz/stats", JsonIo.guarded(this::stats));
        app.delete("/sandbox/listenbrainz/stats", JsonIo.guarded(ctx -> {
            listenBrainz.resetCalls();
            stats(ctx);
        }));
        app.post("/sandbox/listenbrainz/limits", JsonIo.guarded(this::limits));
    }

    private void token(Context ctx, String token) {
        JsonIo.send(ctx, 200, Map.of("user_name", listenBrainz.user(userName(ctx)).name(), "token", token));
    }

    private void listen(Context ctx) {
        String name = userName(ctx);
        JsonNode body = JsonIo.readBody(ctx);
        ListenBrainzUser.Listen listen;
        try {
            listen = listenBrainz.listen(name, ControlInput.name(body, "artist"), ControlInput.name(body, "track"),
                    ControlInput.optionalName(body, "release"), ControlInput.optionalName(body, "spotify_id"),
                    ControlInput.optionalName(body, "isrc"), ControlInput.optionalName(body, "recording_mbid"),
                    ControlInput.pastInstant(body, "at", listenBrainz.clock().instant()));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.control(400, e.getMessage());
        }
        JsonIo.send(ctx, 200, ListenBrainzJson.listen(listen, listenBrainz.user(name).name()));
    }

    private void listens(Context ctx) {
        String name = userName(ctx);
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        listenBrainz.findUser(name).ifPresent(u -> u.all().forEach(l -> array.add(ListenBrainzJson.listen(l, u.name()))));
        JsonIo.send(ctx, 200, array);
    }

    private void stats(Context ctx) {
        ObjectNode body = JsonIo.object();
        Map<String, Long> calls = listenBrainz.calls();
        calls.forEach(body::put);
        body.put("total", calls.entrySet().stream()
                .filter(e -> !e.getKey().equals(ListenBrainzEmulator.RATE_LIMITED))
                .mapToLong(Map.Entry::getValue).sum());
        body.set("by_user", JsonIo.MAPPER.valueToTree(listenBrainz.callsByUser()));
        JsonIo.send(ctx, 200, body);
    }

    private void limits(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        int perToken = ControlRoutes.intField(body, "per_token", ListenBrainzEmulator.DEFAULT_PER_TOKEN, 1);
        int perIp = ControlRoutes.intField(body, "per_ip", ListenBrainzEmulator.DEFAULT_PER_IP, 1);
        int window = ControlRoutes.intField(body, "window_s", ListenBrainzEmulator.DEFAULT_WINDOW_SECONDS, 1);
        listenBrainz.rateLimits(perToken, perIp, window);
        if (body.has("whitelisted_tokens")) {
            List<String> tokens = new ArrayList<>();
            body.path("whitelisted_tokens").forEach(token -> tokens.add(token.asText()));
            listenBrainz.whitelistTokens(tokens);
        }
        JsonIo.send(ctx, 200, Map.of("per_token", perToken, "per_ip", perIp, "window_s", window));
    }

    private static String userName(Context ctx) {
        String name = ctx.pathParam("name");
        if (!ListenBrainzEmulator.isUserName(name)) {
            throw HttpProblem.control(400, "a ListenBrainz user name is 1-64 of A-Z a-z 0-9 . _ -");
        }
        return name;
    }
}

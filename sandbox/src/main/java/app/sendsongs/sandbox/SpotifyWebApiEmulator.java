package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Emulated {@code api.spotify.com}, mounted under {@value #BASE} (paths {@code /v1/...} below it). */
final class SpotifyWebApiEmulator {
    static final String BASE = "/sandbox/api";
    static final String RECENTLY_PLAYED_SCOPE = "user-read-recently-played";

    private final SpotifyEmulator spotify;
    private final FaultInjector faults;

    SpotifyWebApiEmulator(SpotifyEmulator spotify, FaultInjector faults) {
        this.spotify = spotify;
        this.faults = faults;
    }

    void routes(Javalin app) {
        app.get(BASE + "/v1/me", JsonIo.guarded(this::me));
        app.get(BASE + "/v1/me/player/recently-played", JsonIo.guarded(this::recentlyPlayed));
        app.get(BASE + "/v1/tracks/{id}", JsonIo.guarded(this::track));
        app.get(BASE + "/v1/tracks", JsonIo.guarded(this::tracks));
    }

    private void me(Context ctx) {
        SandboxUser user = userCall(ctx, SpotifyEmulator.ME);
        JsonIo.send(ctx, 200, SpotifyJson.user(user, apiBase(ctx)));
    }

    private void track(Context ctx) {
        call(ctx, SpotifyEmulator.TRACKS);
        String id = ctx.pathParam("id");
        if (!Ids.isSpotifyId(id)) {
            throw SpotifyErrors.api(400, "Invalid base62 id");
        }
        Catalogue.Resolved resolved = spotify.catalogue().resolve(id)
                .orElseThrow(() -> SpotifyErrors.api(404, "Non existing id"));
        JsonIo.send(ctx, 200, SpotifyJson.track(resolved, apiBase(ctx)));
    }

    /** {@code GET /v1/tracks?ids=a,b,c}: unknown ids answer null in place. */
    private void tracks(Context ctx) {
        call(ctx, SpotifyEmulator.TRACKS);
        String ids = ctx.queryParam("ids");
        if (ids == null || ids.isBlank()) {
            throw SpotifyErrors.api(400, "invalid request");
        }
        List<String> list = Arrays.stream(ids.split(",")).map(String::trim).toList();
        if (list.size() > 50) {
            throw SpotifyErrors.api(400, "Too many ids requested");
        }
        ObjectNode body = JsonIo.object();
        ArrayNode array = body.putArray("tracks");
        for (String id : list) {
            if (!Ids.isSpotifyId(id)) {
                throw SpotifyErrors.api(400, "Invalid base62 id");
            }
            spotify.catalogue().resolve(id).ifPresentOrElse(
                    r -> array.add(SpotifyJson.track(r, apiBase(ctx))), array::addNull);
        }
        JsonIo.send(ctx, 200, body);
    }

    private void recentlyPlayed(Context ctx) {
        SandboxUser user = userCall(ctx, SpotifyEmulator.RECENTLY_PLAYED);
        int limit = intParam(ctx, "limit", 20, "Invalid limit");
        if (limit < 1 || limit > 50) {
            throw SpotifyErrors.api(400, "Invalid limit");
        }
        Cursor cursor = cursor(ctx);
        Instant now = spotify.clock().instant();
        SandboxUser.Page chosen = user.recentlyPlayed(cursor.afterMs(), cursor.beforeMs(), limit, now);
        if (chosen.plays().isEmpty()
                && user.recentlyPlayed(Long.MIN_VALUE, Long.MAX_VALUE, 1, now).plays().isEmpty()) {
            ctx.status(204); // Spotify answers an empty history without a body
            return;
        }
        JsonIo.send(ctx, 200, recentlyPlayedPage(ctx, chosen, limit));
    }

    /** The plays asked for: after one time or before one, in milliseconds, each end open when not given. */
    private record Cursor(long afterMs, long beforeMs) {
    }

    private static Cursor cursor(Context ctx) {
        String after = ctx.queryParam("after");
        String before = ctx.queryParam("before");
        if (after != null && before != null) {
            throw SpotifyErrors.api(400, "Only one of 'after' or 'before' may be specified");
        }
        long afterMs = after == null ? Long.MIN_VALUE : longParam(after, "Invalid after cursor");
        long beforeMs = before == null ? Long.MAX_VALUE : longParam(before, "Invalid before cursor");
        return new Cursor(afterMs, beforeMs);
    }

    private ObjectNode recentlyPlayedPage(Context ctx, SandboxUser.Page chosen, int limit) {
        String base = apiBase(ctx);
        List<SandboxUser.Play> page = chosen.plays();
        ObjectNode body = JsonIo.object();
        ArrayNode items = body.putArray("items");
        page.forEach(play -> addPlayed(items, play, base));
        if (chosen.more()) {
            body.put("next", base + "/v1/me/player/recently-played?before="
                    + page.get(page.size() - 1).playedAt().toEpochMilli() + "&limit=" + limit);
        } else {
            body.putNull("next");
        }
        putCursors(body, page);
        body.put("limit", limit);
        body.put("href", ctx.fullUrl());
        return body;
    }

    /** A PlayHistoryObject; a play of a track the catalogue no longer has is left out. */
    private void addPlayed(ArrayNode items, SandboxUser.Play play, String base) {
        ObjectNode track = play.local() != null ? SpotifyJson.localTrack(play.local())
                : spotify.catalogue().resolve(play.trackId()).map(resolved -> SpotifyJson.track(resolved, base))
                .orElse(null);
        if (track != null) {
            ObjectNode item = items.addObject();
            item.set("track", track);
            item.put("played_at", Times.spotify(play.playedAt()));
            item.putNull("context");
        }
    }

    private static void putCursors(ObjectNode body, List<SandboxUser.Play> page) {
        if (page.isEmpty()) {
            // a cursor past every play (or before the 50 kept): 200 with "cursors":null, a CursorPagingPlayHistoryObject
            // (https://developer.spotify.com/documentation/web-api/reference/get-recently-played) without items, as
            // reported in github.com/adamint/spotify-web-api-kotlin/issues/246 and spotify/web-api/issues/1405
            body.putNull("cursors");
        } else {
            ObjectNode cursors = body.putObject("cursors");
            cursors.put("after", Long.toString(page.get(0).playedAt().toEpochMilli()));
            cursors.put("before", Long.toString(page.get(page.size() - 1).playedAt().toEpochMilli()));
        }
    }

    /** Counts the call, applies faults, checks the token: any valid token, app or user. */
    private SpotifyGrants.AccessToken call(Context ctx, String endpoint) {
        spotify.counter().count(endpoint);
        faults.take(FaultInjector.Target.SPOTIFY).ifPresent(f -> {
            throw SpotifyErrors.fault(f, false);
        });
        SpotifyGrants.AccessToken token = authenticate(ctx);
        if (token.userId() != null) {
            spotify.counter().countForUser(token.userId(), endpoint);
        }
        return token;
    }

    /**
     * Like {@link #call} but the token must belong to a user the app serves (in development mode, one of the first
     * users to consent) and carry the scope the endpoint needs.
     */
    private SandboxUser userCall(Context ctx, String endpoint) {
        SpotifyGrants.AccessToken token = call(ctx, endpoint);
        if (token.userId() == null) {
            throw SpotifyErrors.api(403, "This request requires user authentication.");
        }
        if (!spotify.allowed(token.userId())) {
            throw SpotifyErrors.notRegistered();
        }
        if (SpotifyEmulator.RECENTLY_PLAYED.equals(endpoint)
                && !Arrays.asList(token.scope().split("\\s+")).contains(RECENTLY_PLAYED_SCOPE)) {
            throw SpotifyErrors.api(403, "Insufficient client scope");
        }
        return spotify.user(token.userId());
    }

    private SpotifyGrants.AccessToken authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw SpotifyErrors.unauthorized("No token provided");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw SpotifyErrors.api(400, "Only valid bearer authentication supported");
        }
        SpotifyGrants.AccessToken token = spotify.grants().access(header.substring(7).trim())
                .orElseThrow(() -> SpotifyErrors.unauthorized("Invalid access token"));
        if (!spotify.clock().instant().isBefore(token.expiresAt())) {
            throw SpotifyErrors.unauthorized("The access token expired");
        }
        return token;
    }

    private static int intParam(Context ctx, String name, int fallback, String error) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw SpotifyErrors.api(400, error);
        }
    }

    private static long longParam(String value, String error) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw SpotifyErrors.api(400, error);
        }
    }

    /** The Web API base as the caller reached it, e.g. {@code http://localhost:8080/sandbox/api}. */
    private static String apiBase(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + BASE;
    }
}

package app.sendsongs.sandbox;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Emulated {@code api.listenbrainz.org}, mounted under {@value #BASE}: {@code GET /1/validate-token} and
 * {@code GET /1/user/<name>/listens}, both rate limited with {@code X-RateLimit-*} headers on every answer.
 *
 * <p>Built from https://listenbrainz.readthedocs.io/en/latest/users/api/core.html and
 * https://listenbrainz.readthedocs.io/en/latest/users/api/index.html#rate-limiting, and the code behind
 * them (metabrainz/listenbrainz-server {@code webserver/views/api.py}, {@code api_tools.py},
 * {@code listenstore/timescale_listenstore.py}; metabrainz/brainzutils-python {@code ratelimit.py}):
 * {@code count} defaults to 25 and is cut to 1000; with {@code min_ts} the answer holds the oldest listens
 * after it (still newest first); errors are {@code {"code":n,"error":"..."}}; a 502 or 504 comes from the
 * proxy in front as an HTML page.
 */
final class ListenBrainzApiEmulator {
    static final String BASE = "/sandbox/listenbrainz";
    static final int DEFAULT_COUNT = 25;
    static final int MAX_COUNT = 1000;
    static final String OVER_LIMIT = "You have exceeded your rate limit. See the X-RateLimit-* response headers for "
            + "more information on your current rate limit.";

    private final ListenBrainzEmulator listenBrainz;
    private final FaultInjector faults;

    ListenBrainzApiEmulator(ListenBrainzEmulator listenBrainz, FaultInjector faults) {
        this.listenBrainz = listenBrainz;
        this.faults = faults;
    }

    void routes(Javalin app) {
        app.get(BASE + "/1/validate-token", JsonIo.guarded(ctx -> {
            if (admitted(ctx, ListenBrainzEmulator.VALIDATE_TOKEN)) {
                validateToken(ctx);
            }
        }));
        app.get(BASE + "/1/user/{name}/listens", JsonIo.guarded(ctx -> {
            if (admitted(ctx, ListenBrainzEmulator.LISTENS)) {
                listens(ctx);
            }
        }));
    }

    /** Counts the call, plays an injected fault, applies the rate limit; false when the call was answered. */
    private boolean admitted(Context ctx, String endpoint) {
        listenBrainz.counter().count(endpoint);
        Optional<FaultInjector.Fault> fault = faults.take(FaultInjector.Target.LISTENBRAINZ);
        if (fault.isPresent()) {
            fail(ctx, fault.get());
            return false;
        }
        String token = tokenOf(ctx.header("Authorization"));
        ListenBrainzRateLimit.Standing standing = listenBrainz.whitelisted(token)
                ? listenBrainz.rate().count(token, true)
                : listenBrainz.rate().count(ctx.ip(), false);
        rateHeaders(ctx, standing.limit(), standing.remaining(), standing.reset(), standing.resetIn());
        if (standing.over()) {
            listenBrainz.counter().count(ListenBrainzEmulator.RATE_LIMITED);
            JsonIo.send(ctx, 429, ListenBrainzJson.error(429, OVER_LIMIT));
            return false;
        }
        return true;
    }

    private void validateToken(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Token ", 0, 6)
                ? header.substring(6).trim() : ctx.queryParam("token");
        if (token == null || token.isEmpty()) {
            throw new HttpProblem(400, ListenBrainzJson.error(400, "You need to provide an Authorization token."));
        }
        Optional<ListenBrainzUser> user = listenBrainz.userWithToken(token);
        if (user.isEmpty()) {
            JsonIo.send(ctx, 200, ListenBrainzJson.tokenValidity(null));
            return;
        }
        listenBrainz.counter().countForUser(user.get().name(), ListenBrainzEmulator.VALIDATE_TOKEN);
        JsonIo.send(ctx, 200, ListenBrainzJson.tokenValidity(user.get().name()));
    }

    private void listens(Context ctx) {
        String name = ctx.pathParam("name");
        ListenBrainzUser user = listenBrainz.findUser(name)
                .orElseThrow(() -> badRequest(404, "Cannot find user: " + name));
        Long maxTs = timestamp(ctx, "max_ts");
        Long minTs = timestamp(ctx, "min_ts");
        if (maxTs != null && minTs != null && maxTs <= minTs) {
            throw badRequest(400, "max_ts should be greater than min_ts");
        }
        int count = count(ctx);
        listenBrainz.counter().countForUser(user.name(), ListenBrainzEmulator.LISTENS);
        List<ListenBrainzUser.Listen> listens = user.listens(minTs, maxTs, count);
        JsonIo.send(ctx, 200, ListenBrainzJson.listens(name, listens, user));
    }

    private void fail(Context ctx, FaultInjector.Fault fault) {
        int status = fault.status();
        if (status == 502 || status == 504) {
            String title = status == 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
            ctx.status(status).html("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>"
                    + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
            return;
        }
        if (status == 429) {
            long now = System.currentTimeMillis() / 1000;
            rateHeaders(ctx, listenBrainz.rate().perIp(), 0, now + fault.retryAfterSeconds(),
                    fault.retryAfterSeconds());
            JsonIo.send(ctx, 429, ListenBrainzJson.error(429, OVER_LIMIT));
            return;
        }
        String message = switch (status) {
            case 400 -> "Invalid request";
            case 403 -> "You are not allowed to do this";
            case 503 -> "Cannot fetch listens right now.";
            default -> "An unknown error occurred.";
        };
        JsonIo.send(ctx, status, ListenBrainzJson.error(fault.code() != null ? fault.code() : status, message));
    }

    private static void rateHeaders(Context ctx, int limit, long remaining, long reset, long resetIn) {
        ctx.header("Access-Control-Expose-Headers",
                "X-RateLimit-Remaining,X-RateLimit-Limit,X-RateLimit-Reset,X-RateLimit-Reset-In");
        ctx.header("X-RateLimit-Remaining", Long.toString(remaining));
        ctx.header("X-RateLimit-Limit", Integer.toString(limit));
        ctx.header("X-RateLimit-Reset", Long.toString(reset));
        ctx.header("X-RateLimit-Reset-In", Long.toString(resetIn));
    }

    /** brainzutils takes what follows the first six characters of the header as the token. */
    private static String tokenOf(String authorization) {
        return authorization == null || authorization.length() <= 6 ? null : authorization.substring(6);
    }

    private static Long timestamp(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        try {
            long ts = Long.parseLong(value.trim());
            if (ts >= -62_135_596_800L && ts <= 253_402_300_799L) { // what a Python datetime can hold
                return ts;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw badRequest(400, "Incorrect " + name + " timestamp argument: " + value);
    }

    private static int count(Context ctx) {
        String value = ctx.queryParam("count");
        if (value == null || value.isEmpty()) {
            return DEFAULT_COUNT;
        }
        long count;
        try {
            count = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw badRequest(400, "Invalid count argument: " + value);
        }
        if (count < 0) {
            throw badRequest(400, "Number of items requested should be positive");
        }
        return (int) Math.min(count, MAX_COUNT);
    }

    private static HttpProblem badRequest(int status, String message) {
        return new HttpProblem(status, ListenBrainzJson.error(status, message));
    }
}

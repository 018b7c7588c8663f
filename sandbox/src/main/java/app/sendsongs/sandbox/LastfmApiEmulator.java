package app.sendsongs.sandbox;

import app.sendsongs.exchange.HttpUrls;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Emulated Last.fm, mounted under {@value #BASE}: the consent page {@code GET /api/auth/} (as
 * {@code www.last.fm/api/auth/}) and the web service {@code GET|POST /2.0/} (as
 * {@code ws.audioscrobbler.com/2.0/}) with {@code auth.getToken}, {@code auth.getSession} and
 * {@code user.getRecentTracks}, in JSON only ({@code format=json}).
 *
 * <p>Built from https://www.last.fm/api/webauth, https://www.last.fm/api/authspec,
 * https://www.last.fm/api/show/auth.getSession, https://www.last.fm/api/show/user.getRecentTracks and
 * https://www.last.fm/api/errorcodes. Observed behaviour the pages leave out: {@code from} is inclusive
 * and {@code to} exclusive; the track playing now comes first on page 1, on top of the page's
 * {@code limit}; a user who hides their recent listening answers 17 unless the call carries a session
 * key of that very user, signed.
 */
final class LastfmApiEmulator {
    static final String BASE = "/sandbox/lastfm";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final LastfmEmulator lastfm;
    private final FaultInjector faults;

    LastfmApiEmulator(LastfmEmulator lastfm, FaultInjector faults) {
        this.lastfm = lastfm;
        this.faults = faults;
    }

    void routes(Javalin app) {
        app.get(BASE + "/api/auth", JsonIo.guarded(this::consent));
        app.get(BASE + "/2.0", JsonIo.guarded(this::webService));
        app.post(BASE + "/2.0", JsonIo.guarded(this::webService));
    }

    // ---- www.last.fm/api/auth/ ----

    private void consent(Context ctx) {
        lastfm.counter().count(LastfmEmulator.AUTH);
        String apiKey = ctx.queryParam("api_key");
        if (lastfm.sharedSecret(apiKey).isEmpty()) {
            ctx.status(400).html(LastfmConsentPage.message("Invalid API key", "Invalid API key. If you are a third "
                    + "party developer see our authentication how-to to find out more."));
            return;
        }
        String callback = ctx.queryParam("cb");
        String token = ctx.queryParam("token");
        if (ctx.queryParam("sandbox_deny") != null) {
            ctx.status(200).html(LastfmConsentPage.message("Access not granted",
                    "You did not allow the application to use your Last.fm account."));
            return;
        }
        String user = ctx.queryParam("sandbox_user");
        if (user == null || user.isBlank()) {
            ctx.status(200).html(LastfmConsentPage.consent(apiKey, callback, token, "listener" + Ids.randomAlnum(4)));
            return;
        }
        user = user.trim();
        if (!LastfmEmulator.isUserName(user)) {
            ctx.status(400).html(LastfmConsentPage.message("Invalid user name",
                    "A Last.fm user name is 2-15 letters, digits, _ or -, starting with a letter."));
            return;
        }
        if (token != null) {
            allowRequestedToken(ctx, token, user);
            return;
        }
        if (!HttpUrls.isAbsoluteHttp(callback)) {
            ctx.status(400).html(LastfmConsentPage.message("No callback",
                    "This application gave no valid callback URL (cb) to return to."));
            return;
        }
        String granted = lastfm.grantToken(apiKey, user);
        lastfm.counter().countForUser(lastfm.user(user).name(), LastfmEmulator.AUTH);
        ctx.redirect(callback + (callback.contains("?") ? "&" : "?") + "token=" + encode(granted), HttpStatus.FOUND);
    }

    /** The desktop flow: the person allows a token the application fetched with auth.getToken. */
    private void allowRequestedToken(Context ctx, String token, String user) {
        if (lastfm.allowToken(token, user)) {
            ctx.status(200).html(LastfmConsentPage.message("Application authorized",
                    "You have granted permission to the application. You can close this window."));
        } else {
            ctx.status(400).html(LastfmConsentPage.message("Invalid token", "This token is unknown or has expired."));
        }
    }

    // ---- ws.audioscrobbler.com/2.0/ ----

    private void webService(Context ctx) {
        Map<String, String> params = params(ctx);
        String method = params.getOrDefault("method", "").toLowerCase(Locale.ROOT);
        lastfm.counter().count(method.isEmpty() ? "(no method)" : method);
        faults.take(FaultInjector.Target.LASTFM).ifPresent(f -> {
            throw LastfmErrors.fault(f);
        });
        if (!lastfm.rate().tryAcquire(ctx.ip())) {
            lastfm.counter().count(LastfmEmulator.RATE_LIMITED);
            throw LastfmErrors.error(LastfmErrors.RATE_LIMIT_EXCEEDED);
        }
        if (!"json".equalsIgnoreCase(params.get("format"))) {
            ctx.status(400).contentType("text/xml; charset=utf-8").result(LastfmErrors.xml(LastfmErrors.INVALID_FORMAT));
            return;
        }
        String apiKey = params.get("api_key");
        String secret = lastfm.sharedSecret(apiKey)
                .orElseThrow(() -> LastfmErrors.error(LastfmErrors.INVALID_API_KEY));
        switch (method) {
            case "auth.gettoken" -> getToken(ctx, params, secret);
            case "auth.getsession" -> getSession(ctx, params, secret);
            case "user.getrecenttracks" -> recentTracks(ctx, params, secret);
            default -> throw LastfmErrors.error(LastfmErrors.INVALID_METHOD);
        }
    }

    private void getToken(Context ctx, Map<String, String> params, String secret) {
        requireSignature(params, secret);
        JsonIo.send(ctx, 200, Map.of("token", lastfm.requestToken(params.get("api_key"))));
    }

    private void getSession(Context ctx, Map<String, String> params, String secret) {
        requireSignature(params, secret);
        String token = params.get("token");
        if (token == null || token.isBlank()) {
            throw LastfmErrors.error(LastfmErrors.INVALID_PARAMETERS);
        }
        String apiKey = params.get("api_key");
        LastfmEmulator.AuthToken allowed = lastfm.token(token).filter(t -> t.apiKey().equals(apiKey))
                .orElseThrow(LastfmApiEmulator::invalidToken);
        if (!lastfm.clock().instant().isBefore(allowed.expiresAt())) {
            lastfm.forgetToken(token);
            throw LastfmErrors.error(LastfmErrors.TOKEN_EXPIRED);
        }
        if (allowed.userName() == null) {
            throw LastfmErrors.error(LastfmErrors.UNAUTHORIZED_TOKEN);
        }
        String sessionKey = lastfm.redeem(token, allowed).orElseThrow(LastfmApiEmulator::invalidToken);
        lastfm.counter().countForUser(allowed.userName(), LastfmEmulator.GET_SESSION);
        JsonIo.send(ctx, 200, LastfmJson.session(allowed.userName(), sessionKey));
    }

    private void recentTracks(Context ctx, Map<String, String> params, String secret) {
        String userName = params.get("user");
        if (userName == null || userName.isBlank()) {
            throw LastfmErrors.error(LastfmErrors.INVALID_PARAMETERS);
        }
        int limit = Math.min(MAX_LIMIT, (int) number(params, "limit", DEFAULT_LIMIT, 1));
        int page = (int) number(params, "page", 1, 1);
        long from = number(params, "from", 0, 0);
        long to = number(params, "to", Long.MAX_VALUE, 0);
        boolean extended = "1".equals(params.get("extended")) || "true".equalsIgnoreCase(params.get("extended"));
        Optional<LastfmEmulator.Session> session = Optional.empty();
        if (params.containsKey("sk")) {
            requireSignature(params, secret);
            session = Optional.of(lastfm.session(params.get("sk"))
                    .filter(s -> s.apiKey().equals(params.get("api_key")))
                    .orElseThrow(() -> LastfmErrors.error(LastfmErrors.INVALID_SESSION_KEY)));
        }
        LastfmUser user = lastfm.findUser(userName)
                .orElseThrow(() -> LastfmErrors.error(LastfmErrors.INVALID_PARAMETERS, "User not found"));
        lastfm.counter().countForUser(user.name(), LastfmEmulator.RECENT_TRACKS);
        boolean owner = session.filter(s -> s.userName().equalsIgnoreCase(user.name())).isPresent();
        if (user.hidesListening() && !owner) {
            throw LastfmErrors.error(LastfmErrors.LOGIN_REQUIRED);
        }
        LastfmUser.Page scrobbles = user.page(from, to, limit, page);
        Optional<LastfmUser.NowPlaying> playing = page == 1 ? user.nowPlaying(lastfm.clock().instant())
                : Optional.empty();
        JsonIo.send(ctx, 200, LastfmJson.recentTracks(user, scrobbles, playing, page, limit, extended));
    }

    private static void requireSignature(Map<String, String> params, String secret) {
        if (!LastfmSignature.verifies(params, secret)) {
            throw LastfmErrors.error(LastfmErrors.INVALID_SIGNATURE);
        }
    }

    private static HttpProblem invalidToken() {
        return LastfmErrors.error(LastfmErrors.AUTHENTICATION_FAILED, "Invalid authentication token supplied");
    }

    /** A whole-number parameter of at least {@code min}; error 6 otherwise. */
    private static long number(Map<String, String> params, String name, long fallback, long min) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw LastfmErrors.error(LastfmErrors.INVALID_PARAMETERS, "Invalid parameters - " + name + " must be a "
                + "whole number of at least " + min);
    }

    /** Query parameters, and for a POST the form's, the first value of each name winning. */
    private static Map<String, String> params(Context ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        if ("POST".equals(ctx.method().name())) {
            ctx.formParamMap().forEach((name, values) -> first(values).ifPresent(v -> params.putIfAbsent(name, v)));
        }
        ctx.queryParamMap().forEach((name, values) -> first(values).ifPresent(v -> params.putIfAbsent(name, v)));
        return params;
    }

    private static Optional<String> first(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

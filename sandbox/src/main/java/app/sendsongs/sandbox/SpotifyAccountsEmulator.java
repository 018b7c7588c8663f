package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulated {@code accounts.spotify.com}: {@code GET /authorize} and {@code POST /api/token}, mounted under
 * {@value #BASE}.
 */
final class SpotifyAccountsEmulator {
    static final String BASE = "/sandbox/accounts";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3600);
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String[] AUTHORIZE_PARAMS = {"response_type", "client_id", "scope", "redirect_uri", "state",
        "show_dialog", "code_challenge", "code_challenge_method"};
    private static final Logger LOG = LoggerFactory.getLogger(SpotifyAccountsEmulator.class);

    private final SpotifyEmulator spotify;
    private final FaultInjector faults;
    private final AtomicLong issued = new AtomicLong();

    SpotifyAccountsEmulator(SpotifyEmulator spotify, FaultInjector faults) {
        this.spotify = spotify;
        this.faults = faults;
    }

    void routes(Javalin app) {
        app.get(BASE + "/authorize", JsonIo.guarded(this::authorize));
        app.post(BASE + "/api/token", JsonIo.guarded(this::token));
    }

    private void authorize(Context ctx) {
        spotify.counter().count(SpotifyEmulator.AUTHORIZE);
        String clientId = ctx.queryParam("client_id");
        String redirectUri = ctx.queryParam("redirect_uri");
        Optional<String> refusal = refusal(ctx, clientId, redirectUri);
        if (refusal.isPresent()) {
            ctx.status(400).html(ConsentPage.error(refusal.get()));
            return;
        }
        String state = ctx.queryParam("state");
        if (ctx.queryParam("sandbox_deny") != null) {
            ctx.redirect(redirect(redirectUri, "error", "access_denied", state), HttpStatus.FOUND);
            return;
        }
        String userId = ctx.queryParam("sandbox_user");
        if (userId == null || userId.isBlank()) {
            showConsentPage(ctx);
            return;
        }
        userId = userId.trim();
        if (!USER_ID.matcher(userId).matches()) {
            ctx.status(400).html(ConsentPage.error("INVALID_REQUEST: sandbox_user must be 1-64 of A-Z a-z 0-9 . _ -"));
            return;
        }
        String code = consented(ctx, userId, clientId, redirectUri);
        ctx.redirect(redirect(redirectUri, "code", code, state), HttpStatus.FOUND);
    }

    /** What the authorize page shows, instead of asking for consent, for a request it refuses; empty for none. */
    private Optional<String> refusal(Context ctx, String clientId, String redirectUri) {
        if (clientId == null || !spotify.isClient(clientId)) {
            return Optional.of("INVALID_CLIENT: Invalid client");
        }
        if (!spotify.allowsRedirect(redirectUri)) {
            // What Spotify's authorize page shows for a URI the app has not registered.
            return Optional.of("INVALID_CLIENT: Invalid redirect URI");
        }
        if (!"code".equals(ctx.queryParam("response_type"))) {
            return Optional.of("unsupported_response_type: response_type must be code");
        }
        return Optional.empty();
    }

    private static void showConsentPage(Context ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : AUTHORIZE_PARAMS) {
            params.put(name, ctx.queryParam(name));
        }
        ctx.status(200).html(ConsentPage.consent(params, "listener-" + Ids.randomAlnum(4)));
    }

    /** The user consents to what the app asks: the code it exchanges for their tokens. */
    private String consented(Context ctx, String userId, String clientId, String redirectUri) {
        spotify.user(userId);
        spotify.consented(userId);
        String scope = ctx.queryParam("scope") == null ? "" : ctx.queryParam("scope").trim();
        Instant now = spotify.clock().instant();
        String code = spotify.grants().issueCode(new SpotifyGrants.AuthCode(userId, clientId, redirectUri, scope,
                now, now.plus(CODE_LIFETIME)));
        spotify.counter().countForUser(userId, SpotifyEmulator.AUTHORIZE);
        LOG.debug("sandbox Spotify user {} consented", userId);
        return code;
    }

    private void token(Context ctx) {
        spotify.counter().count(SpotifyEmulator.TOKEN);
        faults.take(FaultInjector.Target.SPOTIFY).ifPresent(f -> {
            throw SpotifyErrors.fault(f, true);
        });
        String clientId = authenticateClient(ctx);
        String grantType = ctx.formParam("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw SpotifyErrors.accounts(400, "unsupported_grant_type", "grant_type parameter is missing");
        }
        if (issued.incrementAndGet() % 512 == 0) {
            spotify.grants().purgeExpired(spotify.clock().instant());
        }
        switch (grantType) {
            case "authorization_code" -> JsonIo.send(ctx, 200, exchangeCode(ctx, clientId));
            case "refresh_token" -> JsonIo.send(ctx, 200, refresh(ctx, clientId));
            case "client_credentials" -> JsonIo.send(ctx, 200, clientCredentials(clientId));
            default -> throw SpotifyErrors.accounts(400, "unsupported_grant_type",
                    "grant_type must be client_credentials, authorization_code or refresh_token");
        }
    }

    private ObjectNode exchangeCode(Context ctx, String clientId) {
        SpotifyGrants.AuthCode code = spotify.grants().redeemCode(ctx.formParam("code"))
                .filter(c -> c.clientId().equals(clientId))
                .orElseThrow(() -> SpotifyErrors.accounts(400, "invalid_grant", "Invalid authorization code"));
        if (!spotify.clock().instant().isBefore(code.expiresAt())) {
            throw SpotifyErrors.accounts(400, "invalid_grant", "Authorization code expired");
        }
        if (!code.redirectUri().equals(ctx.formParam("redirect_uri"))) {
            throw SpotifyErrors.accounts(400, "invalid_grant", "Invalid redirect URI");
        }
        spotify.counter().countForUser(code.userId(), SpotifyEmulator.TOKEN);
        ObjectNode tokens = userTokens(code.userId(), clientId, code.scope());
        tokens.put("refresh_token", spotify.grants().issueRefresh(new SpotifyGrants.RefreshToken(code.userId(),
                clientId, code.scope(), code.consentedAt())));
        return tokens;
    }

    private ObjectNode refresh(Context ctx, String clientId) {
        String token = ctx.formParam("refresh_token");
        if (token == null || token.isBlank()) {
            throw SpotifyErrors.accounts(400, "invalid_request", "refresh_token must be supplied");
        }
        SpotifyGrants.RefreshToken grant = spotify.grants().refresh(token)
                .filter(g -> g.clientId.equals(clientId))
                .orElseThrow(() -> SpotifyErrors.accounts(400, "invalid_grant", "Invalid refresh token"));
        spotify.counter().countForUser(grant.userId, SpotifyEmulator.TOKEN);
        if (grant.revoked()) {
            throw SpotifyErrors.accounts(400, "invalid_grant", "Refresh token revoked");
        }
        if (grant.expiredAt(spotify.clock().instant())) {
            throw SpotifyErrors.accounts(400, "invalid_grant", "Refresh token expired");
        }
        ObjectNode tokens = userTokens(grant.userId, clientId, grant.scope);
        if (grant.rotatesOnRefresh()) {
            tokens.put("refresh_token", spotify.grants().issueRefresh(new SpotifyGrants.RefreshToken(grant.userId,
                    clientId, grant.scope, grant.consentedAt)));
        }
        return tokens;
    }

    /**
     * The client credentials flow: an app token without a user, good for catalogue endpoints and
     * refused (403) by user endpoints such as /me/player/recently-played. See
     * https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow
     */
    private ObjectNode clientCredentials(String clientId) {
        Instant expires = spotify.clock().instant().plus(TOKEN_LIFETIME);
        ObjectNode body = JsonIo.object();
        body.put("access_token", spotify.grants().issueAccess(new SpotifyGrants.AccessToken(null, clientId, "", expires)));
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return body;
    }

    /** A fresh access token; the caller adds a refresh token when there is one (earlier ones stay valid until revoked). */
    private ObjectNode userTokens(String userId, String clientId, String scope) {
        Instant expires = spotify.clock().instant().plus(TOKEN_LIFETIME);
        ObjectNode body = JsonIo.object();
        body.put("access_token", spotify.grants().issueAccess(new SpotifyGrants.AccessToken(userId, clientId, scope, expires)));
        body.put("token_type", "Bearer");
        body.put("scope", scope);
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return body;
    }

    /** HTTP Basic client auth, or client_id/client_secret in the form. Answers the client id. */
    private String authenticateClient(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw SpotifyErrors.accounts(400, "invalid_client", "Invalid client");
            }
            int colon = decoded.indexOf(':');
            String id = colon < 0 ? decoded : decoded.substring(0, colon);
            if (!spotify.isClient(id)) {
                throw SpotifyErrors.accounts(400, "invalid_client", "Invalid client");
            }
            if (colon < 0 || !spotify.isClientSecret(decoded.substring(colon + 1))) {
                throw SpotifyErrors.accounts(401, "invalid_client", "Invalid client secret");
            }
            return id;
        }
        String id = ctx.formParam("client_id");
        if (id == null || !spotify.isClient(id)) {
            throw SpotifyErrors.accounts(400, "invalid_client", "Invalid client");
        }
        if (!spotify.isClientSecret(ctx.formParam("client_secret"))) {
            throw SpotifyErrors.accounts(400, "invalid_client", "Invalid client secret");
        }
        return id;
    }

    private static String redirect(String redirectUri, String key, String value, String state) {
        StringBuilder url = new StringBuilder(redirectUri);
        url.append(redirectUri.contains("?") ? '&' : '?').append(key).append('=').append(encode(value));
        if (state != null) {
            url.append("&state=").append(encode(state));
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package app.sendsongs.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Authorization codes, access tokens and refresh tokens issued by the accounts emulator. */
final class SpotifyGrants {
    /** {@code consentedAt}: when the user allowed the app, from which the grant's six months count. */
    record AuthCode(String userId, String clientId, String redirectUri, String scope, Instant consentedAt,
                    Instant expiresAt) {
    }

    /** userId is null for a client-credentials (app) token. */
    record AccessToken(String userId, String clientId, String scope, Instant expiresAt) {
    }

    /**
     * A refresh token: its grant ends six months after the consent, however often it is refreshed
     * (https://developer.spotify.com/blog/2026-06-18-refresh-token-expiration).
     */
    static final class RefreshToken {
        static final int GRANT_MONTHS = 6;
        final String userId;
        final String clientId;
        final String scope;
        final Instant consentedAt;
        private volatile boolean revoked;
        private final AtomicInteger refreshes = new AtomicInteger();

        RefreshToken(String userId, String clientId, String scope, Instant consentedAt) {
            this.userId = userId;
            this.clientId = clientId;
            this.scope = scope;
            this.consentedAt = consentedAt;
        }

        boolean revoked() {
            return revoked;
        }

        boolean expiredAt(Instant now) {
            return !now.isBefore(consentedAt.atOffset(ZoneOffset.UTC).plusMonths(GRANT_MONTHS).toInstant());
        }

        /**
         * Counts a refresh; true when this one rotates the token. Spotify may or may not return a new refresh token
         * (https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens): every second refresh
         * does here, so a client must keep using the token it has when none comes.
         */
        boolean rotatesOnRefresh() {
            return refreshes.incrementAndGet() % 2 == 0;
        }
    }

    private final ConcurrentHashMap<String, AuthCode> codes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    String issueCode(AuthCode code) {
        String value = Ids.token("AQ", 96);
        codes.put(value, code);
        return value;
    }

    /** Single use: the code is gone after this call, valid or not. */
    Optional<AuthCode> redeemCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.remove(code));
    }

    String issueAccess(AccessToken token) {
        String value = Ids.token("BQ", 96);
        accessTokens.put(value, token);
        return value;
    }

    Optional<AccessToken> access(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(token));
    }

    String issueRefresh(RefreshToken token) {
        String value = Ids.token("AQ", 96);
        refreshTokens.put(value, token);
        return value;
    }

    Optional<RefreshToken> refresh(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(refreshTokens.get(token));
    }

    /** Revokes every refresh token of the user and forgets their access tokens; answers how many were live. */
    int revokeUser(String userId) {
        int[] count = {0};
        refreshTokens.values().forEach(t -> {
            if (userId.equals(t.userId) && !t.revoked) {
                t.revoked = true;
                count[0]++;
            }
        });
        accessTokens.values().removeIf(t -> userId.equals(t.userId));
        codes.values().removeIf(c -> userId.equals(c.userId()));
        return count[0];
    }

    /** Drops expired access tokens and codes so long runs do not grow without bound. */
    void purgeExpired(Instant now) {
        accessTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        codes.values().removeIf(c -> !now.isBefore(c.expiresAt()));
    }
}

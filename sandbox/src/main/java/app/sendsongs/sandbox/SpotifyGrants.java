package app.sendsongs.sandbox;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes, access tokens and refresh tokens issued by the accounts emulator. */
final class SpotifyGrants {
    record AuthCode(String userId, String clientId, String redirectUri, String scope, Instant expiresAt) {
    }

    /** userId is null for a client-credentials (app) token. */
    record AccessToken(String userId, String clientId, String scope, Instant expiresAt) {
    }

    static final class RefreshToken {
        final String userId;
        final String clientId;
        final String scope;
        private volatile boolean revoked;

        RefreshToken(String userId, String clientId, String scope) {
            this.userId = userId;
            this.clientId = clientId;
            this.scope = scope;
        }

        boolean revoked() {
            return revoked;
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

package app.sendsongs.core.music;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A Spotify authorisation: the account and its tokens, and when the person consented. The refresh
 * token is the long-lived secret; {@link #toString()} never shows either token. {@code accessToken}
 * may be null when only the refresh token is known; {@code consentedAt} is null for a grant stored
 * before consent times were kept.
 *
 * <p>Spotify ends every grant six months after the person's consent, however often it is refreshed
 * (https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens): refreshing
 * never extends it.
 */
public record SpotifyConnection(String accountId, String accessToken, Instant accessTokenExpiresAt,
                                String refreshToken, Instant consentedAt) implements ListeningConnection {
    /** How long a Spotify grant lasts from the person's consent. */
    public static final int GRANT_MONTHS = 6;

    @Override
    public SourceKind kind() {
        return SourceKind.SPOTIFY;
    }

    public boolean accessTokenValidAt(Instant now, Duration margin) {
        return accessToken != null && accessTokenExpiresAt.isAfter(now.plus(margin));
    }

    @Override
    public Optional<Instant> accessTokenExpiry() {
        return accessToken == null ? Optional.empty() : Optional.ofNullable(accessTokenExpiresAt);
    }

    /** When Spotify ends this grant: six months after the consent; empty when the consent time is unknown. */
    public Optional<Instant> grantEndsAt() {
        return Optional.ofNullable(consentedAt)
                .map(at -> at.atOffset(ZoneOffset.UTC).plusMonths(GRANT_MONTHS).toInstant());
    }

    /** The same grant with new tokens (a refresh): the consent time stays, as Spotify's six months do. */
    public SpotifyConnection refreshed(String newAccessToken, Instant newExpiry, String newRefreshToken) {
        return new SpotifyConnection(accountId, newAccessToken, newExpiry, newRefreshToken, consentedAt);
    }

    @Override
    public String toString() {
        return "SpotifyConnection[account=" + accountId + ", expiresAt=" + accessTokenExpiresAt + ", consentedAt="
                + consentedAt + ", tokens=<redacted>]";
    }
}

package app.sendsongs.core.music;

import java.time.Duration;
import java.time.Instant;

/**
 * A Spotify authorisation: the account and its tokens. The refresh token is the long-lived
 * secret; {@link #toString()} never shows either token. {@code accessToken} may be null when
 * only the refresh token is known.
 */
public record SpotifyConnection(String accountId, String accessToken, Instant accessTokenExpiresAt,
                                String refreshToken) implements ListeningConnection {

    @Override
    public SourceKind kind() {
        return SourceKind.SPOTIFY;
    }

    public boolean accessTokenValidAt(Instant now, Duration margin) {
        return accessToken != null && accessTokenExpiresAt.isAfter(now.plus(margin));
    }

    @Override
    public String toString() {
        return "SpotifyConnection[account=" + accountId + ", expiresAt=" + accessTokenExpiresAt
                + ", tokens=<redacted>]";
    }
}

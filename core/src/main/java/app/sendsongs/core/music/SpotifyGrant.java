package app.sendsongs.core.music;

import java.time.Instant;

/**
 * The tokens of one person's Spotify authorisation. The refresh token is the long-lived secret;
 * {@link #toString()} never shows either token.
 */
public record SpotifyGrant(String accessToken, Instant accessTokenExpiresAt, String refreshToken) {

    public boolean accessTokenValidAt(Instant now, java.time.Duration margin) {
        return accessToken != null && accessTokenExpiresAt.isAfter(now.plus(margin));
    }

    @Override
    public String toString() {
        return "SpotifyGrant[expiresAt=" + accessTokenExpiresAt + ", tokens=<redacted>]";
    }
}

package app.sendsongs.spotify;

import java.time.Instant;

/**
 * The tokens one call to Spotify's token endpoint answered with. The refresh token is the
 * long-lived secret; {@link #toString()} never shows either token.
 */
public record SpotifyGrant(String accessToken, Instant accessTokenExpiresAt, String refreshToken) {

    @Override
    public String toString() {
        return "SpotifyGrant[expiresAt=" + accessTokenExpiresAt + ", tokens=<redacted>]";
    }
}

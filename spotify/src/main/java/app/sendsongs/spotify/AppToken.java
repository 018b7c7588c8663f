package app.sendsongs.spotify;

import app.sendsongs.core.music.MusicServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The app's own access token from the client credentials grant, for catalogue calls. It is
 * reused until shortly before it expires, and dropped when Spotify refuses it.
 */
final class AppToken {
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final SpotifyAccounts accounts;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    AppToken(SpotifyAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    synchronized String get() throws MusicServiceException {
        if (token == null || !expiresAt.isAfter(clock.instant().plus(RENEW_BEFORE_EXPIRY))) {
            SpotifyGrant fresh = accounts.clientCredentials();
            token = fresh.accessToken();
            expiresAt = fresh.accessTokenExpiresAt();
        }
        return token;
    }

    /** Forgets {@code refused} so the next call asks for a new token (another caller may already have). */
    synchronized void refused(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    @Override
    public String toString() {
        return "AppToken[expiresAt=" + expiresAt + ", token=<redacted>]";
    }
}

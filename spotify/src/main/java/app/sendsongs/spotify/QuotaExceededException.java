package app.sendsongs.spotify;

import app.sendsongs.core.music.MusicServiceException;
import java.time.Duration;
import java.util.Optional;

/**
 * Spotify answered 429 with {@code "reason":"QUOTA_EXCEEDED"}: the app's (shared, development-mode) quota is used up,
 * not just a burst limit. Callers may want to slow down everything, not only retry this call.
 */
public final class QuotaExceededException extends MusicServiceException {
    public QuotaExceededException(String message, Optional<Duration> retryAfter) {
        super(message, retryAfter);
    }
}

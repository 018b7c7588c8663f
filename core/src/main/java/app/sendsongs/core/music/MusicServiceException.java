package app.sendsongs.core.music;

import java.time.Duration;
import java.util.Optional;

/** The music service could not answer now; {@code retryAfter} says when to try again if it said so. */
public class MusicServiceException extends Exception {
    private final transient Optional<Duration> retryAfter;

    public MusicServiceException(String message, Optional<Duration> retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public MusicServiceException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = Optional.empty();
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}

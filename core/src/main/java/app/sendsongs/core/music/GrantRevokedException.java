package app.sendsongs.core.music;

import java.util.Optional;

/** The person's authorisation is gone (revoked or expired): they must connect again. */
public final class GrantRevokedException extends MusicServiceException {
    public GrantRevokedException(String message) {
        super(message, Optional.empty());
    }
}

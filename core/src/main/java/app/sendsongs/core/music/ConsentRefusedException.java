package app.sendsongs.core.music;

import java.util.Optional;

/**
 * What the person brought back from consent is not accepted: a ListenBrainz token that is not one (or was reset),
 * a consent code or token that is unknown, used or expired. The message is written for the person: it says what
 * to do, and never holds a secret.
 */
public final class ConsentRefusedException extends MusicServiceException {
    public ConsentRefusedException(String message) {
        super(message, Optional.empty());
    }
}

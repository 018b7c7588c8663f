package app.sendsongs.core.music;

import java.util.Optional;

/**
 * The source refuses this app's own credentials, whoever connects: Last.fm answers error 10 (invalid API key), 13
 * (invalid signature: a wrong shared secret) or 26 (suspended API key) (https://www.last.fm/api/errorcodes). Trying
 * again does not help until the server's owner fixes or replaces the key; another source does.
 */
public final class AppRefusedException extends MusicServiceException {
    public AppRefusedException(String message) {
        super(message, Optional.empty());
    }
}

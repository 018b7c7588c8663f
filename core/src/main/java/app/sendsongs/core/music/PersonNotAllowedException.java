package app.sendsongs.core.music;

import java.util.Optional;

/**
 * The source refuses this person for this app, whatever the moment: Spotify answers 403 "User not registered in
 * the Developer Dashboard" to everyone beyond the users a development-mode app may serve
 * (https://developer.spotify.com/documentation/web-api/concepts/quota-modes). Trying again does not help; another
 * source does.
 */
public final class PersonNotAllowedException extends MusicServiceException {
    public PersonNotAllowedException(String message) {
        super(message, Optional.empty());
    }
}

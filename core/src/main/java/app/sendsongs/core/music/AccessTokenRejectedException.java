package app.sendsongs.core.music;

import java.util.Optional;

/**
 * The music service refused an access token before its stated expiry (revoked, or replaced by a
 * newer one). A fresh token from the refresh grant may still work; if the grant itself is dead,
 * the refresh says so with {@link GrantRevokedException}.
 */
public class AccessTokenRejectedException extends MusicServiceException {
    public AccessTokenRejectedException(String message) {
        super(message, Optional.empty());
    }
}

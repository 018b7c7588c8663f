package app.sendsongs.lastfm;

import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicServiceException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Last.fm errors that are about the person rather than the app or the moment. */
final class LastfmRefusals {
    // under the façade's name: log settings and readers know the adapter by that name
    private static final Logger LOG = LoggerFactory.getLogger(LastfmClient.class);

    private LastfmRefusals() {
    }

    /**
     * An error of a call made with a person's session key that means they must connect again: the key is refused
     * (9, or 4 when they revoked the app), their listening is hidden from this session (17), or the user is gone
     * (6 "User not found", a 404: renamed or deleted; a new consent gives the new name). Empty for other errors.
     */
    static Optional<MusicServiceException> ofSession(LastfmError error) {
        String why = switch (error.code()) {
            case LastfmError.INVALID_SESSION_KEY, LastfmError.AUTHENTICATION_FAILED ->
                    "refused the session key: the person revoked the app";
            case LastfmError.LOGIN_REQUIRED -> "hides this person's listening from their own session";
            case LastfmError.INVALID_PARAMETERS -> error.status() == 404 ? "no longer knows the user: renamed or deleted"
                    : null;
            default -> null;
        };
        if (why == null) {
            return Optional.empty();
        }
        LOG.info("Last.fm {} ({}): the person must connect again", why, error.describe());
        return Optional.of(new GrantRevokedException("Last.fm " + why + " (" + error.describe() + ")"));
    }

    /**
     * Whether the error refuses the app's own credentials, whoever calls: an invalid API key (10), a signature made
     * with the wrong shared secret (13) or a suspended API key (26). Nothing but the server's owner can fix it.
     */
    static boolean refusesTheApp(LastfmError error) {
        return switch (error.code()) {
            case LastfmError.INVALID_API_KEY, LastfmError.INVALID_SIGNATURE, LastfmError.SUSPENDED_API_KEY -> true;
            default -> false;
        };
    }

    /**
     * An error of {@code auth.getSession} about the token: unknown or already used (4), never allowed (14) or
     * older than an hour (15). The person must go through the consent again. Empty for other errors.
     */
    static Optional<MusicServiceException> ofToken(LastfmError error) {
        return switch (error.code()) {
            case LastfmError.AUTHENTICATION_FAILED, LastfmError.UNAUTHORIZED_TOKEN, LastfmError.TOKEN_EXPIRED -> {
                LOG.info("Last.fm refused the consent token ({})", error.describe());
                yield Optional.of(new ConsentRefusedException("Last.fm refused this consent: it was already used, "
                        + "not given, or is more than an hour old."));
            }
            default -> Optional.empty();
        };
    }
}

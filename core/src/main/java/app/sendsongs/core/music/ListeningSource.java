package app.sendsongs.core.music;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Port: one kind of service a person's listening history is read from (Spotify now). The core
 * holds one per {@link SourceKind} and picks it by the kind of the person's connection.
 */
public interface ListeningSource {

    SourceKind kind();

    /** The consent page a person is sent to; {@code state} comes back on the callback. */
    URI consentUrl(String state);

    /** Completes the consent: the code from the callback becomes the person's connection. */
    ListeningConnection completeConsent(String code) throws MusicServiceException;

    /** True when {@code connection} can no longer be used at {@code now} (give or take {@code margin}) without a refresh. */
    boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin);

    /**
     * A fresh copy of the connection (new access token, a rotated refresh token when the source
     * rotated it).
     *
     * @throws GrantRevokedException when the person must connect again
     */
    ListeningConnection refresh(ListeningConnection connection) throws MusicServiceException;

    /**
     * The most recent plays strictly after {@code after}, at most one page.
     *
     * @throws AccessTokenRejectedException when the source refused a connection that should still work
     */
    RecentPlays recentPlays(ListeningConnection connection, Instant after) throws MusicServiceException;
}

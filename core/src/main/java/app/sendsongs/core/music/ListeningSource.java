package app.sendsongs.core.music;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Port: one kind of service a person's listening history is read from (Spotify, Last.fm, ListenBrainz). The core
 * holds one per {@link SourceKind} and picks it by the kind of the person's connection.
 */
public interface ListeningSource {

    SourceKind kind();

    /** The consent page a person is sent to; {@code state} comes back on the callback. */
    URI consentUrl(String state);

    /**
     * Completes the consent: what the person brought back becomes their connection. That is the
     * code on the callback (Spotify's authorization code, Last.fm's {@code token}), or for a source
     * without a consent page of its own the secret the person pasted (a ListenBrainz user token).
     */
    ListeningConnection completeConsent(String code) throws MusicServiceException;

    /** True when {@code connection} can no longer be used at {@code now} (give or take {@code margin}) without a refresh. */
    boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin);

    /**
     * A fresh copy of the connection (new access token, a rotated refresh token when the source
     * rotated it); the connection itself for a source whose connections do not expire.
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

package app.sendsongs.lastfm;

import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;

/**
 * Last.fm as a {@link ListeningSource}, over {@code java.net.http}: a person allows the app on Last.fm, the
 * callback's {@code token} becomes a session key, and their scrobbles are read with it, so people who hide
 * their recent listening can be read too. Spotify scrobbles to Last.fm by itself, so this reaches Spotify
 * listeners beyond the five a Spotify app in development mode may serve.
 *
 * <p>Every call goes through the one {@link LastfmRateLimiter} of this client. The API key is the only
 * credential that may appear in a URL; the shared secret, tokens and session keys never reach a log line or an
 * exception message.
 */
public final class LastfmClient implements ListeningSource {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final LastfmRateLimiter limiter;
    private final LastfmAuth auth;
    private final RecentTracks recentTracks;

    public LastfmClient(LastfmConfig config) {
        this(config, LastfmRateLimiter.standard(), HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** With a limiter and a client of the caller's choosing, shared by every call of this adapter. */
    public LastfmClient(LastfmConfig config, LastfmRateLimiter limiter, HttpClient http) {
        this(config, limiter, http, LastfmTransport.REQUEST_TIMEOUT);
    }

    /** With the time an exchange may take, body included (tests of stalled answers use a short one). */
    LastfmClient(LastfmConfig config, LastfmRateLimiter limiter, HttpClient http, Duration requestTimeout) {
        this.limiter = limiter;
        LastfmTransport transport = new LastfmTransport(http, limiter, config, requestTimeout);
        this.auth = new LastfmAuth(config, transport);
        this.recentTracks = new RecentTracks(transport);
    }

    /** The limiter every call of this client goes through. */
    public LastfmRateLimiter rateLimiter() {
        return limiter;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.LASTFM;
    }

    @Override
    public URI consentUrl(String state) {
        return auth.consentUrl(state);
    }

    /** {@code code} is the {@code token} Last.fm put on the callback: it becomes the person's session. */
    @Override
    public LastfmConnection completeConsent(String code) throws MusicServiceException {
        return auth.session(code);
    }

    /** A session key does not expire. */
    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        lastfm(connection);
        return false;
    }

    /** There is nothing to refresh: the session is the same until the person revokes it. */
    @Override
    public LastfmConnection refresh(ListeningConnection connection) {
        return lastfm(connection);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every scrobble after {@code after} (when there are more than five pages of 200, the oldest five pages; the
     * rest on the next read), or for {@link Instant#EPOCH} the newest 200. The track playing now is not a play yet
     * and is left out.
     *
     * @throws app.sendsongs.core.music.GrantRevokedException when the person revoked the app, hides their listening
     *                                                         from it, or their user is gone: they must connect again
     */
    @Override
    public RecentPlays recentPlays(ListeningConnection connection, Instant after) throws MusicServiceException {
        return recentTracks.since(lastfm(connection), after);
    }

    private static LastfmConnection lastfm(ListeningConnection connection) {
        if (connection instanceof LastfmConnection lastfm) {
            return lastfm;
        }
        throw new IllegalArgumentException("not a Last.fm connection but a " + connection.kind().displayName()
                + " one");
    }
}

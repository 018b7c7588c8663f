package app.sendsongs.spotify;

import app.sendsongs.core.music.AccessTokenRejectedException;
import app.sendsongs.core.music.Catalogue;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Spotify as both music ports, over {@code java.net.http}: the {@link Catalogue} with the app's own token (client
 * credentials grant), and the {@link ListeningSource} of people's Spotify connections (authorization-code flow).
 *
 * <p>Every call first asks the shared {@link SpotifyRateLimiter}: after a 429 with {@code Retry-After}, calls fail
 * fast until that moment instead of reaching Spotify. Tokens, codes and the client secret never appear in logs or
 * exception messages; only the endpoint path and Spotify's own error text do.
 */
public final class SpotifyClient implements Catalogue, ListeningSource {
    public static final String SCOPE = "user-read-recently-played";
    /** Spotify's maximum page size for recently-played. */
    public static final int PAGE_LIMIT = 50;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a looked-up track is reused before Spotify is asked again. */
    static final Duration TRACK_LIFETIME = Duration.ofMinutes(10);
    private static final int TRACKS_KEPT = 10_000;

    private final SpotifyRateLimiter limiter;
    private final SpotifyAccounts accounts;
    private final SpotifyWebApi webApi;
    private final TrackCache tracks;
    private final AppToken appToken;
    private final Clock clock;

    public SpotifyClient(SpotifyConfig config, Clock clock) {
        this(config, clock, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** With a client of the caller's choosing, shared by every call of this adapter. */
    public SpotifyClient(SpotifyConfig config, Clock clock, HttpClient http) {
        this.limiter = new SpotifyRateLimiter(clock);
        SpotifyTransport transport = new SpotifyTransport(http, limiter);
        this.accounts = new SpotifyAccounts(config, clock, transport);
        this.webApi = new SpotifyWebApi(config, transport);
        this.tracks = new TrackCache(clock, TRACK_LIFETIME, TRACKS_KEPT);
        this.appToken = new AppToken(accounts, clock);
        this.clock = clock;
    }

    /** The limiter every call of this client goes through. */
    public SpotifyRateLimiter rateLimiter() {
        return limiter;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SPOTIFY;
    }

    @Override
    public URI consentUrl(String state) {
        return accounts.authorizeUrl(state);
    }

    /**
     * Exchanges the code for tokens and asks whose account they belong to; the grant's six months count from now.
     *
     * @throws app.sendsongs.core.music.PersonNotAllowedException when the app is in development mode and the person
     *                                                            is not among its users
     * @throws app.sendsongs.core.music.ConsentRefusedException   when the code is unknown, used or expired
     */
    @Override
    public SpotifyConnection completeConsent(String code) throws MusicServiceException {
        SpotifyGrant grant = accounts.exchangeCode(code);
        return new SpotifyConnection(webApi.accountId(grant.accessToken()), grant.accessToken(),
                grant.accessTokenExpiresAt(), grant.refreshToken(), clock.instant());
    }

    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        return !spotify(connection).accessTokenValidAt(now, margin);
    }

    /**
     * A new access token; the refresh token Spotify rotated to, or the one in use when it did not rotate it (a refresh
     * answer may leave it out). The consent time stays: refreshing does not extend the grant's six months.
     */
    @Override
    public SpotifyConnection refresh(ListeningConnection connection) throws MusicServiceException {
        SpotifyConnection current = spotify(connection);
        SpotifyGrant grant = accounts.refresh(current.refreshToken());
        return current.refreshed(grant.accessToken(), grant.accessTokenExpiresAt(), grant.refreshToken());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Asked with the app's own token. A track found in the last {@link #TRACK_LIFETIME} is answered without calling
     * Spotify, so a song shared many times spends one call; a track not found is asked about every time.
     */
    @Override
    public Optional<Track> track(TrackId id) throws MusicServiceException {
        Optional<Track> known = tracks.get(id);
        if (known.isPresent()) {
            return known;
        }
        String token = appToken.get();
        Optional<Track> found;
        try {
            found = webApi.track(id, token);
        } catch (AccessTokenRejectedException rejected) {
            appToken.refused(token);
            found = webApi.track(id, appToken.get());
        }
        found.ifPresent(track -> tracks.put(id, track));
        return found;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Items that cannot be read (local files have no id) are left out, and the page's {@code pageLimit} shrinks by
     * as many, so that a page Spotify filled is still seen as full and a possible gap is still reported. An empty
     * history may come as 204 without a body: no plays.
     *
     * @throws app.sendsongs.core.music.PersonNotAllowedException when the app is in development mode and the person
     *                                                            is not among its users
     */
    @Override
    public RecentPlays recentPlays(ListeningConnection connection, Instant after) throws MusicServiceException {
        return webApi.recentlyPlayed(spotify(connection).accessToken(), after);
    }

    /** The steps the port methods take, for tests that drive the flows one call at a time. */
    URI authorizeUrl(String state) {
        return accounts.authorizeUrl(state);
    }

    SpotifyGrant exchangeCode(String code) throws MusicServiceException {
        return accounts.exchangeCode(code);
    }

    SpotifyGrant refresh(String refreshToken) throws MusicServiceException {
        return accounts.refresh(refreshToken);
    }

    String accountId(String accessToken) throws MusicServiceException {
        return webApi.accountId(accessToken);
    }

    RecentPlays recentlyPlayed(String accessToken, Instant after) throws MusicServiceException {
        return webApi.recentlyPlayed(accessToken, after);
    }

    private static SpotifyConnection spotify(ListeningConnection connection) {
        if (connection instanceof SpotifyConnection spotify) {
            return spotify;
        }
        throw new IllegalArgumentException("not a Spotify connection but a " + connection.kind().displayName() + " one");
    }
}

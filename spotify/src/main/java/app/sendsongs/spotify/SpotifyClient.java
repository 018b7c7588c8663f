package app.sendsongs.spotify;

import app.sendsongs.core.music.MusicService;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SpotifyGrant;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Spotify's accounts service (OAuth authorization-code flow) and Web API, over {@code java.net.http}.
 *
 * <p>Every call first asks the shared {@link SpotifyRateLimiter}: after a 429 with {@code Retry-After}, calls fail
 * fast until that moment instead of reaching Spotify. Tokens, codes and the client secret never appear in logs or
 * exception messages; only the endpoint path and Spotify's own error text do.
 */
public final class SpotifyClient implements MusicService {
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
    }

    /** The limiter every call of this client goes through. */
    public SpotifyRateLimiter rateLimiter() {
        return limiter;
    }

    @Override
    public URI authorizeUrl(String state) {
        return accounts.authorizeUrl(state);
    }

    @Override
    public SpotifyGrant exchangeCode(String code) throws MusicServiceException {
        return accounts.exchangeCode(code);
    }

    @Override
    public SpotifyGrant refresh(String refreshToken) throws MusicServiceException {
        return accounts.refresh(refreshToken);
    }

    @Override
    public String accountId(String accessToken) throws MusicServiceException {
        return webApi.accountId(accessToken);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A track found in the last {@link #TRACK_LIFETIME} is answered without calling Spotify, so a song shared
     * many times spends one call; a track not found is asked about every time.
     */
    @Override
    public Optional<Track> track(TrackId id, String accessToken) throws MusicServiceException {
        if (accessToken == null || accessToken.isBlank()) {
            throw new MusicServiceException("no Spotify access token", Optional.empty());
        }
        Optional<Track> known = tracks.get(id);
        if (known.isPresent()) {
            return known;
        }
        Optional<Track> found = webApi.track(id, accessToken);
        found.ifPresent(track -> tracks.put(id, track));
        return found;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Items that cannot be read (local files have no id) are left out, and the page's {@code pageLimit} shrinks by
     * as many, so that a page Spotify filled is still seen as full and a possible gap is still reported.
     */
    @Override
    public RecentPlays recentlyPlayed(String accessToken, Instant after) throws MusicServiceException {
        return webApi.recentlyPlayed(accessToken, after);
    }
}

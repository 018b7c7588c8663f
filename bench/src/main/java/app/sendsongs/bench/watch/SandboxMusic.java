package app.sendsongs.bench.watch;

import app.sendsongs.core.music.AccessTokenRejectedException;
import app.sendsongs.core.music.Catalogue;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.sandbox.CatalogueTrack;
import app.sendsongs.sandbox.SandboxUser;
import app.sendsongs.sandbox.SpotifyEmulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The music ports on the sandbox's Spotify state in process, without HTTP: the same catalogue and
 * the same recently-played page choice as the Web API emulator. Access tokens live an hour and
 * are refused after; every call is counted. A person's Spotify user is their PSID.
 */
final class SandboxMusic implements Catalogue, ListeningSource {
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3600);
    private static final int PAGE = 50;

    private final SpotifyEmulator spotify;
    private final Clock clock;
    private final Map<String, Track> tracks = new HashMap<>();
    long refreshes;
    long recentlyPlayed;
    long trackLookups;
    long refusedTokens;
    /** Refreshes and recently-played calls: the watch calls. */
    final DailyCalls watchCalls;

    SandboxMusic(SpotifyEmulator spotify, Clock clock) {
        this.spotify = spotify;
        this.clock = clock;
        this.watchCalls = new DailyCalls(clock);
    }

    /** The refresh token of a simulated person. */
    static String refreshTokenOf(String psid) {
        return "refresh." + psid;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SPOTIFY;
    }

    @Override
    public URI consentUrl(String state) {
        return URI.create("https://accounts.spotify.invalid/authorize?state=" + state);
    }

    @Override
    public ListeningConnection completeConsent(String code) {
        refreshes++;
        watchCalls.count();
        return connectionFor(code);
    }

    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        return !((SpotifyConnection) connection).accessTokenValidAt(now, margin);
    }

    @Override
    public ListeningConnection refresh(ListeningConnection connection) {
        refreshes++;
        watchCalls.count();
        return connectionFor(((SpotifyConnection) connection).refreshToken().substring("refresh.".length()));
    }

    private SpotifyConnection connectionFor(String psid) {
        Instant expires = clock.instant().plus(TOKEN_LIFETIME);
        return new SpotifyConnection(psid, "access." + expires.toEpochMilli() + "." + psid, expires,
                refreshTokenOf(psid), null);
    }

    /** The app's own catalogue lookup: no person's token involved. */
    @Override
    public Optional<Track> track(TrackId id) {
        trackLookups++;
        return spotify.catalogue().byId(id.value()).map(this::track);
    }

    @Override
    public RecentPlays recentPlays(ListeningConnection connection, Instant after) throws MusicServiceException {
        recentlyPlayed++;
        watchCalls.count();
        String accessToken = ((SpotifyConnection) connection).accessToken();
        SandboxUser.Page page = spotify.user(userOf(accessToken)).recentlyPlayed(after.toEpochMilli(), Long.MAX_VALUE,
                PAGE, clock.instant());
        List<Play> plays = new ArrayList<>(page.plays().size());
        for (SandboxUser.Play play : page.plays()) {
            plays.add(new Play(track(spotify.catalogue().byId(play.trackId()).orElseThrow()).recording(),
                    play.playedAt()));
        }
        return new RecentPlays(plays, PAGE);
    }

    /** The person behind a token; an expired token is refused as Spotify does (401). */
    private String userOf(String accessToken) throws AccessTokenRejectedException {
        String[] parts = accessToken.split("\\.", 3);
        if (Long.parseLong(parts[1]) <= clock.millis()) {
            refusedTokens++;
            throw new AccessTokenRejectedException("The access token expired");
        }
        return parts[2];
    }

    private Track track(CatalogueTrack t) {
        return tracks.computeIfAbsent(t.id(), id -> new Track(new TrackId(id), t.name(), t.artists(),
                Duration.ofMillis(t.durationMs()), Optional.ofNullable(t.isrc()), Optional.empty()));
    }
}

package app.sendsongs.core.fakes;

import app.sendsongs.core.music.AccessTokenRejectedException;
import app.sendsongs.core.music.Catalogue;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.PersonNotAllowedException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.ShortLinks;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.time.ManualClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small catalogue and people's plays, as both music ports. A person's tokens carry their address's
 * key (see {@link #connectionFor}); the connection made by consent with a code carries the code, so
 * a test that wants that person's plays read uses their address's key as the code. It records when each
 * person's plays were read and their token refreshed. A token past its expiry is refused, as Spotify refuses it.
 */
public final class FakeMusic implements Catalogue, ShortLinks, ListeningSource {
    public static final Track SONG = track("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley");
    public static final Track OTHER_SONG = track("7GhIk7Il098yCjg4BQjzvb", "Take On Me", "a-ha");

    private final Map<TrackId, Track> catalogue = new HashMap<>(Map.of(SONG.id(), SONG, OTHER_SONG.id(), OTHER_SONG));
    private final Map<String, List<Play>> plays = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    private final Map<String, TrackId> shortLinks = new HashMap<>();
    private final Set<String> refused = new HashSet<>();
    private final List<String> consented = new ArrayList<>();
    private final Map<String, List<Instant>> readsAt = new HashMap<>();
    private final Map<String, List<Instant>> refreshesAt = new HashMap<>();
    /** How long a refreshed access token lasts; by default past any test. */
    private Duration tokenLifetime;
    private final Clock clock;
    private int userLimit = Integer.MAX_VALUE;
    private boolean catalogueDown;
    /** What someone else does while the next track look-up is under way, once. */
    private Runnable duringNextLookup;
    /** How long each read of plays keeps its caller waiting (on a manual clock); none by default. */
    private Duration readTime = Duration.ZERO;

    public FakeMusic(Clock clock) {
        this.clock = clock;
    }

    public static Track track(String id, String name, String artist) {
        return new Track(new TrackId(id), name, List.of(artist), Duration.ofMinutes(3), Optional.empty(),
                Optional.empty());
    }

    /** A connection whose access token lasts long past any test. */
    public static SpotifyConnection connectionFor(ChatAddress person) {
        return connection("spotify-" + person.id(), person.key());
    }

    /** The tokens carry {@code key}, whose plays {@link #recentPlays} reads. */
    private static SpotifyConnection connection(String accountId, String key) {
        return new SpotifyConnection(accountId, "access-" + key, Instant.parse("2100-01-01T00:00:00Z"),
                "refresh-" + key, null);
    }

    public synchronized void play(ChatAddress person, Track track, Instant at) {
        plays.computeIfAbsent(person.key(), p -> new ArrayList<>()).add(new Play(track.recording(), at));
    }

    /** The person's grant ends: their token is refused and so is its refresh, until they consent again. */
    public synchronized void revoke(ChatAddress person) {
        revoked.add(person.key());
    }

    /** {@code https://spotify.link/<code>} leads to the track. */
    public synchronized void shortLink(String code, Track track) {
        shortLinks.put(code, track.id());
    }

    @Override
    public synchronized Optional<TrackId> track(SongLink.Short link) throws MusicServiceException {
        if (catalogueDown) {
            throw new MusicServiceException("Spotify is down", Optional.empty());
        }
        return Optional.ofNullable(shortLinks.get(link.code()));
    }

    /** Adds a track to the catalogue. */
    public synchronized void add(Track track) {
        catalogue.put(track.id(), track);
    }

    /** Like a Spotify app in development mode: only the first {@code limit} accounts to consent may use it. */
    public synchronized void allowOnly(int limit) {
        userLimit = limit;
    }

    /** Every read of the person's plays is refused from now on, as Spotify refuses someone not allowed (403). */
    public synchronized void refuseReads(ChatAddress person) {
        refused.add(person.key());
    }

    /** The catalogue stops answering (or, with false, answers again). */
    public synchronized void catalogueDown(boolean down) {
        catalogueDown = down;
    }

    /** Refreshed access tokens last {@code lifetime} from now on, as Spotify's last an hour. */
    public synchronized void tokensLast(Duration lifetime) {
        tokenLifetime = lifetime;
    }

    /**
     * Every read of plays from now on takes {@code time} before it answers, as a source that hangs until the
     * caller's timeout; the harness's manual clock moves on by it.
     */
    public synchronized void readsTake(Duration time) {
        readTime = time;
    }

    /** When the person's token was refreshed, oldest first. */
    public synchronized List<Instant> refreshesOf(ChatAddress person) {
        return List.copyOf(refreshesAt.getOrDefault(person.key(), List.of()));
    }

    /** When the person's plays were read, oldest read first. */
    public synchronized List<Instant> readsOf(ChatAddress person) {
        return List.copyOf(readsAt.getOrDefault(person.key(), List.of()));
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SPOTIFY;
    }

    @Override
    public URI consentUrl(String state) {
        return URI.create("https://accounts.example/authorize?state=" + state);
    }

    @Override
    public synchronized ListeningConnection completeConsent(String code) throws PersonNotAllowedException {
        if (!consented.contains(code)) {
            consented.add(code);
        }
        if (consented.indexOf(code) >= userLimit) {
            throw new PersonNotAllowedException("Spotify answered 403: User not registered in the Developer Dashboard");
        }
        revoked.remove(code);
        SpotifyConnection connection = connection("spotify-" + code, code);
        return new SpotifyConnection(connection.accountId(), connection.accessToken(),
                connection.accessTokenExpiresAt(), connection.refreshToken(), clock.instant());
    }

    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        return !((SpotifyConnection) connection).accessTokenValidAt(now, margin);
    }

    @Override
    public synchronized ListeningConnection refresh(ListeningConnection connection) throws GrantRevokedException {
        SpotifyConnection spotify = (SpotifyConnection) connection;
        String key = spotify.refreshToken().substring("refresh-".length());
        if (revoked.contains(key)) {
            throw new GrantRevokedException("invalid_grant");
        }
        refreshesAt.computeIfAbsent(key, k -> new ArrayList<>()).add(clock.instant());
        SpotifyConnection fresh = connection(spotify.accountId(), key);
        return spotify.refreshed(fresh.accessToken(), tokenLifetime == null ? fresh.accessTokenExpiresAt()
                : clock.instant().plus(tokenLifetime), fresh.refreshToken());
    }

    /** Runs {@code meanwhile} once, inside the next track look-up: another person's action at that very moment. */
    public synchronized void duringNextLookup(Runnable meanwhile) {
        duringNextLookup = meanwhile;
    }

    @Override
    public Optional<Track> track(TrackId id) throws MusicServiceException {
        Runnable meanwhile;
        synchronized (this) {
            meanwhile = duringNextLookup;
            duringNextLookup = null;
        }
        if (meanwhile != null) {
            meanwhile.run();
        }
        synchronized (this) {
            if (catalogueDown) {
                throw new MusicServiceException("the catalogue is down", Optional.empty());
            }
            return Optional.ofNullable(catalogue.get(id));
        }
    }

    @Override
    public synchronized RecentPlays recentPlays(ListeningConnection connection, Instant after)
            throws MusicServiceException {
        String key = ((SpotifyConnection) connection).accessToken().substring("access-".length());
        readsAt.computeIfAbsent(key, k -> new ArrayList<>()).add(clock.instant());
        if (clock instanceof ManualClock manual) {
            manual.advance(readTime);
        }
        if (refused.contains(key)) {
            throw new PersonNotAllowedException("Spotify answered 403: User not registered in the Developer Dashboard");
        }
        if (revoked.contains(key)) {
            throw new AccessTokenRejectedException("the access token was revoked");
        }
        if (!((SpotifyConnection) connection).accessTokenValidAt(clock.instant(), Duration.ZERO)) {
            throw new AccessTokenRejectedException("The access token expired");
        }
        List<Play> newer = plays.getOrDefault(key, List.of()).stream().filter(p -> p.playedAt().isAfter(after))
                .sorted(Comparator.comparing(Play::playedAt).reversed()).limit(50).toList();
        return new RecentPlays(newer, 50);
    }
}

package app.sendsongs.core.fakes;

import app.sendsongs.core.music.Catalogue;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.SpotifyConnection;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small catalogue and people's plays, as both music ports; a person's access token is
 * {@code "access-" + psid} (see {@link #connectionFor}).
 */
public final class FakeMusic implements Catalogue, ListeningSource {
    public static final Track SONG = track("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley");
    public static final Track OTHER_SONG = track("7GhIk7Il098yCjg4BQjzvb", "Take On Me", "a-ha");

    private final Map<TrackId, Track> catalogue = new HashMap<>(Map.of(SONG.id(), SONG, OTHER_SONG.id(), OTHER_SONG));
    private final Map<String, List<Play>> plays = new HashMap<>();

    public static Track track(String id, String name, String artist) {
        return new Track(new TrackId(id), name, List.of(artist), Duration.ofMinutes(3), Optional.empty(),
                Optional.empty());
    }

    /** A connection whose access token lasts long past any test. */
    public static SpotifyConnection connectionFor(String psid) {
        return new SpotifyConnection("spotify-" + psid, "access-" + psid, Instant.parse("2100-01-01T00:00:00Z"),
                "refresh-" + psid);
    }

    public synchronized void play(String psid, Track track, Instant at) {
        plays.computeIfAbsent(psid, p -> new ArrayList<>()).add(new Play(track.recording(), at));
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
    public ListeningConnection completeConsent(String code) {
        return connectionFor(code);
    }

    @Override
    public boolean needsRefresh(ListeningConnection connection, Instant now, Duration margin) {
        return !((SpotifyConnection) connection).accessTokenValidAt(now, margin);
    }

    @Override
    public ListeningConnection refresh(ListeningConnection connection) {
        return connectionFor(((SpotifyConnection) connection).refreshToken().substring("refresh-".length()));
    }

    @Override
    public synchronized Optional<Track> track(TrackId id) {
        return Optional.ofNullable(catalogue.get(id));
    }

    @Override
    public synchronized RecentPlays recentPlays(ListeningConnection connection, Instant after) {
        String psid = ((SpotifyConnection) connection).accessToken().substring("access-".length());
        List<Play> newer = plays.getOrDefault(psid, List.of()).stream().filter(p -> p.playedAt().isAfter(after))
                .sorted(Comparator.comparing(Play::playedAt).reversed()).limit(50).toList();
        return new RecentPlays(newer, 50);
    }
}

package app.sendsongs.core.fakes;

import app.sendsongs.core.music.MusicService;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SpotifyGrant;
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
 * A music service with a small catalogue and people's plays; a person's access token is
 * {@code "access-" + psid} (see {@link #grantFor}).
 */
public final class FakeMusic implements MusicService {
    public static final Track SONG = track("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", "Rick Astley");
    public static final Track OTHER_SONG = track("7GhIk7Il098yCjg4BQjzvb", "Take On Me", "a-ha");

    private final Map<TrackId, Track> catalogue = new HashMap<>(Map.of(SONG.id(), SONG, OTHER_SONG.id(), OTHER_SONG));
    private final Map<String, List<Play>> plays = new HashMap<>();

    public static Track track(String id, String name, String artist) {
        return new Track(new TrackId(id), name, List.of(artist), Duration.ofMinutes(3), Optional.empty(),
                Optional.empty());
    }

    /** A grant whose access token lasts long past any test. */
    public static SpotifyGrant grantFor(String psid) {
        return new SpotifyGrant("access-" + psid, Instant.parse("2100-01-01T00:00:00Z"), "refresh-" + psid);
    }

    public synchronized void play(String psid, Track track, Instant at) {
        plays.computeIfAbsent(psid, p -> new ArrayList<>()).add(new Play(track, at));
    }

    @Override
    public URI authorizeUrl(String state) {
        return URI.create("https://accounts.example/authorize?state=" + state);
    }

    @Override
    public SpotifyGrant exchangeCode(String code) {
        return grantFor(code);
    }

    @Override
    public SpotifyGrant refresh(String refreshToken) {
        return grantFor(refreshToken.substring("refresh-".length()));
    }

    @Override
    public String accountId(String accessToken) {
        return "spotify-" + accessToken;
    }

    @Override
    public synchronized Optional<Track> track(TrackId id, String accessToken) {
        return Optional.ofNullable(catalogue.get(id));
    }

    @Override
    public synchronized RecentPlays recentlyPlayed(String accessToken, Instant after) throws MusicServiceException {
        String psid = accessToken.substring("access-".length());
        List<Play> newer = plays.getOrDefault(psid, List.of()).stream().filter(p -> p.playedAt().isAfter(after))
                .sorted(Comparator.comparing(Play::playedAt).reversed()).limit(50).toList();
        return new RecentPlays(newer, 50);
    }
}

package app.sendsongs.spotify;

import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tracks looked up in the last few minutes, so a song shared many times (a hit, a group share)
 * costs one Spotify call rather than one per share: the app's quota is small and shared. Only
 * tracks that were found are kept; the least recently used go first when it is full.
 *
 * <p>A track is kept as Spotify described it to whoever looked it up first; only relinking
 * ({@code linked_from}) depends on that person's market, and a play of the same recording under
 * another id is matched by ISRC anyway.
 */
final class TrackCache {
    private record Kept(Track track, Instant until) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final Map<TrackId, Kept> entries;

    TrackCache(Clock clock, Duration lifetime, int capacity) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TrackId, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Track> get(TrackId id) {
        Kept entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(id);
            return Optional.empty();
        }
        return Optional.of(entry.track());
    }

    synchronized void put(TrackId id, Track track) {
        entries.put(id, new Kept(track, clock.instant().plus(lifetime)));
    }
}

package app.sendsongs.core.music;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A track as the catalogue describes it. {@code linkedFrom} is set when Spotify relinked the requested
 * id to another release of the same recording; {@code isrc} identifies the recording itself.
 * {@code albumImageUrl} is for showing the song when it is sent; stores do not keep it.
 */
public record Track(TrackId id, String name, List<String> artists, Duration duration,
                    Optional<String> isrc, Optional<TrackId> linkedFrom, Optional<String> albumImageUrl) {

    public Track {
        artists = List.copyOf(artists);
    }

    public Track(TrackId id, String name, List<String> artists, Duration duration, Optional<String> isrc,
                 Optional<TrackId> linkedFrom) {
        this(id, name, artists, duration, isrc, linkedFrom, Optional.empty());
    }

    public String artistLine() {
        return String.join(", ", artists);
    }

    /** "Title by Artist", as people read it in a message. */
    public String title() {
        return artists.isEmpty() ? name : name + " by " + artistLine();
    }

    /** What identifies the recording: its Spotify id and the one it was relinked from, ISRC, artists and title. */
    public Recording recording() {
        Set<TrackId> ids = new LinkedHashSet<>();
        ids.add(id);
        linkedFrom.ifPresent(ids::add);
        return new Recording(ids, isrc, Optional.empty(), artists, name);
    }
}

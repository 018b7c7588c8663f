package app.sendsongs.core.music;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A track as Spotify describes it. {@code linkedFrom} is set when Spotify relinked the requested
 * id to another release of the same recording; {@code isrc} identifies the recording itself.
 */
public record Track(TrackId id, String name, List<String> artists, Duration duration,
                    Optional<String> isrc, Optional<TrackId> linkedFrom) {

    public Track {
        artists = List.copyOf(artists);
    }

    public String artistLine() {
        return String.join(", ", artists);
    }

    /** "Title by Artist", as people read it in a message. */
    public String title() {
        return artists.isEmpty() ? name : name + " by " + artistLine();
    }
}

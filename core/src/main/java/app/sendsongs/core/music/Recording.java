package app.sendsongs.core.music;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a source knows about a recording: the Spotify ids it goes by (none for a source that only
 * has names), its ISRC and MusicBrainz recording id when known, the credited artists (primary
 * first) and the title. Two recordings are compared by {@link #sameSongAs}.
 */
public record Recording(Set<TrackId> spotifyIds, Optional<String> isrc, Optional<String> musicBrainzId,
                        List<String> artists, String title) {

    public Recording {
        spotifyIds = Set.copyOf(spotifyIds);
        isrc = isrc.map(Recording::compactIsrc).filter(s -> !s.isEmpty());
        musicBrainzId = musicBrainzId.map(String::strip).filter(s -> !s.isEmpty());
        artists = List.copyOf(artists);
        title = title == null ? "" : title;
    }

    /** A recording known only by its names, as a scrobbling source reports it. */
    public static Recording named(String artist, String title) {
        return new Recording(Set.of(), Optional.empty(), Optional.empty(), List.of(artist), title);
    }

    /**
     * Whether {@code played} is this (shared) song: a shared Spotify id (the id or the one it was
     * relinked from), the same ISRC, the same MusicBrainz id, or, only when the play carries no
     * Spotify id, the same primary artist and title once {@link SongNames normalised}. A play that
     * has a Spotify id which differs is another release and must match by ISRC instead: names alone
     * would take a live or remixed release for the studio one less often than they would confuse
     * two releases that Spotify tells apart.
     */
    public boolean sameSongAs(Recording played) {
        if (played.spotifyIds.stream().anyMatch(spotifyIds::contains)) {
            return true;
        }
        if (isrc.isPresent() && played.isrc.isPresent() && isrc.get().equalsIgnoreCase(played.isrc.get())) {
            return true;
        }
        if (musicBrainzId.isPresent() && played.musicBrainzId.isPresent()
                && musicBrainzId.get().equalsIgnoreCase(played.musicBrainzId.get())) {
            return true;
        }
        return played.spotifyIds.isEmpty() && SongNames.sameNames(this, played);
    }

    /** An ISRC is 12 letters and digits; tags and players sometimes write it "US-UM7-17-03861". */
    private static String compactIsrc(String isrc) {
        return isrc.replaceAll("[\\s-]", "");
    }

    public Optional<String> primaryArtist() {
        return artists.stream().findFirst();
    }
}

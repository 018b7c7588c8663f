package app.sendsongs.spotify;

import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads Spotify's track objects and recently-played pages into the core's music types. */
final class SpotifyJsonMapping {
    private SpotifyJsonMapping() {
    }

    /** A track object; empty when it has no valid id (local files have none). */
    static Optional<Track> track(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String id = node.path("id").asText(null);
        if (!TrackId.isValid(id)) {
            return Optional.empty();
        }
        String isrc = node.path("external_ids").path("isrc").asText("");
        return Optional.of(new Track(new TrackId(id), node.path("name").asText(""), artists(node),
                Duration.ofMillis(Math.max(0, node.path("duration_ms").asLong(0))),
                isrc.isBlank() ? Optional.empty() : Optional.of(isrc),
                linkedFrom(node, id), albumImage(node)));
    }

    /** The widest cover of the track's album ({@code album.images[]}), when Spotify gave one. */
    private static Optional<String> albumImage(JsonNode track) {
        String best = null;
        long widest = -1;
        for (JsonNode image : track.path("album").path("images")) {
            String url = image.path("url").asText("");
            long width = image.path("width").asLong(0);
            if (!url.isBlank() && width > widest) {
                best = url;
                widest = width;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The plays of a recently-played page that are after {@code after}, newest first. Unreadable items are left out
     * and shrink the page limit by as many, so that a page Spotify filled still counts as full.
     */
    static RecentPlays recentPlays(JsonNode page, Instant after, int requestedLimit) {
        List<Play> plays = new ArrayList<>();
        int unreadable = 0;
        boolean reachedCursor = false;
        for (JsonNode item : page.path("items")) {
            Optional<Instant> playedAt = timestamp(item.path("played_at").asText(null));
            Optional<Track> track = track(item.path("track"));
            if (playedAt.isEmpty() || track.isEmpty()) {
                unreadable++; // local files have no id; anything unreadable cannot match a share anyway
            } else if (playedAt.get().isAfter(after)) {
                plays.add(new Play(track.get().recording(), playedAt.get()));
            } else {
                reachedCursor = true;
            }
        }
        plays.sort(Comparator.comparing(Play::playedAt).reversed());
        return new RecentPlays(plays, reachedCursor ? requestedLimit : Math.max(1, requestedLimit - unreadable));
    }

    private static List<String> artists(JsonNode track) {
        List<String> artists = new ArrayList<>();
        for (JsonNode artist : track.path("artists")) {
            String name = artist.path("name").asText("");
            if (!name.isBlank()) {
                artists.add(name);
            }
        }
        return artists;
    }

    /** The id Spotify relinked from, when it differs from the track's own. */
    private static Optional<TrackId> linkedFrom(JsonNode track, String id) {
        String linkedFrom = track.path("linked_from").path("id").asText(null);
        return TrackId.isValid(linkedFrom) && !linkedFrom.equals(id) ? Optional.of(new TrackId(linkedFrom))
                : Optional.empty();
    }

    private static Optional<Instant> timestamp(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}

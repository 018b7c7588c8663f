package app.sendsongs.lastfm;

import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.Recording;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of {@code user.getRecentTracks} (https://www.last.fm/api/show/user.getRecentTracks) read into plays:
 * {@code recenttracks.track} is an array, or an object when the page holds one track, or missing; the track
 * playing now ({@code @attr.nowplaying}, no {@code date}) is not a finished play and is left out, as is anything
 * without a readable {@code date.uts}, artist or title. Names are {@code artist["#text"]} (or
 * {@code artist.name} in the extended form) and {@code name}; a track {@code mbid} is its MusicBrainz
 * recording id. Numbers may come as strings.
 *
 * @param plays      the page's finished plays, as Last.fm ordered them (newest first)
 * @param totalPages {@code @attr.totalPages}, at least 1
 */
record RecentTracksPage(List<Play> plays, int totalPages) {

    static RecentTracksPage read(JsonNode body) throws MusicServiceException {
        JsonNode recent = body.path("recenttracks");
        if (!recent.isObject()) {
            throw new MusicServiceException("Last.fm user.getRecentTracks answered without \"recenttracks\"",
                    Optional.empty());
        }
        List<Play> plays = new ArrayList<>();
        for (JsonNode track : entries(recent.path("track"))) {
            play(track).ifPresent(plays::add);
        }
        return new RecentTracksPage(plays, Math.max(1, (int) number(recent.path("@attr").path("totalPages"), 1)));
    }

    /** The newest play's time, when the page has a play. */
    Optional<Instant> newest() {
        return plays.stream().map(Play::playedAt).max(Instant::compareTo);
    }

    private static List<JsonNode> entries(JsonNode track) {
        if (track.isArray()) {
            List<JsonNode> entries = new ArrayList<>();
            track.forEach(entries::add);
            return entries;
        }
        return track.isObject() ? List.of(track) : List.of();
    }

    private static Optional<Play> play(JsonNode track) {
        if ("true".equalsIgnoreCase(track.path("@attr").path("nowplaying").asText(""))) {
            return Optional.empty();
        }
        long uts = number(track.path("date").path("uts"), -1);
        String artist = text(track.path("artist"));
        String title = track.path("name").asText("").strip();
        if (uts < 0 || artist.isEmpty() || title.isEmpty()) {
            return Optional.empty();
        }
        String mbid = track.path("mbid").asText("");
        Recording recording = new Recording(Set.of(), Optional.empty(), Optional.of(mbid), List.of(artist), title);
        return Optional.of(new Play(recording, Instant.ofEpochSecond(uts)));
    }

    /** An artist as {@code {"#text": name}}, {@code {"name": name}} (extended) or plain text. */
    private static String text(JsonNode artist) {
        if (artist.isTextual()) {
            return artist.asText().strip();
        }
        JsonNode name = artist.has("#text") ? artist.path("#text") : artist.path("name");
        return name.isValueNode() ? name.asText("").strip() : "";
    }

    /** A whole number given as a number or as digits in a string; {@code fallback} otherwise. */
    private static long number(JsonNode node, long fallback) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}

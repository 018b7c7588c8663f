package app.sendsongs.listenbrainz;

import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.Recording;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.music.TrackLinks;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a listen of {@code GET /1/user/<name>/listens} (https://listenbrainz.readthedocs.io/en/latest/users/json.html)
 * into a play. What it knows of the recording: {@code additional_info.spotify_id} (a track URL when ListenBrainz
 * imported the listen from Spotify), {@code isrc}, {@code recording_mbid} (the client's, else the one ListenBrainz
 * mapped in {@code mbid_mapping}), the artists ({@code additional_info.artist_names}, else {@code artist_name}) and
 * {@code track_name}. A listen without a time, artist or title is not read.
 */
final class ListenJson {
    private ListenJson() {
    }

    static Optional<Play> play(JsonNode listen) {
        JsonNode metadata = listen.path("track_metadata");
        JsonNode info = metadata.path("additional_info");
        String artist = text(metadata.path("artist_name"));
        String title = text(metadata.path("track_name"));
        if (!listen.path("listened_at").canConvertToLong() || artist.isEmpty() || title.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> mbid = Optional.of(text(info.path("recording_mbid"))).filter(s -> !s.isEmpty())
                .or(() -> Optional.of(text(metadata.path("mbid_mapping").path("recording_mbid"))));
        Recording recording = new Recording(spotifyIds(info.path("spotify_id")),
                Optional.of(text(info.path("isrc"))), mbid, artists(info.path("artist_names"), artist), title);
        return Optional.of(new Play(recording, Instant.ofEpochSecond(listen.path("listened_at").asLong())));
    }

    private static Set<TrackId> spotifyIds(JsonNode spotifyId) {
        String value = text(spotifyId);
        if (TrackId.isValid(value)) {
            return Set.of(new TrackId(value));
        }
        return TrackLinks.parse(value).map(Set::of).orElse(Set.of());
    }

    private static List<String> artists(JsonNode names, String artist) {
        List<String> artists = new ArrayList<>();
        for (JsonNode name : names) {
            if (!text(name).isEmpty()) {
                artists.add(text(name));
            }
        }
        return artists.isEmpty() ? List.of(artist) : artists;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText().strip() : "";
    }
}

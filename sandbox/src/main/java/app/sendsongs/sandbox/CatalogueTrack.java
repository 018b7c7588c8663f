package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One track of the emulated Spotify catalogue.
 *
 * @param isrc       may be null; two ids with the same ISRC are the same recording released twice
 * @param linkedFrom may be null; an other (original) id this track stands in for (Spotify track relinking)
 * @param album      album name; null means a single named after the track
 */
public record CatalogueTrack(String id, String name, List<String> artists, long durationMs,
                             String isrc, String linkedFrom, String album) {
    private static final Pattern ISRC = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");

    public CatalogueTrack {
        if (!Ids.isSpotifyId(id)) {
            throw new IllegalArgumentException("id must be 22 base-62 characters, got " + quote(id));
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-empty string (track " + id + ")");
        }
        if (artists == null || artists.isEmpty() || artists.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("artists must be a non-empty array of names (track " + id + ")");
        }
        if (durationMs <= 0) {
            throw new IllegalArgumentException("duration_ms must be a positive number (track " + id + ")");
        }
        if (isrc != null && !ISRC.matcher(isrc).matches()) {
            throw new IllegalArgumentException("isrc must look like QZES72600001, got " + quote(isrc));
        }
        if (linkedFrom != null && (!Ids.isSpotifyId(linkedFrom) || linkedFrom.equals(id))) {
            throw new IllegalArgumentException("linked_from must be an other 22-character base-62 id (track " + id + ")");
        }
        artists = List.copyOf(artists);
    }

    public String albumName() {
        return album == null ? name : album;
    }

    /** Parses the control-API / catalogue-file form; throws IllegalArgumentException with a readable reason. */
    static CatalogueTrack fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("each track must be a JSON object");
        }
        List<String> artists = new ArrayList<>();
        JsonNode a = node.get("artists");
        if (a != null && a.isArray()) {
            for (JsonNode artist : a) {
                artists.add(artist.isTextual() ? artist.asText()
                        : artist.isObject() && artist.path("name").isTextual() ? artist.path("name").asText() : null);
            }
        } else if (a != null && a.isTextual()) {
            artists.add(a.asText());
        }
        JsonNode duration = node.get("duration_ms");
        if (duration != null && !duration.isNumber()) {
            throw new IllegalArgumentException("duration_ms must be a positive number");
        }
        return new CatalogueTrack(text(node, "id"), text(node, "name"), artists,
                duration == null ? 0 : duration.asLong(), text(node, "isrc"), text(node, "linked_from"), text(node, "album"));
    }

    /** The control-API form: {@code {"id","name","artists":[names],"duration_ms","isrc"?,"linked_from"?,"album"}}. */
    ObjectNode toJson() {
        ObjectNode node = JsonIo.object();
        node.put("id", id);
        node.put("name", name);
        artists.forEach(node.putArray("artists")::add);
        node.put("duration_ms", durationMs);
        if (isrc != null) {
            node.put("isrc", isrc);
        }
        if (linkedFrom != null) {
            node.put("linked_from", linkedFrom);
        }
        node.put("album", albumName());
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static String quote(String s) {
        return s == null ? "nothing" : '"' + s + '"';
    }
}

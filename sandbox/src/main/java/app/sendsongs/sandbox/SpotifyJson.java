package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Spotify Web API object shapes (track, artist, album, user). */
final class SpotifyJson {
    private static final String OPEN = "https://open.spotify.com/";

    private SpotifyJson() {
    }

    /** The full track object, as {@code GET /v1/tracks/{id}} and recently-played items carry it. */
    static ObjectNode track(Catalogue.Resolved resolved, String apiBase) {
        CatalogueTrack t = resolved.track();
        ObjectNode node = JsonIo.object();
        ObjectNode album = node.putObject("album");
        album.put("album_type", t.album() == null || t.albumName().endsWith("(Single)") ? "single" : "album");
        String albumId = Ids.derived("album:" + t.artists().get(0) + "/" + t.albumName());
        album.put("id", albumId);
        images(album.putArray("images"), albumId);
        album.put("name", t.albumName());
        album.put("type", "album");
        album.put("uri", "spotify:album:" + albumId);
        album.put("href", apiBase + "/v1/albums/" + albumId);
        album.putObject("external_urls").put("spotify", OPEN + "album/" + albumId);
        album.put("total_tracks", 1);
        artists(album.putArray("artists"), t, apiBase);
        artists(node.putArray("artists"), t, apiBase);
        node.put("disc_number", 1);
        node.put("duration_ms", t.durationMs());
        node.put("explicit", false);
        ObjectNode externalIds = node.putObject("external_ids");
        if (t.isrc() != null) {
            externalIds.put("isrc", t.isrc());
        }
        node.putObject("external_urls").put("spotify", OPEN + "track/" + t.id());
        node.put("href", apiBase + "/v1/tracks/" + t.id());
        node.put("id", t.id());
        node.put("is_local", false);
        if (resolved.linkedFrom() != null) {
            ObjectNode linked = node.putObject("linked_from");
            linked.putObject("external_urls").put("spotify", OPEN + "track/" + resolved.linkedFrom());
            linked.put("href", apiBase + "/v1/tracks/" + resolved.linkedFrom());
            linked.put("id", resolved.linkedFrom());
            linked.put("type", "track");
            linked.put("uri", "spotify:track:" + resolved.linkedFrom());
        }
        node.put("name", t.name());
        node.put("popularity", 20 + Math.floorMod(t.id().hashCode(), 60));
        node.putNull("preview_url");
        node.put("track_number", 1);
        node.put("type", "track");
        node.put("uri", "spotify:track:" + t.id());
        return node;
    }

    /** The album cover in Spotify's three sizes, widest first, as the track object's {@code album.images[]}. */
    private static void images(ArrayNode array, String albumId) {
        for (int size : new int[] {640, 300, 64}) {
            ObjectNode image = array.addObject();
            image.put("url", "https://i.scdn.co/image/" + Ids.derived("cover:" + albumId + "/" + size));
            image.put("height", size);
            image.put("width", size);
        }
    }

    private static void artists(ArrayNode array, CatalogueTrack t, String apiBase) {
        for (String name : t.artists()) {
            String id = Ids.derived("artist:" + name);
            ObjectNode artist = array.addObject();
            artist.putObject("external_urls").put("spotify", OPEN + "artist/" + id);
            artist.put("href", apiBase + "/v1/artists/" + id);
            artist.put("id", id);
            artist.put("name", name);
            artist.put("type", "artist");
            artist.put("uri", "spotify:artist:" + id);
        }
    }

    /**
     * A local file's track object, as recently-played items carry it: {@code is_local} true, no id, no ISRC, an album
     * and artist without ids, and a {@code spotify:local:} URI
     * (https://developer.spotify.com/documentation/web-api/concepts/playlists#local-files).
     */
    static ObjectNode localTrack(SandboxUser.LocalTrack local) {
        ObjectNode node = JsonIo.object();
        ObjectNode album = node.putObject("album");
        album.putNull("id");
        album.put("name", "");
        album.putArray("images");
        album.putArray("artists");
        ObjectNode artist = node.putArray("artists").addObject();
        artist.putNull("id");
        artist.put("name", local.artist());
        artist.put("type", "artist");
        artist.putNull("uri");
        node.put("disc_number", 0);
        node.put("duration_ms", local.durationMs());
        node.put("explicit", false);
        node.putObject("external_ids");
        node.putObject("external_urls");
        node.putNull("href");
        node.putNull("id");
        node.put("is_local", true);
        node.put("name", local.name());
        node.put("popularity", 0);
        node.putNull("preview_url");
        node.put("track_number", 0);
        node.put("type", "track");
        node.put("uri", "spotify:local:" + encode(local.artist()) + "::" + encode(local.name()) + ":"
                + local.durationMs() / 1000);
        return node;
    }

    private static String encode(String part) {
        return java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8);
    }

    static ObjectNode user(SandboxUser user, String apiBase) {
        ObjectNode node = JsonIo.object();
        node.put("display_name", user.displayName());
        node.putObject("external_urls").put("spotify", OPEN + "user/" + user.id());
        ObjectNode followers = node.putObject("followers");
        followers.putNull("href");
        followers.put("total", 0);
        node.put("href", apiBase + "/v1/users/" + user.id());
        node.put("id", user.id());
        node.putArray("images");
        node.put("type", "user");
        node.put("uri", "spotify:user:" + user.id());
        return node;
    }
}

package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Last.fm's JSON, which is its XML converted mechanically (https://www.last.fm/api/rest): text beside
 * attributes is {@code "#text"}, attributes are {@code "@attr"}, every number is a string, and an
 * element that occurs once is an object rather than a one-element array, so a page holding exactly one
 * track has {@code "track":{...}} (see https://lastfm-docs.github.io/api-docs/bugs/ and
 * https://lastfm-docs.github.io/api-docs/user/getRecentTracks/ for the shapes).
 */
final class LastfmJson {
    private static final DateTimeFormatter DATE_TEXT =
            DateTimeFormatter.ofPattern("dd MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String[][] IMAGE_SIZES = {{"small", "34s"}, {"medium", "64s"}, {"large", "174s"},
        {"extralarge", "300x300"}};
    private static final String NO_IMAGE = "2a96cbd8b46e442fc41c2b86b821562f.png";

    private LastfmJson() {
    }

    /** {@code user.getRecentTracks}: the track playing now (page 1 only) first, then the page's scrobbles. */
    static ObjectNode recentTracks(LastfmUser user, LastfmUser.Page page, Optional<LastfmUser.NowPlaying> playing,
                                   int pageNumber, int limit, boolean extended) {
        List<ObjectNode> tracks = new ArrayList<>();
        playing.ifPresent(p -> tracks.add(nowPlaying(p, extended)));
        page.scrobbles().forEach(s -> tracks.add(scrobble(s, extended)));

        ObjectNode body = JsonIo.object();
        ObjectNode recent = body.putObject("recenttracks");
        if (tracks.size() == 1) {
            recent.set("track", tracks.get(0));
        } else {
            ArrayNode array = recent.putArray("track");
            tracks.forEach(array::add);
        }
        ObjectNode attr = recent.putObject("@attr");
        attr.put("user", user.name());
        attr.put("totalPages", Integer.toString((page.total() + limit - 1) / limit));
        attr.put("page", Integer.toString(pageNumber));
        attr.put("perPage", Integer.toString(limit));
        attr.put("total", Integer.toString(page.total()));
        return body;
    }

    /** {@code auth.getSession}. */
    static ObjectNode session(String userName, String sessionKey) {
        ObjectNode body = JsonIo.object();
        ObjectNode session = body.putObject("session");
        session.put("name", userName);
        session.put("key", sessionKey);
        session.put("subscriber", 0);
        return body;
    }

    private static ObjectNode scrobble(LastfmUser.Scrobble s, boolean extended) {
        ObjectNode track = track(s.artist(), s.track(), s.album(), s.mbid(), extended);
        ObjectNode date = track.putObject("date");
        date.put("uts", Long.toString(s.at().getEpochSecond()));
        date.put("#text", DATE_TEXT.format(s.at()));
        return track;
    }

    private static ObjectNode nowPlaying(LastfmUser.NowPlaying p, boolean extended) {
        ObjectNode track = JsonIo.object();
        track.putObject("@attr").put("nowplaying", "true");
        track.setAll(track(p.artist(), p.track(), p.album(), "", extended));
        return track;
    }

    private static ObjectNode track(String artistName, String name, String album, String mbid, boolean extended) {
        ObjectNode track = JsonIo.object();
        ObjectNode artist = track.putObject("artist");
        if (extended) {
            artist.put("url", "https://www.last.fm/music/" + encode(artistName));
            artist.put("name", artistName);
            artist.set("image", images());
            artist.put("mbid", "");
        } else {
            artist.put("mbid", "");
            artist.put("#text", artistName);
        }
        track.put("streamable", "0");
        track.set("image", images());
        track.put("mbid", mbid);
        ObjectNode albumNode = track.putObject("album");
        albumNode.put("mbid", "");
        albumNode.put("#text", album);
        track.put("name", name);
        track.put("url", "https://www.last.fm/music/" + encode(artistName) + "/_/" + encode(name));
        if (extended) {
            track.put("loved", "0");
        }
        return track;
    }

    private static ArrayNode images() {
        ArrayNode images = JsonIo.MAPPER.createArrayNode();
        for (String[] size : IMAGE_SIZES) {
            ObjectNode image = images.addObject();
            image.put("size", size[0]);
            image.put("#text", "https://lastfm.freetls.fastly.net/i/u/" + size[1] + "/" + NO_IMAGE);
        }
        return images;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

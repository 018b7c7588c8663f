package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ListenBrainz's JSON (https://listenbrainz.readthedocs.io/en/latest/users/json.html): the listens
 * payload of {@code GET /1/user/<name>/listens} and its errors {@code {"code":n,"error":"..."}}.
 */
final class ListenBrainzJson {
    private ListenBrainzJson() {
    }

    static ObjectNode listens(String userId, List<ListenBrainzUser.Listen> listens, ListenBrainzUser user) {
        ObjectNode body = JsonIo.object();
        ObjectNode payload = body.putObject("payload");
        payload.put("count", listens.size());
        ArrayNode array = payload.putArray("listens");
        listens.forEach(l -> array.add(listen(l, user.name())));
        payload.put("latest_listen_ts", user.latestListenTs());
        payload.put("oldest_listen_ts", user.oldestListenTs());
        payload.put("user_id", userId);
        return body;
    }

    static ObjectNode listen(ListenBrainzUser.Listen l, String userName) {
        ObjectNode listen = JsonIo.object();
        listen.put("inserted_at", l.insertedAt());
        listen.put("listened_at", l.listenedAt());
        listen.put("recording_msid", l.recordingMsid());
        listen.put("user_name", userName);
        ObjectNode metadata = listen.putObject("track_metadata");
        metadata.put("artist_name", l.artist());
        metadata.put("track_name", l.track());
        if (l.release() != null) {
            metadata.put("release_name", l.release());
        }
        metadata.set("additional_info", additionalInfo(l));
        if (l.recordingMbid() != null) {
            ObjectNode mapping = metadata.putObject("mbid_mapping");
            mapping.put("recording_mbid", l.recordingMbid());
            mapping.put("recording_name", l.track());
        }
        return listen;
    }

    /** The answer of {@code validate-token}: valid with the user's name, or invalid when {@code userName} is null. */
    static ObjectNode tokenValidity(String userName) {
        ObjectNode body = JsonIo.object();
        body.put("code", 200);
        body.put("message", userName == null ? "Token invalid." : "Token valid.");
        body.put("valid", userName != null);
        if (userName != null) {
            body.put("user_name", userName);
        }
        return body;
    }

    static ObjectNode error(int code, String message) {
        ObjectNode body = JsonIo.object();
        body.put("code", code);
        body.put("error", message);
        return body;
    }

    private static ObjectNode additionalInfo(ListenBrainzUser.Listen l) {
        ObjectNode info = JsonIo.object();
        if (l.spotifyUrl() != null) {
            info.putArray("artist_names").addAll(l.artistNames().stream()
                    .map(JsonIo.MAPPER.getNodeFactory()::textNode).toList());
            info.put("music_service", "spotify.com");
            info.put("origin_url", l.spotifyUrl());
            info.put("spotify_id", l.spotifyUrl());
            info.put("submission_client", "listenbrainz");
        } else {
            info.put("submission_client", "sandbox");
        }
        if (l.durationMs() != null) {
            info.put("duration_ms", l.durationMs());
        }
        if (l.isrc() != null) {
            info.put("isrc", l.isrc());
        }
        if (l.recordingMbid() != null) {
            info.put("recording_mbid", l.recordingMbid());
        }
        info.put("recording_msid", l.recordingMsid());
        return info;
    }
}

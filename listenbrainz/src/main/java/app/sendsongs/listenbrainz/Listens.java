package app.sendsongs.listenbrainz;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a person's listens since a time: {@code GET /1/user/<name>/listens?min_ts=..&count=1000}. With
 * {@code min_ts} ListenBrainz answers the oldest listens after it, so a full answer is followed by the next one from
 * its newest listen, up to {@value #MOST_PAGES} answers: nothing since {@code after} is skipped, and what is newer
 * still comes on the next read. A read from the beginning of time is one answer, the newest 1000, like Spotify's
 * window. Listens are public; the person's token is sent all the same (ListenBrainz says a token may get a higher
 * rate limit, though today its server gives one only to its own services: every call counts against our IP).
 */
final class Listens {
    /** ListenBrainz's largest {@code count}. */
    static final int PAGE_SIZE = 1000;
    static final int MOST_PAGES = 5;
    private static final String WHAT = "GET /1/user/{name}/listens";

    private final String apiBaseUrl;
    private final ListenBrainzTransport transport;

    Listens(String apiBaseUrl, ListenBrainzTransport transport) {
        this.apiBaseUrl = apiBaseUrl;
        this.transport = transport;
    }

    RecentPlays since(ListenBrainzConnection connection, Instant after) throws MusicServiceException {
        String url = apiBaseUrl + "/1/user/" + pathSegment(connection.userName()) + "/listens?count=" + PAGE_SIZE;
        if (!after.isAfter(Instant.EPOCH)) {
            List<JsonNode> newest = page(url, connection);
            return recentPlays(newest, after, newest.size() < PAGE_SIZE, false);
        }
        List<JsonNode> read = new ArrayList<>();
        long minTs = after.getEpochSecond();
        boolean newerUnread = true;
        for (int page = 1; page <= MOST_PAGES && newerUnread; page++) {
            List<JsonNode> listens = page(url + "&min_ts=" + minTs, connection);
            read.addAll(listens);
            newerUnread = listens.size() >= PAGE_SIZE;
            // one second back: min_ts is exclusive and listens of that second may not all have fit
            minTs = listens.stream().mapToLong(l -> l.path("listened_at").asLong()).max().orElse(minTs + 1) - 1;
        }
        return recentPlays(read, after, true, newerUnread);
    }

    private List<JsonNode> page(String url, ListenBrainzConnection connection) throws MusicServiceException {
        ListenBrainzReply reply = transport.get(url, connection.userToken(), WHAT);
        if (reply.status() == 404) {
            throw new GrantRevokedException("ListenBrainz no longer knows the user (HTTP 404): renamed or deleted");
        }
        JsonNode listens = reply.json(WHAT).path("payload").path("listens");
        if (!listens.isArray()) {
            throw new MusicServiceException("ListenBrainz " + WHAT + " answered without payload.listens",
                    Optional.empty());
        }
        List<JsonNode> page = new ArrayList<>();
        listens.forEach(page::add);
        return page;
    }

    /**
     * The plays after {@code after}, each once, newest first. When {@code complete} nothing older is missing, so the
     * page is never taken as full. {@code newerUnread} when the newest listens were left for the next read.
     */
    private static RecentPlays recentPlays(List<JsonNode> listens, Instant after, boolean complete,
                                           boolean newerUnread) {
        Map<String, Play> unique = new LinkedHashMap<>();
        for (JsonNode listen : listens) {
            ListenJson.play(listen).filter(p -> p.playedAt().isAfter(after)).ifPresent(play ->
                    unique.putIfAbsent(play.playedAt().getEpochSecond() + "\u0000"
                            + listen.path("recording_msid").asText(play.recording().title()), play));
        }
        List<Play> plays = new ArrayList<>(unique.values());
        plays.sort(Comparator.comparing(Play::playedAt).reversed());
        return new RecentPlays(plays, complete ? plays.size() + 1 : Math.max(1, plays.size()), newerUnread);
    }

    private static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

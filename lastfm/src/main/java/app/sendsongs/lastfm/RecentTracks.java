package app.sendsongs.lastfm;

import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a person's scrobbles since a time: {@code user.getRecentTracks} with {@code from}, {@value #PAGE_SIZE}
 * a page, signed with their session key (so it works when they hide their recent listening), page after page
 * until every scrobble since then is read. When there are more than {@value #MOST_PAGES} pages it reads the
 * oldest {@value #MOST_PAGES} (pages count from the newest, so the last is often short): nothing since
 * {@code after} is skipped, and the newer scrobbles come on the next read. A read from the beginning of time is one
 * page, the newest {@value #PAGE_SIZE}, like Spotify's window.
 */
final class RecentTracks {
    static final String METHOD = "user.getRecentTracks";
    /** Last.fm's largest page. */
    static final int PAGE_SIZE = 200;
    static final int MOST_PAGES = 5;

    private final LastfmTransport transport;

    RecentTracks(LastfmTransport transport) {
        this.transport = transport;
    }

    RecentPlays since(LastfmConnection connection, Instant after) throws MusicServiceException {
        Map<String, String> params = new HashMap<>();
        params.put("user", connection.userName());
        params.put("sk", connection.sessionKey());
        params.put("limit", Integer.toString(PAGE_SIZE));
        boolean wholeHistory = !after.isAfter(Instant.EPOCH);
        if (!wholeHistory) {
            params.put("from", Long.toString(after.getEpochSecond()));
        }
        RecentTracksPage first = page(params, 1);
        int pages = first.totalPages();
        if (wholeHistory || pages == 1) {
            return recentPlays(first.plays(), after, pages == 1, false);
        }
        // the pages counted now, whatever is scrobbled meanwhile
        first.newest().ifPresent(newest -> params.put("to", Long.toString(newest.getEpochSecond() + 1)));
        List<Play> plays = new ArrayList<>();
        int firstPage = Math.max(2, pages - MOST_PAGES + 1);
        if (firstPage == 2) {
            plays.addAll(first.plays());
        }
        for (int page = firstPage; page <= pages; page++) {
            plays.addAll(page(params, page).plays());
        }
        return recentPlays(plays, after, true, firstPage > 2);
    }

    private RecentTracksPage page(Map<String, String> params, int page) throws MusicServiceException {
        Map<String, String> call = new HashMap<>(params);
        call.put("page", Integer.toString(page));
        LastfmReply reply = transport.call(METHOD, call);
        Optional<MusicServiceException> refusal = reply.error().flatMap(LastfmRefusals::ofSession);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return RecentTracksPage.read(reply.json(METHOD));
    }

    /**
     * The plays after {@code after}, each once, newest first. When {@code complete} they are all there are, so
     * the page is never taken as full; otherwise older ones may be missing. {@code newerUnread} when the newest
     * pages were left for the next read.
     */
    private static RecentPlays recentPlays(List<Play> read, Instant after, boolean complete, boolean newerUnread) {
        Map<String, Play> unique = new LinkedHashMap<>();
        for (Play play : read) {
            if (play.playedAt().isAfter(after)) {
                unique.putIfAbsent(play.playedAt().getEpochSecond() + "\u0000" + play.recording().artists()
                        + "\u0000" + play.recording().title(), play);
            }
        }
        List<Play> plays = new ArrayList<>(unique.values());
        plays.sort(Comparator.comparing(Play::playedAt).reversed());
        return new RecentPlays(plays, complete ? plays.size() + 1 : Math.max(1, plays.size()), newerUnread);
    }
}

package app.sendsongs.bench.watch;

import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.Recording;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.sandbox.LastfmEmulator;
import app.sendsongs.sandbox.LastfmUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Last.fm as a listening source on the sandbox's Last.fm state in process, without HTTP: the pages
 * {@code user.getRecentTracks} answers ({@link LastfmUser#page}), read as the {@code lastfm} adapter reads them
 * (200 a page from {@code from}, page after page up to five, the oldest first when there are more), each page
 * counted as a call. A person's Last.fm user is their PSID.
 */
final class SandboxLastfm extends SandboxScrobbles {
    private static final int PAGE_SIZE = 200;
    private static final int MOST_PAGES = 5;

    private final LastfmEmulator lastfm;

    SandboxLastfm(LastfmEmulator lastfm, Clock clock) {
        super(SourceKind.LASTFM, clock);
        this.lastfm = lastfm;
    }

    @Override
    public RecentPlays recentPlays(ListeningConnection connection, Instant after) {
        LastfmUser user = lastfm.user(((LastfmConnection) connection).userName());
        boolean wholeHistory = !after.isAfter(Instant.EPOCH);
        long from = wholeHistory ? 0 : after.getEpochSecond();
        long to = Long.MAX_VALUE;
        LastfmUser.Page first = page(user, from, to, 1);
        int pages = Math.max(1, (first.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (wholeHistory || pages == 1) {
            return recentPlays(first.scrobbles(), after, pages == 1);
        }
        if (!first.scrobbles().isEmpty()) {
            to = first.scrobbles().getFirst().at().getEpochSecond() + 1;
        }
        List<LastfmUser.Scrobble> read = new ArrayList<>();
        int firstPage = Math.max(2, pages - MOST_PAGES + 1);
        if (firstPage == 2) {
            read.addAll(first.scrobbles());
        }
        for (int page = firstPage; page <= pages; page++) {
            read.addAll(page(user, from, to, page).scrobbles());
        }
        return recentPlays(read, after, true);
    }

    private LastfmUser.Page page(LastfmUser user, long from, long to, int page) {
        calls.count();
        return user.page(from, to, PAGE_SIZE, page);
    }

    private static RecentPlays recentPlays(List<LastfmUser.Scrobble> read, Instant after, boolean complete) {
        Map<String, Play> unique = new LinkedHashMap<>();
        for (LastfmUser.Scrobble scrobble : read) {
            if (scrobble.at().isAfter(after)) {
                Recording recording = new Recording(Set.of(), Optional.empty(), Optional.of(scrobble.mbid()),
                        List.of(scrobble.artist()), scrobble.track());
                unique.putIfAbsent(scrobble.at().getEpochSecond() + "\u0000" + scrobble.artist() + "\u0000"
                        + scrobble.track(), new Play(recording, scrobble.at()));
            }
        }
        return newestFirst(unique.values(), complete);
    }
}

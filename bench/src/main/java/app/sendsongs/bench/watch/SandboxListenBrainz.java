package app.sendsongs.bench.watch;

import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.Recording;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.sandbox.ListenBrainzEmulator;
import app.sendsongs.sandbox.ListenBrainzUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ListenBrainz as a listening source on the sandbox's ListenBrainz state in process, without HTTP: the listens
 * {@code GET /1/user/<name>/listens} answers ({@link ListenBrainzUser#listens}), read as the {@code listenbrainz}
 * adapter reads them (1000 an answer from {@code min_ts}, answer after answer up to five), each answer counted as
 * a call. A person's ListenBrainz user is their PSID.
 */
final class SandboxListenBrainz extends SandboxScrobbles {
    private static final int PAGE_SIZE = 1000;
    private static final int MOST_PAGES = 5;

    private final ListenBrainzEmulator listenBrainz;

    SandboxListenBrainz(ListenBrainzEmulator listenBrainz, Clock clock) {
        super(SourceKind.LISTENBRAINZ, clock);
        this.listenBrainz = listenBrainz;
    }

    @Override
    public RecentPlays recentPlays(ListeningConnection connection, Instant after) {
        ListenBrainzUser user = listenBrainz.user(((ListenBrainzConnection) connection).userName());
        if (!after.isAfter(Instant.EPOCH)) {
            List<ListenBrainzUser.Listen> newest = answer(user, null);
            return recentPlays(newest, after, newest.size() < PAGE_SIZE);
        }
        List<ListenBrainzUser.Listen> read = new ArrayList<>();
        long minTs = after.getEpochSecond();
        for (int page = 1; page <= MOST_PAGES; page++) {
            List<ListenBrainzUser.Listen> listens = answer(user, minTs);
            read.addAll(listens);
            if (listens.size() < PAGE_SIZE) {
                break;
            }
            minTs = listens.stream().mapToLong(ListenBrainzUser.Listen::listenedAt).max().orElse(minTs + 1) - 1;
        }
        return recentPlays(read, after, true);
    }

    private List<ListenBrainzUser.Listen> answer(ListenBrainzUser user, Long minTs) {
        calls.count();
        return user.listens(minTs, null, PAGE_SIZE);
    }

    private static RecentPlays recentPlays(List<ListenBrainzUser.Listen> read, Instant after, boolean complete) {
        Map<String, Play> unique = new LinkedHashMap<>();
        for (ListenBrainzUser.Listen listen : read) {
            Instant at = Instant.ofEpochSecond(listen.listenedAt());
            if (at.isAfter(after)) {
                Set<TrackId> ids = listen.spotifyUrl() == null ? Set.of()
                        : TrackLinks.parse(listen.spotifyUrl()).map(Set::of).orElse(Set.of());
                Recording recording = new Recording(ids, Optional.ofNullable(listen.isrc()),
                        Optional.ofNullable(listen.recordingMbid()), listen.artistNames(), listen.track());
                unique.putIfAbsent(listen.listenedAt() + "\u0000" + listen.recordingMsid(), new Play(recording, at));
            }
        }
        return newestFirst(unique.values(), complete);
    }
}

package app.sendsongs.sandbox;

import java.util.ArrayList;
import java.util.List;

/** An emulated ListenBrainz user: their user token and every listen they have, in time order. */
public final class ListenBrainzUser {

    /**
     * One listen as ListenBrainz keeps it. {@code spotifyUrl}, {@code isrc}, {@code recordingMbid},
     * {@code release} and {@code durationMs} may be null.
     */
    public record Listen(long listenedAt, long insertedAt, String recordingMsid, String artist, String track,
                         String release, List<String> artistNames, String spotifyUrl, String isrc,
                         String recordingMbid, Long durationMs) {
        public Listen {
            artistNames = List.copyOf(artistNames);
        }
    }

    private final String name;
    private volatile String token;
    /** Ordered by {@code listenedAt}, oldest first. */
    private final List<Listen> listens = new ArrayList<>();

    ListenBrainzUser(String name, String token) {
        this.name = name;
        this.token = token;
    }

    public String name() {
        return name;
    }

    public String token() {
        return token;
    }

    void token(String fresh) {
        this.token = fresh;
    }

    /**
     * Keeps a listen; like ListenBrainz, a second listen of the same track at the same second is the
     * same listen and is not kept twice. Answers the listen as kept.
     */
    synchronized Listen add(Listen listen) {
        int at = listens.size();
        while (at > 0 && listens.get(at - 1).listenedAt() > listen.listenedAt()) {
            at--;
        }
        for (int i = at - 1; i >= 0 && listens.get(i).listenedAt() == listen.listenedAt(); i--) {
            if (listens.get(i).track().equals(listen.track())) {
                return listens.get(i);
            }
        }
        listens.add(at, listen);
        return listen;
    }

    /**
     * The listens the API answers, newest first: with {@code minTs} the oldest {@code count} listens after
     * it (and before {@code maxTs}), else the newest {@code count} before {@code maxTs} (or of all).
     * Both bounds are exclusive. Also read in process by the watch benchmark.
     */
    public synchronized List<Listen> listens(Long minTs, Long maxTs, int count) {
        List<Listen> chosen = new ArrayList<>();
        if (minTs != null) {
            for (int i = firstAfter(minTs); i < listens.size() && chosen.size() < count; i++) {
                Listen l = listens.get(i);
                if (maxTs != null && l.listenedAt() >= maxTs) {
                    break;
                }
                chosen.add(l);
            }
            return chosen.reversed();
        }
        for (int i = listens.size() - 1; i >= 0 && chosen.size() < count; i--) {
            Listen l = listens.get(i);
            if (maxTs == null || l.listenedAt() < maxTs) {
                chosen.add(l);
            }
        }
        return chosen;
    }

    /** The index of the first listen after {@code ts}: listens are in time order. */
    private int firstAfter(long ts) {
        int low = 0;
        int high = listens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (listens.get(mid).listenedAt() > ts) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** The newest listen's time, 0 without listens. */
    synchronized long latestListenTs() {
        return listens.isEmpty() ? 0 : listens.get(listens.size() - 1).listenedAt();
    }

    /** The oldest listen's time, 0 without listens. */
    synchronized long oldestListenTs() {
        return listens.isEmpty() ? 0 : listens.get(0).listenedAt();
    }

    /** Every listen, newest first. */
    public synchronized List<Listen> all() {
        return List.copyOf(listens.reversed());
    }
}

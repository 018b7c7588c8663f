package app.sendsongs.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An emulated Spotify user and their listening history. Spotify keeps only the last {@value #RETAINED_PLAYS} plays,
 * and a play shows in it once it has ended, sometimes later still
 * (https://developer.spotify.com/documentation/web-api/reference/get-recently-played): each play has the time it
 * ended ({@code playedAt}, what {@code played_at} says) and the time it shows from ({@code visibleAt}).
 */
public final class SandboxUser {
    public static final int RETAINED_PLAYS = 50;

    /**
     * A file on the person's device, not in Spotify's catalogue: it has no id, and shows in the history as a track
     * object with {@code is_local: true} and {@code id: null}.
     */
    public record LocalTrack(String name, String artist, long durationMs) {
        public LocalTrack {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(artist, "artist");
        }
    }

    /**
     * One play: the id the user played (maybe an original id that is relinked; null for a local file), when it ended,
     * and when it shows in the history.
     */
    public record Play(String trackId, LocalTrack local, Instant playedAt, Instant visibleAt) {
        public Play {
            if ((trackId == null) == (local == null)) {
                throw new IllegalArgumentException("a play is of a catalogue track or of a local file");
            }
            if (visibleAt.isBefore(playedAt)) {
                throw new IllegalArgumentException("a play shows in the history only after it ended");
            }
        }

        /** A catalogue track's play, in the history from the moment it ended. */
        public Play(String trackId, Instant playedAt) {
            this(trackId, null, playedAt, playedAt);
        }

        boolean visibleAt(long nowMs) {
            return visibleAt.toEpochMilli() <= nowMs;
        }
    }

    private final String id;
    /** Ordered by playedAt ascending; equal times keep play order. */
    private final List<Play> plays = new ArrayList<>();

    SandboxUser(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return id;
    }

    /** Adds a play; of the plays already showing at {@code now}, only the newest {@value #RETAINED_PLAYS} are kept. */
    synchronized void play(Play play, Instant now) {
        int at = plays.size();
        while (at > 0 && plays.get(at - 1).playedAt().isAfter(play.playedAt())) {
            at--;
        }
        plays.add(at, play);
        long nowMs = now.toEpochMilli();
        long showing = plays.stream().filter(p -> p.visibleAt(nowMs)).count();
        for (int i = 0; i < plays.size() && showing > RETAINED_PLAYS; ) {
            if (plays.get(i).visibleAt(nowMs)) {
                plays.remove(i);
                showing--;
            } else {
                i++;
            }
        }
    }

    synchronized void play(Play play) {
        play(play, play.visibleAt());
    }

    /**
     * One page of history as Spotify's recently-played endpoint chooses it: of the newest {@value #RETAINED_PLAYS}
     * plays showing at {@code now}, the newest {@code limit} strictly after {@code afterMs} and strictly before
     * {@code beforeMs}, newest first. {@code more} tells whether older matching plays were left out.
     */
    public record Page(List<Play> plays, boolean more) {
    }

    /** The page for {@code after}/{@code before} cursors in epoch milliseconds (use the extremes for none). */
    public synchronized Page recentlyPlayed(long afterMs, long beforeMs, int limit, Instant now) {
        List<Play> window = window(now);
        int newest = window.size();
        while (newest > 0 && window.get(newest - 1).playedAt().toEpochMilli() >= beforeMs) {
            newest--;
        }
        List<Play> page = new ArrayList<>(Math.min(limit, newest));
        int at = newest - 1;
        for (; at >= 0 && page.size() < limit; at--) {
            Play play = window.get(at);
            if (play.playedAt().toEpochMilli() <= afterMs) {
                break;
            }
            page.add(play);
        }
        boolean more = page.size() == limit && at >= 0 && window.get(at).playedAt().toEpochMilli() > afterMs;
        return new Page(List.copyOf(page), more);
    }

    /** The page as if every play had ended and shown already. */
    public synchronized Page recentlyPlayed(long afterMs, long beforeMs, int limit) {
        return recentlyPlayed(afterMs, beforeMs, limit, Instant.MAX);
    }

    /** The newest {@value #RETAINED_PLAYS} plays showing at {@code now}, oldest first. */
    private List<Play> window(Instant now) {
        long nowMs = now.equals(Instant.MAX) ? Long.MAX_VALUE : now.toEpochMilli();
        List<Play> showing = plays.stream().filter(p -> p.visibleAt(nowMs)).toList();
        return showing.subList(Math.max(0, showing.size() - RETAINED_PLAYS), showing.size());
    }

    /** Every play kept, showing or not yet, oldest first. */
    public synchronized List<Play> plays() {
        return List.copyOf(plays);
    }
}

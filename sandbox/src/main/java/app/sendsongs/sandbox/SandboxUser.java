package app.sendsongs.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An emulated Spotify user and their listening history (only the last {@value #RETAINED_PLAYS} plays, like Spotify). */
public final class SandboxUser {
    public static final int RETAINED_PLAYS = 50;

    /** One play: the id the user played (maybe an original id that is relinked) and when. */
    public record Play(String trackId, Instant playedAt) {
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

    synchronized void play(Play play) {
        int at = plays.size();
        while (at > 0 && plays.get(at - 1).playedAt().isAfter(play.playedAt())) {
            at--;
        }
        plays.add(at, play);
        while (plays.size() > RETAINED_PLAYS) {
            plays.remove(0);
        }
    }

    /**
     * One page of history as Spotify's recently-played endpoint chooses it: the newest {@code limit}
     * retained plays strictly after {@code afterMs} and strictly before {@code beforeMs}, newest first.
     * {@code more} tells whether older matching plays were left out.
     */
    public record Page(List<Play> plays, boolean more) {
    }

    /** The page for {@code after}/{@code before} cursors in epoch milliseconds (use the extremes for none). */
    public synchronized Page recentlyPlayed(long afterMs, long beforeMs, int limit) {
        int newest = plays.size();
        while (newest > 0 && plays.get(newest - 1).playedAt().toEpochMilli() >= beforeMs) {
            newest--;
        }
        List<Play> page = new ArrayList<>(Math.min(limit, newest));
        int at = newest - 1;
        for (; at >= 0 && page.size() < limit; at--) {
            Play play = plays.get(at);
            if (play.playedAt().toEpochMilli() <= afterMs) {
                break;
            }
            page.add(play);
        }
        boolean more = page.size() == limit && at >= 0 && plays.get(at).playedAt().toEpochMilli() > afterMs;
        return new Page(List.copyOf(page), more);
    }

    /** The retained plays, oldest first. */
    public synchronized List<Play> plays() {
        return List.copyOf(plays);
    }
}

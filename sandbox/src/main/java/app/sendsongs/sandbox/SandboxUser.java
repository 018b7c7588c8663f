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

    /** The retained plays, oldest first. */
    public synchronized List<Play> plays() {
        return List.copyOf(plays);
    }
}

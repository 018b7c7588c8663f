package app.sendsongs.core.listen;

import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.Recording;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Decides whether a play is the shared song, by the recording identity alone (see {@link Recording#sameSongAs}). */
public final class PlayMatcher {
    private PlayMatcher() {
    }

    public static boolean sameSong(Recording shared, Recording played) {
        return shared.sameSongAs(played);
    }

    /** The earliest play of the song at or after {@code since} and before {@code until}. */
    public static Optional<Play> firstPlay(Recording shared, List<Play> plays, Instant since, Instant until) {
        return plays.stream()
                .filter(play -> !play.playedAt().isBefore(since) && play.playedAt().isBefore(until))
                .filter(play -> sameSong(shared, play.recording()))
                .min(Comparator.comparing(Play::playedAt));
    }
}

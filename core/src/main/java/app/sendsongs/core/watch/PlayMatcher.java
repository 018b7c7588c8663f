package app.sendsongs.core.watch;

import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.Track;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Decides whether a play is the shared song: the same id, a relinked copy of it, or the same recording. */
public final class PlayMatcher {
    private PlayMatcher() {
    }

    public static boolean sameSong(Track shared, Track played) {
        if (played.id().equals(shared.id())) {
            return true;
        }
        if (played.linkedFrom().filter(shared.id()::equals).isPresent()
                || shared.linkedFrom().filter(played.id()::equals).isPresent()) {
            return true;
        }
        return shared.isrc().isPresent() && shared.isrc().equals(played.isrc());
    }

    /** The earliest play of the song at or after {@code since}. */
    public static Optional<Play> firstPlay(Track shared, List<Play> plays, Instant since) {
        return plays.stream()
                .filter(play -> !play.playedAt().isBefore(since))
                .filter(play -> sameSong(shared, play.track()))
                .min(Comparator.comparing(Play::playedAt));
    }
}

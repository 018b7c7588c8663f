package app.sendsongs.core.music;

import java.time.Instant;
import java.util.List;

/**
 * One page of recently-played history after a cursor, newest first as Spotify returns it.
 * {@code pageLimit} is how many items the page could hold: a full page may not reach back to
 * the cursor, so older plays in between may be missing. {@code newerUnread} says the read stopped at
 * its size limit before the newest plays (a source keeping the whole history is read oldest first):
 * they come on the next read.
 */
public record RecentPlays(List<Play> plays, int pageLimit, boolean newerUnread) {
    /** A page that reaches the newest plays. */
    public RecentPlays(List<Play> plays, int pageLimit) {
        this(plays, pageLimit, false);
    }

    public RecentPlays {
        plays = List.copyOf(plays);
        if (pageLimit < 1) {
            throw new IllegalArgumentException("a page holds at least one play, not " + pageLimit);
        }
    }

    /** True when the page is full and its oldest play is after {@code cursor}: plays may have been missed. */
    public boolean mayHaveGapAfter(Instant cursor) {
        if (plays.size() < pageLimit) {
            return false;
        }
        Instant oldest = plays.stream().map(Play::playedAt).min(Instant::compareTo).orElseThrow();
        return oldest.isAfter(cursor.plusMillis(1));
    }
}

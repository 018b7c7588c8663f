package app.sendsongs.core.listen;

import app.sendsongs.core.music.RecentPlays;
import java.time.Instant;

/**
 * How far a read went. {@code mayHaveMissed}: older plays may be gone (a full window that does not reach back to
 * the last check), or the newest were left unread without the read getting any further. {@code readingOn}: the
 * read stopped at its size limit short of the newest plays but got further than the last one: the next check
 * goes on from there soon, and songs past their last check whose watch period it has not read whole wait for it
 * rather than be said not played.
 */
record Coverage(boolean mayHaveMissed, boolean readingOn) {
    static Coverage of(RecentPlays recent, Instant checkedThrough, Instant readThrough) {
        boolean readingOn = recent.newerUnread() && readThrough.isAfter(checkedThrough);
        boolean stuck = recent.newerUnread() && !readingOn;
        return new Coverage(recent.mayHaveGapAfter(checkedThrough) || stuck, readingOn);
    }
}

package app.sendsongs.core.chat;

import app.sendsongs.core.shared.Cause;
import java.time.Duration;
import java.time.Instant;

/**
 * What the event being handled did, for that event alone when it is handled again after a crash cut it short, where
 * what its first run chose can no longer be read from what it changed: a person's records gone with the person, a song
 * gone from the list its number counted in. Marks are kept in the {@link InboundLog} under ids derived from the event
 * and what they say ({@link Cause#id}), as long as the event's own handled mark, and hold nothing else: no address, no
 * name.
 */
public final class HandlingMarks {
    private final InboundLog log;
    private final Duration keptFor;

    /** @param keptFor how long after the event was sent its marks are kept: as long as the event may come again */
    public HandlingMarks(InboundLog log, Duration keptFor) {
        this.log = log;
        this.keptFor = keptFor;
    }

    /** The event being handled, sent at {@code sentAt}, did {@code what}, or is about to. */
    public void mark(String what, Instant sentAt) {
        log.markHandled(Cause.id(what), sentAt.plus(keptFor));
    }

    /** Whether a run of the event being handled marked {@code what}. */
    public boolean marked(String what) {
        return log.handled(Cause.id(what));
    }
}

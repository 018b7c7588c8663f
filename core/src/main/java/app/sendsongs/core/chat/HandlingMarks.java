package app.sendsongs.core.chat;

import app.sendsongs.core.shared.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the event being handled did, for that event alone when it is handled again after a crash cut it short, where
 * what its first run chose can no longer be read from what it changed: a person's records gone with the person, a song
 * gone from the list its number counted in. Marks are kept in the {@link InboundLog} under ids derived from the event
 * and what they say ({@link Cause#id}), as long as the event's own handled mark. A mark tells that it was made, and
 * may carry an id or a count the first run chose ({@link #keep}), and nothing else: no address, no name (marks are
 * kept apart from the person's records, and outlive their deletion).
 */
public final class HandlingMarks {
    /** What {@link #keep} keeps: an id as the stores make them (lowercase hex digits and dashes), or a count. */
    private static final Pattern ID_OR_COUNT = Pattern.compile("[0-9a-f-]+");

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

    /** Whether a run of the event being handled marked {@code what} (or kept a value for it). */
    public boolean marked(String what) {
        return log.handled(Cause.id(what));
    }

    /**
     * The event being handled, sent at {@code sentAt}, chose {@code value} for {@code what}: an id as the stores make
     * them (UUID-shaped: lowercase hex digits and dashes) or a count (decimal digits), never a name or an address. One
     * mark, carrying the value; the first one stays, so a run that finds a value {@link #kept} uses it: keeping another
     * changes nothing. {@code what} is then {@link #marked} too; once marked without a value, it keeps none.
     *
     * @throws IllegalArgumentException if {@code value} is not an id or a count
     */
    public void keep(String what, String value, Instant sentAt) {
        if (!ID_OR_COUNT.matcher(value).matches()) {
            throw new IllegalArgumentException("only ids and counts are kept");
        }
        log.markHandled(Cause.id(what), value, sentAt.plus(keptFor));
    }

    /** What a run of the event being handled kept for {@code what} ({@link #keep}), if one did. */
    public Optional<String> kept(String what) {
        return log.markedValue(Cause.id(what));
    }
}

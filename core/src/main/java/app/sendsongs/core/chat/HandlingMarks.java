package app.sendsongs.core.chat;

import app.sendsongs.core.shared.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the event being handled did, for that event alone when it is handled again after a crash cut it short, where
 * what its first run chose can no longer be read from what it changed: a person's records gone with the person, a song
 * gone from the list its number counted in. Marks are kept in the {@link InboundLog} under ids derived from the event
 * and what they say ({@link Cause#id}), as long as the event's own handled mark, and hold nothing else: no address, no
 * name. A mark tells only that it was made; an id or a count the first run chose ({@link #keep}) is kept as one mark
 * per character, and read back by trying each character a value can have.
 */
public final class HandlingMarks {
    /** The characters of the values {@link #keep} keeps: those of ids and counts, the most frequent first. */
    private static final String KEPT_CHARACTERS = "0123456789abcdef-";

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

    /**
     * The event being handled, sent at {@code sentAt}, chose {@code value} for {@code what}: an id as the stores make
     * them (UUID-shaped: lowercase hex digits and dashes) or a count (decimal digits). Kept once: a run that finds a
     * value {@link #kept} keeps none. Each try writes under its own number, its characters before its end, so a run cut
     * short halfway keeps nothing that a later try could be mistaken for.
     */
    public void keep(String what, String value, Instant sentAt) {
        if (value.isEmpty() || !value.chars().allMatch(c -> KEPT_CHARACTERS.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("only ids and counts are kept");
        }
        int attempt = 1;
        while (marked(attempt(what, attempt))) {
            attempt++;
        }
        String kept = attempt(what, attempt);
        mark(kept, sentAt);
        for (int i = 0; i < value.length(); i++) {
            mark(kept + " character " + i + " is " + value.charAt(i), sentAt);
        }
        mark(kept + " ends at " + value.length(), sentAt);
    }

    /**
     * What a run of the event being handled kept for {@code what} ({@link #keep}), if one did to the end. Read a
     * character at a time, trying each it can be: a few dozen reads, paid by a run handled again after a crash.
     */
    public Optional<String> kept(String what) {
        for (int attempt = 1; marked(attempt(what, attempt)); attempt++) {
            Optional<String> value = keptBy(attempt(what, attempt));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private Optional<String> keptBy(String attempt) {
        StringBuilder value = new StringBuilder();
        while (!marked(attempt + " ends at " + value.length())) {
            int at = value.length();
            Optional<Character> next = KEPT_CHARACTERS.chars().mapToObj(c -> (char) c)
                    .filter(c -> marked(attempt + " character " + at + " is " + c)).findFirst();
            if (next.isEmpty()) {
                return Optional.empty(); // cut short before its end
            }
            value.append(next.get());
        }
        return Optional.of(value.toString());
    }

    private static String attempt(String what, int attempt) {
        return what + ", kept by try " + attempt;
    }
}

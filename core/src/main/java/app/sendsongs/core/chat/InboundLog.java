package app.sendsongs.core.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: which inbound events were handled (platforms deliver at least once, and a queue may too).
 * The mark is written when handling ends, so an event whose handling was cut short is not marked
 * and is handled again. A mark may carry a short value ({@link #markHandled(String, String, Instant)}): what a run of
 * an event chose, for the event handled again ({@link HandlingMarks}).
 */
public interface InboundLog {
    /** The most characters a mark's value has: enough for an id or a count, too few for anything else. */
    int MAX_VALUE_LENGTH = 200;

    /** Whether the event with this {@link Inbound#deliveryKey()} was marked handled (and is still remembered). */
    boolean handled(String deliveryKey);

    /**
     * Marks the event handled, remembered at least until {@code keepUntil}; marking it again changes
     * nothing (it keeps the first mark). Marks are forgotten by
     * {@link app.sendsongs.core.bot.Housekeeping#purgeBefore} once {@code keepUntil} is before its cutoff.
     */
    void markHandled(String deliveryKey, Instant keepUntil);

    /**
     * Marks the key as {@link #markHandled(String, Instant)} does, the mark carrying {@code value}: an id or a count,
     * 1 to {@link #MAX_VALUE_LENGTH} characters ({@link #checkedValue}), never a name or an address. The first mark
     * stays: marking the key again, with a value or without, changes nothing, so the first value recorded is the one
     * {@link #markedValue} reads, and a key first marked without a value never carries one.
     *
     * @throws IllegalArgumentException if {@code value} is empty or longer than {@link #MAX_VALUE_LENGTH}
     */
    void markHandled(String deliveryKey, String value, Instant keepUntil);

    /**
     * The value the mark of this key carries ({@link #markHandled(String, String, Instant)}): empty when the key is
     * marked without one, or not marked (or no longer remembered; {@link #handled} tells these apart).
     */
    Optional<String> markedValue(String deliveryKey);

    /** {@code value} if a mark may carry it: not empty, at most {@link #MAX_VALUE_LENGTH} characters. */
    static String checkedValue(String value) {
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("a mark carries 1 to " + MAX_VALUE_LENGTH + " characters, not "
                    + value.length());
        }
        return value;
    }
}

package app.sendsongs.core.chat;

import java.time.Instant;

/**
 * Port: which inbound events were handled (platforms deliver at least once, and a queue may too).
 * The mark is written when handling ends, so an event whose handling was cut short is not marked
 * and is handled again.
 */
public interface InboundLog {
    /** Whether the event with this {@link Inbound#deliveryKey()} was marked handled (and is still remembered). */
    boolean handled(String deliveryKey);

    /**
     * Marks the event handled, remembered at least until {@code keepUntil}; marking it again changes
     * nothing (it keeps the first mark). Marks are forgotten by
     * {@link app.sendsongs.core.bot.Housekeeping#purgeBefore} once {@code keepUntil} is before its cutoff.
     */
    void markHandled(String deliveryKey, Instant keepUntil);
}

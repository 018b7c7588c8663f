package app.sendsongs.core.chat;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: where a chat platform's send pace is kept, so that every sender on it shares one pace: in the process
 * ({@link InProcessPace}), or in a store that several processes share. Each operation is atomic: two senders never
 * take the same slot, and neither misses the other's. The arithmetic is {@link ChatPace}'s, whatever keeps it.
 *
 * @see SendPacer
 */
public interface PaceLedger {
    /** The limits this pace keeps. */
    PaceRules rules();

    /**
     * The earliest instant at or after {@code now} that the chat's limits allow ({@link ChatPace#slot}), taken when
     * it is at most {@code maxWait} after {@code now}; a later one is answered and not taken.
     *
     * @param group whether the chat is a group, whose window also holds
     * @throws PaceUnavailableException when the pace cannot be read or kept; nothing is taken then
     */
    Instant reserveChat(long chatId, boolean group, Instant now, Duration maxWait);

    /**
     * The earliest instant at or after {@code now} that the overall pace allows ({@link ChatPace#overallSlot}), taken.
     *
     * @throws PaceUnavailableException when the pace cannot be read or kept; nothing is taken then
     */
    Instant reserveOverall(Instant now);

    /**
     * Nothing goes to the chat before {@code until} (the platform said to wait).
     *
     * @throws PaceUnavailableException when the pace cannot be read or kept
     */
    void hold(long chatId, Instant until);
}

package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;

/**
 * Port: messages held back until they may be sent, kept per person ({@link HeldMessage#to()}, the
 * whole address). A held message comes back equal to what was held: its whole {@link Message}
 * (text, choices and card, every field), its times, and its share id.
 */
public interface OutboxStore {
    /**
     * Holds a message. Holding an id that is already held replaces it (a new retry time) and keeps
     * its place in the person's queue.
     */
    void holdMessage(HeldMessage message);

    /** The person's held messages in the order they were first held (several may share one {@code heldAt}). */
    List<HeldMessage> heldMessagesFor(ChatAddress person);

    /** Held messages whose retry time is at or before {@code now}, oldest retry first. */
    List<HeldMessage> heldMessagesToRetry(Instant now, int limit);

    /**
     * Takes a held message for sending: moves its retry time to {@code leaseUntil}, but only if it is
     * still held exactly as {@code held} was read (same retry time, or none) and that retry time has
     * come ({@code <= now}). False when another worker has it (its lease is a retry time still to
     * come), it waits for a later retry, or it was released or held again meanwhile: the caller must
     * not send it. If the taker dies before releasing or holding it again, the message is retried
     * from {@code leaseUntil}.
     */
    boolean leaseHeldMessage(HeldMessage held, Instant now, Instant leaseUntil);

    void releaseHeldMessage(String id);
}

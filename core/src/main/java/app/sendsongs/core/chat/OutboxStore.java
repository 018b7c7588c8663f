package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the outbox, every message the bot sends on its way out, kept per person
 * ({@link HeldMessage#to()}, the whole address). A held message comes back equal to what was held:
 * its whole {@link Message} (text, choices and card, every field), its times, its share id, its
 * refusals and whom it is about.
 *
 * <p>A message's id is taken once: after a message leaves the outbox (sent, withdrawn or given up)
 * its id is remembered until the {@code keepUntil} given then, so holding it again does nothing.
 * That is what makes doing a cause again after a crash harmless.
 */
public interface OutboxStore {
    /**
     * Holds new messages, in the order given, each unless its id is held already or was released and
     * is still remembered: those are left exactly as they are. Returns the messages held now, in order.
     */
    List<HeldMessage> holdNew(List<HeldMessage> messages);

    /**
     * Holds a message again with new retry time, tries and refusals, keeping its place in the person's
     * queue, if it is still held with the retry time {@code asHeld} (the caller's lease, or the retry
     * time it read). False, changing nothing, when it is no longer held (sent or withdrawn meanwhile)
     * or another worker leased it since: a caller whose lease ran out must not undo the next one's, which
     * would let a third worker send the message again.
     */
    boolean holdMessage(HeldMessage message, Optional<Instant> asHeld);

    /** The person's held messages in the order they were first held (several may share one {@code heldAt}). */
    List<HeldMessage> heldMessagesFor(ChatAddress person);

    /**
     * Held messages due at or before {@code now} ({@link HeldMessage#dueAt()}: their retry time, or
     * their expiry when that comes first or they have none), earliest first.
     */
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

    /**
     * The message left the outbox (sent, withdrawn or given up); its id is remembered until
     * {@code keepUntil}. Releasing one that is not held (any more) changes nothing.
     */
    default void releaseHeldMessage(HeldMessage message, Instant keepUntil) {
        releaseHeldMessage(message, keepUntil, Optional.empty());
    }

    /**
     * As {@link #releaseHeldMessage(HeldMessage, Instant)}, for a message the platform took and named
     * {@code sentAs} (its id for the message, to edit it later): remembered with the id, in the same
     * write, until {@code keepUntil}.
     */
    void releaseHeldMessage(HeldMessage message, Instant keepUntil, Optional<String> sentAs);

    /**
     * The platform's id for the message {@code id}, if it left the outbox sent under one and its id
     * is still remembered; empty while it is held, after it left otherwise, or once forgotten.
     */
    Optional<String> sentAs(String id);

    /** Those of the messages with these ids that are still held, in no particular order. */
    List<HeldMessage> heldMessages(List<String> ids);

    /**
     * Releases every held message, to anyone, that is {@link HeldMessage#about() about} the person
     * (carries their name), remembering the ids until {@code keepUntil}; returns how many.
     */
    int withdrawAbout(ChatAddress person, Instant keepUntil);
}

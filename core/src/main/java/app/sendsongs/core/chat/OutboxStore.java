package app.sendsongs.core.chat;

import java.time.Instant;
import java.util.List;

/** Port: messages held back until they may be sent. */
public interface OutboxStore {
    /**
     * Holds a message. Holding an id that is already held replaces it (a new retry time) and keeps
     * its place in the person's queue.
     */
    void holdMessage(HeldMessage message);

    /** The person's held messages in the order they were first held (several may share one {@code heldAt}). */
    List<HeldMessage> heldMessagesFor(String psid);

    /** Held messages whose retry time is at or before {@code now}, oldest retry first. */
    List<HeldMessage> heldMessagesToRetry(Instant now, int limit);

    void releaseHeldMessage(String id);
}

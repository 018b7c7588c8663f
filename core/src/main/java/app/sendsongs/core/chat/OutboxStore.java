package app.sendsongs.core.chat;

import java.time.Instant;
import java.util.List;

/** Port: messages held back until they may be sent. */
public interface OutboxStore {
    void holdMessage(HeldMessage message);

    /** The person's held messages, oldest first. */
    List<HeldMessage> heldMessagesFor(String psid);

    /** Held messages whose retry time has come, oldest retry first. */
    List<HeldMessage> heldMessagesToRetry(Instant now, int limit);

    void releaseHeldMessage(String id);
}

package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;

/**
 * A question the bot asked because a name matched several people: the original command, and
 * the people it could mean, in the order they were offered.
 */
public record PendingChoice(ChatAddress person, String commandText, List<ChatAddress> candidates,
                            Instant expiresAt) {
    public PendingChoice {
        candidates = List.copyOf(candidates);
    }
}

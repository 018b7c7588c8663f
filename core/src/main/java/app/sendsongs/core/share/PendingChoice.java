package app.sendsongs.core.share;

import java.time.Instant;
import java.util.List;

/**
 * A question the bot asked because a name matched several people: the original command, and
 * the people it could mean, in the order they were offered.
 */
public record PendingChoice(String psid, String commandText, List<String> candidatePsids, Instant expiresAt) {
    public PendingChoice {
        candidatePsids = List.copyOf(candidatePsids);
    }
}

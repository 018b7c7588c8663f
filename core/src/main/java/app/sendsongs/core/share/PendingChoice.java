package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.TapKey;
import java.time.Instant;
import java.util.List;

/**
 * A question the bot asked because a name matched several people, or matched nobody but was close to contacts'
 * names: the original command, and the people it could mean, in the order they were offered. After a name that
 * matched nobody the question also offered, after those people, to invite the name as typed; which question it was
 * is told from the people offered ({@link WhichPerson#askedAboutTypo}).
 */
public record PendingChoice(ChatAddress person, String commandText, List<ChatAddress> candidates,
                            Instant expiresAt) {
    public PendingChoice {
        candidates = List.copyOf(candidates);
    }

    /** The key its taps carry, so a tap under another question does not answer this one. */
    public String key() {
        return TapKey.of(commandText + " " + candidates.stream().map(ChatAddress::key).toList());
    }
}

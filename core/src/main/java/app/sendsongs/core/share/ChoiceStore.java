package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;

/**
 * Port: the one open question the bot asked a person, if any. What only looks at the question reads it with {@link
 * #openChoice}, which leaves it in place (a crash between a take and a save again would lose it); what answers it,
 * and must act on it once, takes it with {@link #takeChoice}: of two concurrent takers only one gets it.
 */
public interface ChoiceStore {
    void saveChoice(PendingChoice choice);

    /** The person's open question, left in place; what was saved last (strongly consistent). */
    Optional<PendingChoice> openChoice(ChatAddress person);

    /** Removes and returns the person's open question. */
    Optional<PendingChoice> takeChoice(ChatAddress person);
}

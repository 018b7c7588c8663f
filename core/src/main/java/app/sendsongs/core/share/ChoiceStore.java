package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;

/** Port: the one open question the bot asked a person, if any. */
public interface ChoiceStore {
    void saveChoice(PendingChoice choice);

    /** Removes and returns the person's open question. */
    Optional<PendingChoice> takeChoice(ChatAddress person);
}

package app.sendsongs.core.share;

import java.util.Optional;

/** Port: the one open question the bot asked a person, if any. */
public interface ChoiceStore {
    void saveChoice(PendingChoice choice);

    /** Removes and returns the person's open question. */
    Optional<PendingChoice> takeChoice(String psid);
}

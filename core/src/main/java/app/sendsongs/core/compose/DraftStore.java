package app.sendsongs.core.compose;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Optional;

/**
 * Port: the one share each person has started and not finished ({@link ShareDraft}). Expiry is judged by the core
 * when it reads a draft; {@code Housekeeping.purgeBefore} removes the expired ones.
 */
public interface DraftStore {
    /** Saves the person's draft, replacing the one they had. */
    void saveDraft(ShareDraft draft);

    Optional<ShareDraft> findDraft(ChatAddress person);

    /** Deletes the person's draft; nothing happens when they have none. */
    void deleteDraft(ChatAddress person);
}

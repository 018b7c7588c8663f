package app.sendsongs.core.fakes;

import app.sendsongs.core.compose.DraftStore;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link DraftStore} in a map. */
public final class InMemoryDrafts implements DraftStore {
    private final Map<ChatAddress, ShareDraft> drafts = new HashMap<>();

    @Override
    public synchronized void saveDraft(ShareDraft draft) {
        drafts.put(draft.person(), draft);
    }

    @Override
    public synchronized Optional<ShareDraft> findDraft(ChatAddress person) {
        return Optional.ofNullable(drafts.get(person));
    }

    @Override
    public synchronized void deleteDraft(ChatAddress person) {
        drafts.remove(person);
    }

    synchronized void purgeBefore(Instant cutoff) {
        drafts.values().removeIf(d -> d.expiresAt().isBefore(cutoff));
    }
}

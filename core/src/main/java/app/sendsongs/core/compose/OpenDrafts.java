package app.sendsongs.core.compose;

import app.sendsongs.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The shares people have not finished, each kept until {@link #LIFETIME} after its last step. */
final class OpenDrafts {
    static final Duration LIFETIME = Duration.ofHours(1);

    private final DraftStore store;
    private final Clock clock;

    OpenDrafts(DraftStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The person's unfinished share, unless it expired. */
    Optional<ShareDraft> of(User person) {
        return store.findDraft(person.address()).filter(d -> d.expiresAt().isAfter(clock.instant()));
    }

    void save(ShareDraft draft) {
        store.saveDraft(draft);
    }

    /** {@code draft} at {@code stage}, saved for another {@link #LIFETIME}. */
    ShareDraft saveAt(ShareDraft draft, ShareDraft.Stage stage) {
        ShareDraft saved = draft.at(stage, expiry());
        store.saveDraft(saved);
        return saved;
    }

    void delete(User person) {
        store.deleteDraft(person.address());
    }

    /** When a share saved now expires. */
    Instant expiry() {
        return clock.instant().plus(LIFETIME);
    }
}

package app.sendsongs.core.fakes;

import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ChoiceStore} in a map. */
public final class InMemoryChoices implements ChoiceStore {
    private final Map<ChatAddress, PendingChoice> choices = new HashMap<>();
    private boolean dying;

    /**
     * Saves fail, as if the process died just before saving, until {@link #live}: what was taken to be saved again
     * is lost.
     */
    public synchronized void dieAtNextSave() {
        dying = true;
    }

    /** Saves work again. */
    public synchronized void live() {
        dying = false;
    }

    @Override
    public synchronized void saveChoice(PendingChoice choice) {
        dies();
        choices.put(choice.person(), choice);
    }

    @Override
    public synchronized Optional<PendingChoice> openChoice(ChatAddress person) {
        return Optional.ofNullable(choices.get(person));
    }

    @Override
    public synchronized Optional<PendingChoice> takeChoice(ChatAddress person) {
        return Optional.ofNullable(choices.remove(person));
    }

    private void dies() {
        if (dying) {
            throw new IllegalStateException("the process died");
        }
    }

    synchronized void purgeBefore(Instant cutoff) {
        choices.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
    }
}

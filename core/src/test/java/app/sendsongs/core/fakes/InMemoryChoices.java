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

    @Override
    public synchronized void saveChoice(PendingChoice choice) {
        choices.put(choice.person(), choice);
    }

    @Override
    public synchronized Optional<PendingChoice> takeChoice(ChatAddress person) {
        return Optional.ofNullable(choices.remove(person));
    }

    synchronized void purgeBefore(Instant cutoff) {
        choices.values().removeIf(c -> c.expiresAt().isBefore(cutoff));
    }
}

package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link OutboxStore} in a map kept in the order messages were first held. */
public final class InMemoryOutbox implements OutboxStore {
    private final Map<String, HeldMessage> held = new LinkedHashMap<>();

    @Override
    public synchronized void holdMessage(HeldMessage message) {
        held.put(message.id(), message);
    }

    @Override
    public synchronized List<HeldMessage> heldMessagesFor(ChatAddress person) {
        // a stable sort: messages held in the same instant keep the order they were first held in
        return held.values().stream().filter(m -> m.to().equals(person))
                .sorted(Comparator.comparing(HeldMessage::heldAt)).toList();
    }

    @Override
    public synchronized List<HeldMessage> heldMessagesToRetry(Instant now, int limit) {
        return held.values().stream().filter(m -> m.retryAt().filter(at -> !at.isAfter(now)).isPresent())
                .sorted(Comparator.comparing(m -> m.retryAt().orElseThrow())).limit(limit).toList();
    }

    @Override
    public synchronized boolean leaseHeldMessage(HeldMessage message, Instant now, Instant leaseUntil) {
        HeldMessage current = held.get(message.id());
        if (current == null || !current.retryAt().equals(message.retryAt())
                || current.retryAt().filter(now::isBefore).isPresent()) {
            return false;
        }
        held.put(message.id(), current.retryingAt(Optional.of(leaseUntil)));
        return true;
    }

    @Override
    public synchronized void releaseHeldMessage(String id) {
        held.remove(id);
    }

    synchronized void forget(ChatAddress person) {
        held.values().removeIf(m -> m.to().equals(person));
    }
}

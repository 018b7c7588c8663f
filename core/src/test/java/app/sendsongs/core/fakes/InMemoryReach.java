package app.sendsongs.core.fakes;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.ReachStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ReachStore} in a map. */
public final class InMemoryReach implements ReachStore {
    private final Map<ChatAddress, Instant> unreachable = new HashMap<>();

    @Override
    public synchronized void markUnreachable(ChatAddress person, Instant at) {
        unreachable.put(person, at);
    }

    @Override
    public synchronized void markReachable(ChatAddress person) {
        unreachable.remove(person);
    }

    @Override
    public synchronized Optional<Instant> unreachableSince(ChatAddress person) {
        return Optional.ofNullable(unreachable.get(person));
    }

    synchronized void forget(ChatAddress person) {
        unreachable.remove(person);
    }
}

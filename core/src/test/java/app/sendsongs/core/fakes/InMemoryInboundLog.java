package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.InboundLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link InboundLog} in a map of delivery keys to how long they are remembered. */
public final class InMemoryInboundLog implements InboundLog {
    private final Map<String, Instant> handled = new HashMap<>();

    @Override
    public synchronized boolean handled(String deliveryKey) {
        return handled.containsKey(deliveryKey);
    }

    @Override
    public synchronized void markHandled(String deliveryKey, Instant keepUntil) {
        handled.putIfAbsent(deliveryKey, keepUntil);
    }

    synchronized void purgeBefore(Instant cutoff) {
        handled.values().removeIf(keepUntil -> keepUntil.isBefore(cutoff));
    }
}

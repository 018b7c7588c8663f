package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.InboundLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link InboundLog} in a map of delivery keys to when they were first seen. */
public final class InMemoryInboundLog implements InboundLog {
    private final Map<String, Instant> firstSeen = new HashMap<>();

    @Override
    public synchronized boolean firstDelivery(String deliveryKey, Instant at) {
        return firstSeen.putIfAbsent(deliveryKey, at) == null;
    }

    synchronized void purgeBefore(Instant cutoff) {
        firstSeen.values().removeIf(at -> at.isBefore(cutoff));
    }
}

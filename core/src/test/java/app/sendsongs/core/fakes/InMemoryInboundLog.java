package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.InboundLog;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link InboundLog} in a map of delivery keys to their marks: how long each is remembered, and its value if any. */
public final class InMemoryInboundLog implements InboundLog {
    private final Map<String, Mark> handled = new HashMap<>();

    private record Mark(Instant keepUntil, Optional<String> value) {
    }

    @Override
    public synchronized boolean handled(String deliveryKey) {
        return handled.containsKey(deliveryKey);
    }

    @Override
    public synchronized void markHandled(String deliveryKey, Instant keepUntil) {
        handled.putIfAbsent(deliveryKey, new Mark(keepUntil, Optional.empty()));
    }

    @Override
    public synchronized void markHandled(String deliveryKey, String value, Instant keepUntil) {
        handled.putIfAbsent(deliveryKey, new Mark(keepUntil, Optional.of(InboundLog.checkedValue(value))));
    }

    @Override
    public synchronized Optional<String> markedValue(String deliveryKey) {
        return Optional.ofNullable(handled.get(deliveryKey)).flatMap(Mark::value);
    }

    synchronized void purgeBefore(Instant cutoff) {
        handled.values().removeIf(mark -> mark.keepUntil().isBefore(cutoff));
    }
}

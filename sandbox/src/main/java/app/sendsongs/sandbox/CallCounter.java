package app.sendsongs.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Calls to an emulated service, per endpoint and per user per endpoint. */
final class CallCounter {
    private final ConcurrentHashMap<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> byUser = new ConcurrentHashMap<>();

    void count(String endpoint) {
        byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    }

    void countForUser(String userId, String endpoint) {
        byUser.computeIfAbsent(userId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    }

    Map<String, Long> endpoints() {
        Map<String, Long> snapshot = new TreeMap<>();
        byEndpoint.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }

    Map<String, Map<String, Long>> users() {
        Map<String, Map<String, Long>> snapshot = new TreeMap<>();
        byUser.forEach((user, counts) -> {
            Map<String, Long> perUser = new TreeMap<>();
            counts.forEach((k, v) -> perUser.put(k, v.sum()));
            snapshot.put(user, perUser);
        });
        return snapshot;
    }

    void reset() {
        byEndpoint.clear();
        byUser.clear();
    }
}

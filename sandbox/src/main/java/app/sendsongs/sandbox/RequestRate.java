package app.sendsongs.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code requests} requests per caller in any sliding {@code window} of real time. Rate
 * limits count real time, not the sandbox clock: a burst is a burst however far the clock was moved.
 */
final class RequestRate {
    private final int requests;
    private final long windowNanos;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    RequestRate(int requests, Duration window) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate needs at least one request in a positive window");
        }
        this.requests = requests;
        this.windowNanos = window.toNanos();
    }

    /** Counts a request of {@code caller} and says whether it is within the rate; refused ones do not count. */
    boolean tryAcquire(String caller) {
        Deque<Long> times = recent.computeIfAbsent(caller, k -> new ArrayDeque<>());
        synchronized (times) {
            long now = System.nanoTime();
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
                times.pollFirst();
            }
            if (times.size() >= requests) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}

package app.sendsongs.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The Send API's rate limits, as Graph answers them: HTTP 400 with an {@code OAuthException} of code 4, 32 or 613 and
 * {@code is_transient}, and no {@code Retry-After} (Graph never says how long to wait).
 *
 * <ul>
 *   <li>Per page: 300 calls a second for text and templates (code 32, "Page request limit reached"), over a sliding
 *       second of real time.</li>
 *   <li>Per thread: "too many messages to a single thread" is documented without a number; off unless set (code
 *       613, "Calls to this api have exceeded the rate limit").</li>
 *   <li>Per app: 200 calls per engaged person (everyone who has written to the page) in a rolling 24 hours of the
 *       sandbox clock (code 4, "Application request limit reached").</li>
 * </ul>
 * Refused calls count against the per-second windows, as a burst that keeps knocking keeps being refused.
 *
 * @see <a href="https://developers.facebook.com/documentation/business-messaging/messenger-platform/overview/rate-limiting">Messenger Platform rate limits</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting">Graph API rate limiting: codes 4, 17, 32, 613</a>
 */
final class GraphThrottle {
    static final int PAGE_CALLS_PER_SECOND = 300;
    static final int CALLS_PER_ENGAGED_PERSON_PER_DAY = 200;
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private volatile int perSecond = PAGE_CALLS_PER_SECOND;
    private volatile long windowNanos = SECOND;
    private volatile int perThreadPerSecond = 0;
    private volatile int perEngagedPersonPerDay = CALLS_PER_ENGAGED_PERSON_PER_DAY;
    private final Deque<Long> pageCalls = new ArrayDeque<>();
    private final Map<String, Deque<Long>> threadCalls = new ConcurrentHashMap<>();
    private final Deque<Instant> dayCalls = new ArrayDeque<>();
    private final AtomicLong throttled = new AtomicLong();

    /**
     * Sets the page's calls per {@code window} (Graph's is 300 a second) and a thread's calls a second (0: no
     * per-thread limit), and forgets the calls counted so far.
     */
    void limits(int calls, Duration window, int perThreadPerSecond) {
        limits(calls, window, perThreadPerSecond, perEngagedPersonPerDay);
    }

    /** As {@link #limits(int, Duration, int)}, with the app's calls a day per engaged person (Graph's is 200). */
    void limits(int calls, Duration window, int perThreadPerSecond, int perEngagedPersonPerDay) {
        if (calls < 1 || perThreadPerSecond < 0 || window.isNegative() || window.isZero()
                || perEngagedPersonPerDay < 1) {
            throw HttpProblem.control(400, "per_second (or calls) must be at least 1, window_ms positive, "
                    + "per_thread_per_second at least 0 and per_engaged_person_per_day at least 1");
        }
        this.perEngagedPersonPerDay = perEngagedPersonPerDay;
        this.perSecond = calls;
        this.windowNanos = window.toNanos();
        this.perThreadPerSecond = perThreadPerSecond;
        synchronized (pageCalls) {
            pageCalls.clear();
        }
        synchronized (dayCalls) {
            dayCalls.clear();
        }
        threadCalls.clear();
    }

    /** The limits, and how many calls were refused so far. */
    Map<String, Object> describe() {
        return Map.of("calls", perSecond, "window_ms", windowNanos / 1_000_000, "per_thread_per_second",
                perThreadPerSecond,
                "per_engaged_person_per_day", perEngagedPersonPerDay, "throttled", throttled.get());
    }

    /**
     * Counts one Send API call to {@code psid} at {@code now} (the sandbox clock) with {@code engaged} people able to
     * be messaged; throws Graph's throttling error when it is over a limit.
     */
    void call(String psid, Instant now, IntSupplier engaged) {
        long nanos = System.nanoTime();
        boolean pageOver = over(pageCalls, nanos, perSecond, windowNanos);
        int perThread = perThreadPerSecond;
        boolean threadOver = perThread > 0
                && over(threadCalls.computeIfAbsent(psid, k -> new ArrayDeque<>()), nanos, perThread, SECOND);
        if (pageOver) {
            throw refused(32, "(#32) Page request limit reached");
        }
        if (threadOver) {
            throw refused(613, "(#613) Calls to this api have exceeded the rate limit.");
        }
        synchronized (dayCalls) {
            while (!dayCalls.isEmpty() && !dayCalls.peekFirst().isAfter(now.minus(Duration.ofDays(1)))) {
                dayCalls.pollFirst();
            }
            if (dayCalls.size() >= (long) perEngagedPersonPerDay * Math.max(1, engaged.getAsInt())) {
                throw refused(4, "(#4) Application request limit reached");
            }
            dayCalls.addLast(now);
        }
    }

    /** Counts a call in a sliding window; true when it makes more than {@code limit}. */
    private static boolean over(Deque<Long> calls, long nanos, int limit, long window) {
        synchronized (calls) {
            while (!calls.isEmpty() && nanos - calls.peekFirst() >= window) {
                calls.pollFirst();
            }
            calls.addLast(nanos);
            return calls.size() > limit;
        }
    }

    private HttpProblem refused(int code, String message) {
        throttled.incrementAndGet();
        return GraphEmulator.throttled(code, message);
    }
}

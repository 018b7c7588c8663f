package app.sendsongs.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Queued failures: the next N calls to an emulated service fail with a given status. */
public final class FaultInjector {
    /** The statuses a fault may carry for every target. */
    public static final Set<Integer> STATUSES = Set.of(429, 500, 502, 503, 504);
    /** The further statuses of targets whose emulators answer them in the service's own error format. */
    public static final Set<Integer> CLIENT_STATUSES = Set.of(400, 403);

    private static Set<Integer> withClientErrors() {
        Set<Integer> all = new java.util.HashSet<>(STATUSES);
        all.addAll(CLIENT_STATUSES);
        return Set.copyOf(all);
    }

    /**
     * Last.fm's statuses, and 200: Last.fm answers some errors with 200 OK and the error in the body
     * (https://lastfm-docs.github.io/api-docs/codes/, "HTTP Status Codes Forewarning").
     */
    private static Set<Integer> withLastfmsOk() {
        Set<Integer> all = new java.util.HashSet<>(withClientErrors());
        all.add(200);
        return Set.copyOf(all);
    }

    public enum Target {
        /**
         * Spotify's refusals answer in its two formats too: the Web API's 400 (a malformed request) and 403 (refused)
         * in its regular error object, the accounts service's in OAuth's.
         */
        SPOTIFY(withClientErrors()),
        /** Telegram's refusals (400 "chat not found", 403 "bot was blocked by the user") can be injected too. */
        TELEGRAM(withClientErrors()),
        /**
         * Graph answers its refusals (code 10, 100, 200, 551 ...) with 400 or 403, the fault's {@code code} and
         * {@code subcode} in its error body.
         */
        MESSENGER(withClientErrors()),
        /** Last.fm and ListenBrainz answer 400 and 403 in their own error bodies (with the fault's {@code code}). */
        LASTFM(withLastfmsOk()), LISTENBRAINZ(withClientErrors());

        private final Set<Integer> statuses;

        Target(Set<Integer> statuses) {
            this.statuses = statuses;
        }

        /** The statuses a fault of this target may carry. */
        public Set<Integer> statuses() {
            return statuses;
        }

        /** Whether a fault of this target may carry {@code status}. */
        public boolean accepts(int status) {
            return statuses.contains(status);
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Target> parse(String name) {
            for (Target t : values()) {
                if (t.wireName().equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One failure to inject.
     *
     * @param reason optional Spotify 429 {@code reason} (e.g. {@code QUOTA_EXCEEDED}), or null
     * @param code    optional error code of the service's own error body (e.g. Last.fm 29, Graph 1200), or null
     * @param subcode optional Graph {@code error_subcode} beside the code (e.g. 2018278), or null
     */
    public record Fault(int status, int retryAfterSeconds, String reason, Integer code, Integer subcode) {
        public Fault(int status, int retryAfterSeconds, String reason) {
            this(status, retryAfterSeconds, reason, null, null);
        }
    }

    /** A queued fault and how many calls it will still fail. */
    public record Pending(Fault fault, int remaining) {
    }

    private final Map<Target, Deque<Pending>> queues = new EnumMap<>(Target.class);

    public FaultInjector() {
        for (Target t : Target.values()) {
            queues.put(t, new ArrayDeque<>());
        }
    }

    public synchronized void add(Target target, Fault fault, int count) {
        if (!target.accepts(fault.status())) {
            throw new IllegalArgumentException("status " + fault.status() + " is not one a " + target.wireName()
                    + " fault may carry: " + new java.util.TreeSet<>(target.statuses()));
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        queues.get(target).addLast(new Pending(fault, count));
    }

    /** The fault the current call must fail with, consuming one use of it; empty when the call may go through. */
    public synchronized Optional<Fault> take(Target target) {
        Deque<Pending> queue = queues.get(target);
        Pending head = queue.pollFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (head.remaining() > 1) {
            queue.addFirst(new Pending(head.fault(), head.remaining() - 1));
        }
        return Optional.of(head.fault());
    }

    public synchronized List<Pending> pending(Target target) {
        return List.copyOf(queues.get(target));
    }

    public synchronized void clear() {
        queues.values().forEach(Deque::clear);
    }
}

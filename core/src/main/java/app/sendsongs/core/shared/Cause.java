package app.sendsongs.core.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The work this thread is doing, by a stable key: the inbound event being handled
 * ({@code messenger:<mid>}). What that work creates (a share, a group, a group send, a message)
 * takes an id derived from the key, so work done again after a crash derives the same ids and
 * finds what the first attempt stored instead of making it a second time. Outside such work, ids
 * are random, as before.
 *
 * <p>The key rides along with the thread (one handling runs on one thread from start to end), so
 * the features that create things need no extra parameter: they ask for {@link #id} where they used
 * to make a random UUID.
 */
public final class Cause {
    private static final ThreadLocal<Cause> CURRENT = new ThreadLocal<>();

    private final String key;
    private final Map<String, Integer> numbered = new HashMap<>();

    private Cause(String key) {
        this.key = key;
    }

    /** Runs {@code work} as the work of {@code key}. */
    public static void run(String key, Runnable work) {
        Objects.requireNonNull(key, "key");
        ThreadScoped.run(CURRENT, new Cause(key), work);
    }

    /** Runs {@code work} as the work of {@code key} and returns what it returns. */
    public static <T> T call(String key, Supplier<T> work) {
        Object[] result = new Object[1];
        run(key, () -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    /**
     * The id of the one {@code what} the current work makes (a share, a group send): the same each
     * time the work is done again, different for every other work and every other {@code what}; a
     * random one outside any work. UUID-shaped, like the random ones.
     */
    public static String id(String what) {
        Cause current = CURRENT.get();
        return current == null ? UUID.randomUUID().toString() : StableIds.of(current.key, what);
    }

    /**
     * The id of the next of several {@code what}s the current work makes (the notices it sends one
     * person): {@code what} numbered 1, 2, ... in the order asked, so work that runs the same way
     * again gets the same ids. Random outside any work.
     */
    public static String nextId(String what) {
        Cause current = CURRENT.get();
        if (current == null) {
            return UUID.randomUUID().toString();
        }
        int number = current.numbered.merge(what, 1, Integer::sum);
        return StableIds.of(current.key, what + "#" + number);
    }
}

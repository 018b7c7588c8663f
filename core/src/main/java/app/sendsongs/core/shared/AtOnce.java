package app.sendsongs.core.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Work on several chats at once, each on a virtual thread of its own. A message to a chat may wait for the chat's pace
 * (a message a second in a Telegram chat, twenty a minute in a group), and one chat going out at its pace must not
 * hold up all the others behind it.
 */
public final class AtOnce {
    private AtOnce() {
    }

    /**
     * Runs {@code work} on the items of each key ({@code key}: a chat) in their order, and the keys at once; returns
     * when all are done, the first failure thrown then.
     */
    public static <T, K> void eachKey(List<T> items, Function<T, K> key, Consumer<T> work) {
        Map<K, List<T>> byKey = items.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        each(byKey.values(), itsItems -> itsItems.forEach(work));
    }

    /** Runs {@code work} on each item at once and returns when all are done; the first failure is thrown then. */
    public static <T> void each(Collection<T> items, Consumer<T> work) {
        if (items.size() <= 1) {
            items.forEach(work);
            return;
        }
        List<Future<?>> running = new ArrayList<>(items.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            items.forEach(item -> running.add(threads.submit(() -> work.accept(item))));
        }
        for (Future<?> done : running) {
            try {
                done.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for work on several chats", e);
            }
        }
    }
}

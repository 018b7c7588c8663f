package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void everyMessageIsHandledOnceAndEachPersonsMessagesInTheOrderTheyCame() {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                m -> seen.computeIfAbsent(m.from().id(), k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(Integer.parseInt(text(m))), 4, 8, WAIT);
        for (int i = 0; i < 200; i++) {
            int n = i;
            assertThat(dispatcher.dispatch(IntStream.range(0, 5).mapToObj(p -> message("person-" + p, n)).toList()))
                    .isTrue();
        }

        assertThat(dispatcher.close(WAIT)).as("left unhandled").isZero();
        assertThat(seen).hasSize(5);
        seen.values().forEach(numbers -> assertThat(numbers).isEqualTo(IntStream.range(0, 200).boxed().toList()));
    }

    @Test
    void awaitIdleReturnsOnceEveryQueuedMessageHasBeenHandled() {
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        WebhookDispatcher dispatcher = new WebhookDispatcher(blockingUntil(release, handled), 2, 8, WAIT);
        assertThat(dispatcher.dispatch(List.of(message("a", 1), message("b", 2), message("a", 3)))).isTrue();

        assertThat(dispatcher.awaitIdle(Duration.ofMillis(50))).as("still handling").isFalse();

        release.countDown();
        assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
        assertThat(handled).containsExactlyInAnyOrder("1", "2", "3");
        dispatcher.close(WAIT);
    }

    @Test
    void aFullQueueMakesTheWebhookWaitThenRefusesWithoutDroppingWhatWasQueued() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        Consumer<Inbound> blocking = blockingUntil(release, handled);
        WebhookDispatcher dispatcher = new WebhookDispatcher(m -> {
            started.countDown();
            blocking.accept(m);
        }, 1, 2, Duration.ofMillis(50));
        // One message in the worker's hands, two waiting: the queue is full.
        assertThat(dispatcher.dispatch(List.of(message("a", 1)))).isTrue();
        assertThat(started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(dispatcher.dispatch(List.of(message("a", 2), message("a", 3)))).isTrue();

        assertThat(dispatcher.dispatch(List.of(message("a", 4)))).as("no room").isFalse();

        release.countDown();
        assertThat(dispatcher.close(WAIT)).isZero();
        assertThat(handled).containsExactly("1", "2", "3");
    }

    @Test
    void closingHandlesEverythingAlreadyQueuedAndRefusesNewMessages() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        WebhookDispatcher dispatcher = new WebhookDispatcher(blockingUntil(release, handled), 2, 100, WAIT);
        List<Inbound> batch = IntStream.range(0, 50).mapToObj(i -> message("p" + (i % 7), i)).toList();
        assertThat(dispatcher.dispatch(batch)).isTrue();

        Thread closing = Thread.ofPlatform().start(() -> dispatcher.close(WAIT));
        release.countDown();
        closing.join(WAIT.toMillis());

        assertThat(closing.isAlive()).isFalse();
        assertThat(handled).hasSize(50);
        assertThat(dispatcher.dispatch(List.of(message("late", 99)))).isFalse();
    }

    @Test
    void aFailingMessageDoesNotStopItsWorker() {
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        WebhookDispatcher dispatcher = new WebhookDispatcher(m -> {
            if (text(m).equals("1")) {
                throw new IllegalStateException("boom");
            }
            handled.add(text(m));
        }, 1, 10, WAIT);

        dispatcher.dispatch(List.of(message("a", 1), message("a", 2)));

        assertThat(dispatcher.close(WAIT)).isZero();
        assertThat(handled).containsExactly("2");
    }

    @Test
    void queuedWorkIsBoundedInBytesAndRefusedAtOnceWhenFullWithoutDroppingWhatWasQueued() {
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        Inbound large = new Inbound.Text("m-large-1", ChatAddress.messenger("a"), Instant.EPOCH, "x".repeat(10_000));
        long one = WebhookDispatcher.estimatedBytes(large);
        // Room, by count, for thousands; by bytes, for three large messages.
        WebhookDispatcher dispatcher = new WebhookDispatcher(blockingUntil(release, handled), 2, 10_000, WAIT,
                3 * one);
        assertThat(dispatcher.dispatch(List.of(large, large, large))).isTrue();

        long startedAt = System.nanoTime();
        assertThat(dispatcher.dispatch(List.of(large))).as("over the byte bound").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).as("refused without waiting")
                .isLessThan(WAIT.dividedBy(2));
        assertThat(dispatcher.queuedBytes()).isEqualTo(3 * one);

        release.countDown();
        assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
        assertThat(dispatcher.queuedBytes()).isZero();
        assertThat(handled).hasSize(3);
        assertThat(dispatcher.dispatch(List.of(large))).as("room again").isTrue();
        assertThat(dispatcher.close(WAIT)).isZero();
    }

    private static Consumer<Inbound> blockingUntil(CountDownLatch release, List<String> handled) {
        return m -> {
            try {
                assertThat(release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            handled.add(text(m));
        };
    }

    private static String text(Inbound event) {
        return ((Inbound.Text) event).text();
    }

    private static Inbound message(String psid, int n) {
        return new Inbound.Text(psid + "-" + n, ChatAddress.messenger(psid), Instant.EPOCH, Integer.toString(n));
    }
}

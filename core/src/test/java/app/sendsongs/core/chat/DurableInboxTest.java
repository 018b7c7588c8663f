package app.sendsongs.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.fakes.InMemoryInbox;
import app.sendsongs.core.fakes.InMemoryOutbox;
import app.sendsongs.core.fakes.RecordingChat;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's intake: events kept in the store before the call is answered, calls that arrive together in one write. */
class DurableInboxTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final DurableInbox.Limits ROOMY = new DurableInbox.Limits(10_000, Duration.ofSeconds(5), 1 << 20);
    private final ManualClock clock = new ManualClock(NOW);
    private final CountingInbox store = new CountingInbox();
    private final InMemoryOutbox outboxStore = new InMemoryOutbox();
    private final RecordingChat chat = new RecordingChat();
    private final Outbox outbox = new Outbox(new ChatPlatforms(List.of(chat)), outboxStore, clock,
            SendSongs.Settings.LEASE, SendSongs.Settings.DEDUPE_WINDOW);
    private final AtomicInteger wakeUps = new AtomicInteger();
    private DurableInbox inbox;

    @AfterEach
    void close() {
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void eventsAreInTheStoreWhenTheCallIsAnswered() {
        inbox = open(ROOMY);

        assertThat(inbox.accept(InboundBatch.of(List.of(text("m_1", "alice"), text("m_2", "alice")))))
                .isEqualTo(Inbox.Intake.KEPT);

        assertThat(store.hasWaiting()).isTrue();
        assertThat(store.claim(NOW, NOW.plusSeconds(60), 10)).get().extracting(InboxClaim::events)
                .asList().hasSize(2);
        assertThat(wakeUps).hasValue(1);
        assertThat(inbox.waiting()).isEqualTo(2);
    }

    @Test
    void callsThatArriveTogetherShareOneWrite() throws Exception {
        store.slowness = Duration.ofMillis(50);
        inbox = open(ROOMY);
        int calls = 40;
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            List<Future<Inbox.Intake>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Inbound event = text("m_" + i, "person" + i);
                answers.add(threads.submit(() -> inbox.accept(InboundBatch.of(List.of(event)))));
            }
            for (Future<Inbox.Intake> answer : answers) {
                assertThat(answer.get()).isEqualTo(Inbox.Intake.KEPT);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(store.kept.get()).isEqualTo(calls);
        assertThat(store.writes.get()).as("writes for " + calls + " calls").isLessThan(calls / 2);
    }

    @Test
    void anEventOlderThanTheDedupeWindowIsAnsweredButNotKept() {
        inbox = open(ROOMY);
        Inbound old = new Inbound.Text("m_old", ChatAddress.messenger("alice"),
                NOW.minus(SendSongs.Settings.DEDUPE_WINDOW).minusMillis(1), "hi");

        assertThat(inbox.accept(InboundBatch.of(List.of(old)))).isEqualTo(Inbox.Intake.KEPT);

        assertThat(store.hasWaiting()).isFalse();
        assertThat(store.writes).hasValue(0);
    }

    @Test
    void anEventDatedFarAheadIsAnsweredButNotKept() {
        inbox = open(ROOMY);
        Inbound ahead = new Inbound.Text("m_ahead", ChatAddress.messenger("alice"),
                NOW.plus(Inbound.MOST_AHEAD).plusMillis(1), "hi");
        Inbound farthest = new Inbound.Text("m_max", ChatAddress.messenger("alice"), Instant.MAX, "hi");

        assertThat(inbox.accept(InboundBatch.of(List.of(ahead, farthest)))).isEqualTo(Inbox.Intake.KEPT);

        assertThat(store.hasWaiting()).isFalse();
        assertThat(store.writes).hasValue(0);
        Inbound slightlyAhead = new Inbound.Text("m_soon", ChatAddress.messenger("alice"), NOW.plusSeconds(5), "hi");
        assertThat(inbox.accept(InboundBatch.of(List.of(slightlyAhead)))).isEqualTo(Inbox.Intake.KEPT);
        assertThat(store.kept).as("a platform's clock a little ahead is fine").hasValue(1);
    }

    @Test
    void aCallTheStoreRefusesFailsAloneAndTheCallsWrittenWithItAreKept() throws Exception {
        store.refusedText = "poison";
        store.gate = new CountDownLatch(1);
        inbox = open(ROOMY);
        int calls = 20;
        ExecutorService threads = Executors.newFixedThreadPool(calls + 2);
        try {
            Future<Inbox.Intake> first = threads.submit(() -> inbox.accept(InboundBatch.of(List.of(text("m_first", "zoe")))));
            assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Inbox.Intake>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Inbound event = text("m_" + i, "person" + i);
                answers.add(threads.submit(() -> inbox.accept(InboundBatch.of(List.of(event)))));
            }
            Inbound poison = new Inbound.Text("m_poison", ChatAddress.messenger("mallory"), NOW, "poison");
            Future<Inbox.Intake> refused = threads.submit(() -> inbox.accept(InboundBatch.of(List.of(poison))));
            Thread.sleep(300); // the calls queue behind the first write, to be written together after it
            store.gate.countDown();

            assertThat(first.get()).isEqualTo(Inbox.Intake.KEPT);
            for (Future<Inbox.Intake> answer : answers) {
                assertThat(answer.get()).isEqualTo(Inbox.Intake.KEPT);
            }
            assertThat(refused.get()).isEqualTo(Inbox.Intake.BUSY);
        } finally {
            threads.shutdownNow();
        }

        assertThat(store.refusedWithOthers.get()).as("the refused event was in a write with other calls' events").isPositive();
        assertThat(store.kept).hasValue(calls + 1);
        assertThat(inbox.waiting()).isEqualTo(calls + 1);
    }

    @Test
    void whenTooManyEventsWaitACallWaitsForRoomThenIsRefused() {
        inbox = open(new DurableInbox.Limits(2, Duration.ofMillis(100), 1 << 20));
        assertThat(inbox.accept(InboundBatch.of(List.of(text("m_1", "alice"), text("m_2", "bob")))))
                .isEqualTo(Inbox.Intake.KEPT);

        long began = System.nanoTime();
        assertThat(inbox.accept(InboundBatch.of(List.of(text("m_3", "carol"))))).isEqualTo(Inbox.Intake.BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(store.kept).hasValue(2);

        inbox.handled(1);
        assertThat(inbox.accept(InboundBatch.of(List.of(text("m_3", "carol"))))).isEqualTo(Inbox.Intake.KEPT);
    }

    @Test
    void callsWaitingForTheirWriteAreBoundedInBytes() {
        inbox = open(new DurableInbox.Limits(10_000, Duration.ofSeconds(5), 1_000));

        Inbound large = new Inbound.Text("m_large", ChatAddress.messenger("alice"), NOW, "x".repeat(1_000));
        assertThat(inbox.accept(InboundBatch.of(List.of(large)))).isEqualTo(Inbox.Intake.BUSY);
        assertThat(inbox.accept(InboundBatch.of(List.of(text("m_small", "alice"))))).isEqualTo(Inbox.Intake.KEPT);
    }

    @Test
    void aStoreThatFailsMeansTheCallIsRefusedSoThePlatformDeliversAgain() {
        store.failing = true;
        inbox = open(ROOMY);

        assertThat(inbox.accept(InboundBatch.of(List.of(text("m_1", "alice"))))).isEqualTo(Inbox.Intake.BUSY);

        store.failing = false;
        assertThat(inbox.accept(InboundBatch.of(List.of(text("m_1", "alice"))))).isEqualTo(Inbox.Intake.KEPT);
    }

    @Test
    void echoesOfTheBotsMessagesAreHandedToTheOutbox() {
        inbox = open(ROOMY);
        ChatAddress bob = ChatAddress.messenger("bob");
        chat.windowCloses("bob");
        outbox.notify(bob, Message.text("held"));
        String id = outboxStore.heldMessagesFor(bob).getFirst().id();

        assertThat(inbox.accept(new InboundBatch(List.of(), List.of(id)))).isEqualTo(Inbox.Intake.KEPT);

        assertThat(outboxStore.heldMessagesFor(bob)).isEmpty();
        assertThat(store.writes).as("no event, no inbox write").hasValue(0);
    }

    @Test
    void whatPeopleWroteIsAnsweredWhileEchoesAreStillBeingConfirmed() throws Exception {
        inbox = open(ROOMY);
        ChatAddress bob = ChatAddress.messenger("bob");
        chat.windowCloses("bob");
        outbox.deliverShare(bob, Message.text("a song"), "share_1", ChatAddress.messenger("alice"));
        String id = outboxStore.heldMessagesFor(bob).getFirst().id();
        CountDownLatch confirming = new CountDownLatch(1);
        CountDownLatch mayConfirm = new CountDownLatch(1);
        outbox.onShareDelivered((shareId, at) -> {
            confirming.countDown();
            try {
                mayConfirm.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService platform = Executors.newSingleThreadExecutor();
        try {
            Future<Inbox.Intake> echoCall = platform.submit(() -> inbox.accept(new InboundBatch(List.of(),
                    List.of(id))));
            assertThat(confirming.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(inbox.accept(InboundBatch.of(List.of(text("m_1", "alice"))))).isEqualTo(Inbox.Intake.KEPT);
            assertThat(echoCall.isDone()).as("the echo's call waits for its confirmation").isFalse();

            mayConfirm.countDown();
            assertThat(echoCall.get(5, TimeUnit.SECONDS)).isEqualTo(Inbox.Intake.KEPT);
            assertThat(outboxStore.heldMessagesFor(bob)).isEmpty();
        } finally {
            mayConfirm.countDown();
            platform.shutdownNow();
        }
    }

    private DurableInbox open(DurableInbox.Limits limits) {
        return new DurableInbox(store, outbox, clock, SendSongs.Settings.DEDUPE_WINDOW, limits,
                kept -> wakeUps.incrementAndGet());
    }

    private static Inbound text(String mid, String psid) {
        return new Inbound.Text(mid, ChatAddress.messenger(psid), NOW, "help");
    }

    /** The in-memory inbox, counting its writes, optionally slow or failing. */
    private static final class CountingInbox implements InboxStore {
        private final InMemoryInbox inbox = new InMemoryInbox();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger kept = new AtomicInteger();
        volatile Duration slowness = Duration.ZERO;
        volatile boolean failing;
        /** A write that holds an event with this text fails, as a store refuses a value it cannot write. */
        volatile String refusedText;
        final AtomicInteger refusedWithOthers = new AtomicInteger();
        /** When set, writes wait for it; {@link #entered} opens when the first write begins. */
        volatile CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public int append(List<Inbound> events, Instant receivedAt) {
            if (failing) {
                throw new IllegalStateException("the disk is full");
            }
            entered.countDown();
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (events.stream().anyMatch(e -> e instanceof Inbound.Text t && t.text().equals(refusedText))) {
                if (events.size() > 1) {
                    refusedWithOthers.incrementAndGet();
                }
                throw new ArithmeticException("long overflow");
            }
            writes.incrementAndGet();
            try {
                Thread.sleep(slowness);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int count = inbox.append(events, receivedAt);
            kept.addAndGet(count);
            return count;
        }

        @Override
        public Optional<InboxClaim> claim(Instant now, Instant leaseUntil, int limit) {
            return inbox.claim(now, leaseUntil, limit);
        }

        @Override
        public boolean renew(InboxClaim claim, Instant leaseUntil) {
            return inbox.renew(claim, leaseUntil);
        }

        @Override
        public void release(InboxClaim claim, List<String> handledKeys) {
            inbox.release(claim, handledKeys);
        }

        @Override
        public void failed(InboxClaim claim, List<String> handledKeys, String failedKey, Instant retryAt) {
            inbox.failed(claim, handledKeys, failedKey, retryAt);
        }

        @Override
        public boolean hasWaiting() {
            return inbox.hasWaiting();
        }

        @Override
        public List<ChatAddress> chatsMovingTo(ChatAddress chat) {
            return inbox.chatsMovingTo(chat);
        }
    }
}

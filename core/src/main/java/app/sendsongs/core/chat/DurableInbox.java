package app.sendsongs.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The self-hosted server's {@link Inbox}: a webhook call's events are appended to the store's inbox
 * ({@link InboxStore}) before the call is answered, and workers handle them from there
 * ({@link app.sendsongs.core.bot.InboxWork}).
 *
 * <p><b>Group commit.</b> One writer thread takes every call waiting to be kept and appends all their
 * events in one store write (one transaction), then answers them all: a store write per webhook
 * call at most, and fewer when calls arrive together, which is when it matters.
 *
 * <p><b>Echoes.</b> The ids of the bot's own messages the platform echoed are confirmed to the
 * {@link Outbox} ({@link Outbox#confirmSent}) by a thread of their own, which answers the calls that carried them
 * once it has: confirming may take a few store writes, and the calls of what people wrote, and the next write, do
 * not wait for them. Were the process to die before, the platform delivers those calls again.
 *
 * <p><b>Old events.</b> An event older than the dedupe window is dropped here (and answered as kept):
 * its key may already be forgotten, so it could otherwise be handled a second time. So is one dated far ahead
 * ({@link Inbound#MOST_AHEAD}), which no platform sends.
 *
 * <p><b>One call's failure is its own.</b> When the store refuses a write of several calls' events (a value it
 * cannot write), each call is written again alone, so that only the call that holds the value is refused.
 *
 * <p><b>Bounds.</b> When more than {@link Limits#mostWaiting()} events wait to be handled (as this
 * process counts them), a call waits up to {@link Limits#waitForRoom()} for room, then is answered
 * {@link Intake#BUSY}; when the calls waiting for their write hold more than
 * {@link Limits#mostQueuedBytes()} (estimated from their text), a call is answered BUSY at once. The
 * platform delivers BUSY calls again later.
 */
public final class DurableInbox implements Inbox, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DurableInbox.class.getName());
    /** What one event costs in memory besides its strings: the record, the list slot, the Instant. */
    private static final long EVENT_OVERHEAD_BYTES = 128;
    private static final int MOST_CALLS_PER_WRITE = 1_000;
    private static final Duration ROOM_POLL = Duration.ofMillis(10);
    /** Longer than any store write takes; a call still waiting then is answered BUSY (it may be kept still). */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    /**
     * @param mostWaiting     events waiting to be handled past which calls wait for room
     * @param waitForRoom     how long a call waits for room before it is answered BUSY
     * @param mostQueuedBytes how much the calls waiting for the store's write may hold in all
     */
    public record Limits(int mostWaiting, Duration waitForRoom, long mostQueuedBytes) {
    }

    private record Call(List<Inbound> events, List<String> echoes, long bytes, CompletableFuture<Void> kept) {
    }

    private final InboxStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration window;
    private final Limits limits;
    private final IntConsumer whenKept;
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread writer;
    /** Confirms echoes, one call's after another's (see the class comment). */
    private final ExecutorService confirmer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("inbox-echoes").daemon().factory());

    /**
     * Starts the writer thread.
     *
     * @param window   the dedupe window: events older than this are dropped
     * @param whenKept told how many events each write kept, when it kept any (it wakes the workers)
     */
    public DurableInbox(InboxStore store, Outbox outbox, Clock clock, Duration window, Limits limits,
                        IntConsumer whenKept) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.window = window;
        this.limits = limits;
        this.whenKept = whenKept;
        this.writer = Thread.ofPlatform().name("inbox-writer").daemon().start(this::write);
    }

    @Override
    public Intake accept(InboundBatch batch) {
        Instant now = clock.instant();
        List<Inbound> events = batch.events().stream().filter(event -> {
            boolean dated = event.datedWithin(window, now);
            if (!dated) {
                LOG.warning("an inbound event dated outside the dedupe window (older than " + window.toDays()
                        + " days, or more than a day ahead) was ignored");
            }
            return dated;
        }).toList();
        if (events.isEmpty() && batch.echoedMessageIds().isEmpty()) {
            return Intake.KEPT;
        }
        if (!open.get() || !awaitRoom(events.size())) {
            return Intake.BUSY;
        }
        long bytes = events.stream().mapToLong(DurableInbox::estimatedBytes).sum()
                + batch.echoedMessageIds().stream().mapToLong(id -> EVENT_OVERHEAD_BYTES + 2L * id.length()).sum();
        if (queuedBytes.addAndGet(bytes) > limits.mostQueuedBytes()) {
            queuedBytes.addAndGet(-bytes);
            LOG.warning("the calls waiting to be kept hold " + queuedBytes.get() + " bytes, the limit: one refused");
            return Intake.BUSY;
        }
        Call call = new Call(events, batch.echoedMessageIds(), bytes, new CompletableFuture<>());
        calls.add(call);
        try {
            call.kept().get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Intake.KEPT;
        } catch (ExecutionException | TimeoutException e) {
            return Intake.BUSY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Intake.BUSY;
        }
    }

    /** Workers handled (or dropped) {@code count} events: there is room for as many more. */
    public void handled(int count) {
        waiting.updateAndGet(n -> Math.max(0, n - count));
    }

    /** Events kept and not handled yet, as this process counts them. */
    public int waiting() {
        return waiting.get();
    }

    private boolean awaitRoom(int events) {
        if (waiting.get() + events <= limits.mostWaiting()) {
            return true;
        }
        long deadline = System.nanoTime() + limits.waitForRoom().toNanos();
        while (waiting.get() + events > limits.mostWaiting()) {
            if (System.nanoTime() > deadline || !open.get()) {
                LOG.warning(waiting.get() + " events wait to be handled, the limit: a webhook call was refused");
                return false;
            }
            try {
                Thread.sleep(ROOM_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void write() {
        List<Call> group = new ArrayList<>();
        while (open.get() || !calls.isEmpty()) {
            try {
                Call first = calls.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                calls.drainTo(group, MOST_CALLS_PER_WRITE - 1);
                keep(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(group, e);
                return;
            } finally {
                group.forEach(call -> queuedBytes.addAndGet(-call.bytes()));
                group.clear();
            }
        }
    }

    private void keep(List<Call> group) {
        List<Inbound> events = new ArrayList<>();
        List<String> echoes = new ArrayList<>();
        group.forEach(call -> {
            events.addAll(call.events());
            echoes.addAll(call.echoes());
        });
        try {
            int kept = events.isEmpty() ? 0 : store.append(events, clock.instant());
            waiting.addAndGet(kept);
            group.stream().filter(call -> call.echoes().isEmpty()).forEach(call -> call.kept().complete(null));
            if (kept > 0) {
                whenKept.accept(kept);
            }
            if (!echoes.isEmpty()) {
                List<Call> echoing = group.stream().filter(call -> !call.echoes().isEmpty()).toList();
                confirmer.execute(() -> confirm(echoes, echoing));
            }
        } catch (RuntimeException e) {
            if (group.size() > 1) {
                LOG.warning("keeping " + group.size() + " webhook calls together failed (" + e.getClass().getName()
                        + "); keeping each alone");
                group.forEach(call -> keep(List.of(call)));
                return;
            }
            LOG.log(Level.SEVERE, "keeping " + events.size() + " inbound events failed; their platform will deliver "
                    + "them again", e);
            failAll(group, e);
        }
    }

    /** Confirms echoed messages, then answers the calls that carried them (kept when the platform redelivers them). */
    private void confirm(List<String> echoes, List<Call> calls) {
        try {
            outbox.confirmSent(echoes);
            calls.forEach(call -> call.kept().complete(null));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "confirming " + echoes.size() + " echoed messages failed; their platform will "
                    + "deliver them again", e);
            failAll(calls, e);
        }
    }

    private static void failAll(List<Call> group, Exception cause) {
        group.forEach(call -> call.kept().completeExceptionally(cause));
    }

    /** An estimate of the memory an event holds while it waits for its write. */
    static long estimatedBytes(Inbound event) {
        long strings = event.eventId().length() + event.from().id().length() + switch (event) {
            case Inbound.Text text -> text.text().length();
            case Inbound.ChoiceTapped tap -> tap.payload().length() + tap.title().length();
            case Inbound.ButtonTapped tap -> tap.payload().length() + tap.title().length();
            case Inbound.OpenedLink opened -> opened.ref().length();
            case Inbound.Unreadable unreadable -> unreadable.what().length();
            case Inbound.Edited edited -> 0;
            case Inbound.BotBlocked blocked -> 0;
            case Inbound.BotUnblocked unblocked -> 0;
            case Inbound.InGroupChat inGroup -> inGroup.chat().title().length() + 64;
        };
        return EVENT_OVERHEAD_BYTES + 2L * strings;
    }

    /**
     * Stops taking calls (they are answered BUSY), writes those already waiting and confirms their echoes, and
     * stops (waiting at most {@code timeout} for the writer, and as long again for the echoes).
     */
    public void close(Duration timeout) {
        open.set(false);
        try {
            writer.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
        }
        confirmer.shutdown();
        try {
            if (!confirmer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                confirmer.shutdownNow();
            }
        } catch (InterruptedException e) {
            confirmer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}

package app.sendsongs.server;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the webhook's messages on a pool of workers, so the webhook answers Messenger as soon as the
 * messages are queued (Messenger disables webhooks that answer slowly).
 *
 * <p>The workers are virtual threads: while one waits on Messenger, Spotify or the database it
 * holds no OS thread, so many messages can wait at once, yet no more run on the CPU at once than
 * there are cores. Platform threads, busy with the in-process emulators' round trips, used to
 * crowd the webhook's request threads off the 2 cores and delay its acknowledgements.
 *
 * <p>Each worker has its own bounded queue, and a person's messages always go to the same worker:
 * two messages from one person are handled one after the other, in the order they were queued.
 * When that worker's queue is full, {@link #dispatch} waits for room (backpressure on Messenger)
 * and gives up after {@code maxWait}, never dropping a queued message. {@link #close()} stops
 * taking messages and lets the workers finish everything already queued.
 */
final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final long IDLE_POLL_MS = 100;

    /** What one queued message costs besides its strings: the record, the queue slot, the Instant. */
    private static final long MESSAGE_OVERHEAD_BYTES = 128;

    private final Consumer<Inbound> handler;
    private final Duration maxWait;
    private final long maxQueuedBytes;
    /** The estimated memory held by messages queued or being handled. */
    private final AtomicLong queuedBytes = new AtomicLong();
    private final List<BlockingQueue<Queued>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    /** Dispatches hold the read side while they queue; closing takes the write side to stop them. */
    private final ReadWriteLock accepting = new ReentrantReadWriteLock();
    /** Messages queued or being handled. */
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param handler       runs one message (Bot.handle); an exception it throws is logged and the worker goes on
     * @param workers       how many messages are handled at once
     * @param queueCapacity how many messages each worker may have waiting
     * @param maxWait       how long {@link #dispatch} waits for room in a full queue
     */
    WebhookDispatcher(Consumer<Inbound> handler, int workers, int queueCapacity, Duration maxWait) {
        this(handler, workers, queueCapacity, maxWait, Long.MAX_VALUE);
    }

    /**
     * @param maxQueuedBytes how much memory (estimated from the messages' text) the queued messages may
     *                       hold in all; a dispatch that would pass it is refused at once, so a slow
     *                       Send API with large messages cannot run the server out of memory
     */
    WebhookDispatcher(Consumer<Inbound> handler, int workers, int queueCapacity, Duration maxWait,
                      long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
        if (workers < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("at least one worker with room for one message is needed");
        }
        this.handler = handler;
        this.maxWait = maxWait;
        for (int i = 0; i < workers; i++) {
            BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(queueCapacity);
            queues.add(queue);
            this.workers.add(Thread.ofVirtual().name("webhook-worker-" + i).start(() -> work(queue)));
        }
    }

    /**
     * Queues the messages in order, each on its sender's worker. False when one of them found no
     * room within {@code maxWait}, or the dispatcher is closing: then the messages before it are
     * queued and the rest are not, and the caller should ask Messenger to deliver the batch again
     * (the ones already queued are then recognised by their event id and handled once).
     */
    boolean dispatch(List<Inbound> messages) {
        if (!accepting.readLock().tryLock()) {
            return false;
        }
        try {
            for (int i = 0; i < messages.size(); i++) {
                Inbound message = messages.get(i);
                long size = estimatedBytes(message);
                if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
                    queuedBytes.addAndGet(-size);
                    LOG.warn("webhook queue holds {} bytes, its limit: {} of {} messages not queued", queuedBytes.get(),
                            messages.size() - i, messages.size());
                    return false;
                }
                unfinished.incrementAndGet();
                if (closed || !queueFor(message.from()).offer(new Queued(message, System.nanoTime()),
                        maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    unfinished.decrementAndGet();
                    queuedBytes.addAndGet(-size);
                    LOG.warn("webhook queue full or closing: {} of {} messages not queued", messages.size() - i,
                            messages.size());
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            accepting.readLock().unlock();
        }
    }

    /**
     * Waits until every message queued so far has been handled, up to {@code timeout}; false if some
     * were still unfinished then. The sandbox's clock waits for this before it jumps.
     */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unfinished.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The estimated bytes held by messages queued or being handled. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    static long estimatedBytes(Inbound message) {
        long strings = message.eventId().length() + message.from().id().length() + switch (message) {
            case Inbound.Text text -> text.text().length();
            case Inbound.ChoiceTapped tap -> tap.payload().length() + tap.title().length();
            case Inbound.ButtonTapped tap -> tap.payload().length() + tap.title().length();
            case Inbound.OpenedLink opened -> opened.ref().length();
            case Inbound.InGroupChat inGroup -> inGroup.chat().title().length() + 64;
        };
        return MESSAGE_OVERHEAD_BYTES + 2L * strings;
    }

    /** Messages queued and not yet taken by a worker. */
    int queued() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    /** How long the message that has waited longest for a worker has waited; zero when none waits. */
    Duration oldestWait() {
        long now = System.nanoTime();
        return queues.stream().map(BlockingQueue::peek).filter(java.util.Objects::nonNull)
                .map(queued -> Duration.ofNanos(now - queued.atNanos())).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /** A message and when it was queued ({@link System#nanoTime()}). */
    private record Queued(Inbound message, long atNanos) {
    }

    private BlockingQueue<Queued> queueFor(ChatAddress sender) {
        return queues.get(Math.floorMod(sender.hashCode(), queues.size()));
    }

    private void work(BlockingQueue<Queued> queue) {
        try {
            while (!(closed && queue.isEmpty())) {
                Queued queued = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (queued != null) {
                    handleSafely(queued.message());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handleSafely(Inbound message) {
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            // Its event id is recorded: a redelivery is dropped, as it was when the webhook handled messages itself.
            LOG.error("handling a webhook message failed", e);
        } finally {
            queuedBytes.addAndGet(-estimatedBytes(message));
            unfinished.decrementAndGet();
        }
    }

    /**
     * Stops taking messages, waits (up to {@code timeout}) for everything queued to be handled, then
     * stops the workers. Returns how many queued messages were left unhandled (0 normally).
     */
    int close(Duration timeout) {
        accepting.writeLock().lock();
        try {
            closed = true;
        } finally {
            accepting.writeLock().unlock();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = queued();
        workers.forEach(Thread::interrupt);
        if (left > 0) {
            LOG.error("stopped with {} webhook messages not handled; their senders must write again", left);
        }
        return left;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}

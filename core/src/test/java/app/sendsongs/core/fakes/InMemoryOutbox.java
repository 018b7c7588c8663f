package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * {@link OutboxStore} in a map kept in the order messages were first held, and the ids of messages
 * that left with how long they are remembered (and the platform's id of those it named).
 */
public final class InMemoryOutbox implements OutboxStore {
    private final Map<String, HeldMessage> held = new LinkedHashMap<>();
    private final Map<String, Instant> released = new HashMap<>();
    /** The platform's ids of the released messages it named. */
    private final Map<String, String> sentAs = new HashMap<>();
    private final AtomicReference<Runnable> beforeNextHoldNew = new AtomicReference<>();
    private final AtomicReference<Predicate<HeldMessage>> beforeHolding = new AtomicReference<>();
    private volatile Runnable beforeHoldingWork;
    private final List<Map.Entry<Predicate<HeldMessage>, Runnable>> beforeEachHolding = new CopyOnWriteArrayList<>();
    private static final int BEFORE = 1;
    private static final int AFTER = 2;
    private final AtomicInteger diesAtNextWithdrawAbout = new AtomicInteger();
    private final AtomicReference<Predicate<HeldMessage>> diesReleasing = new AtomicReference<>();
    private volatile int diesReleasingWhen;

    /** Runs {@code work} once, at the start of the next {@link #holdNew}, as another worker would act meanwhile. */
    public void beforeNextHoldNew(Runnable work) {
        beforeNextHoldNew.set(work);
    }

    /**
     * Runs {@code work} once, at the start of the first {@link #holdNew} of a message {@code which} picks, before it is
     * held: another person's action at that very moment.
     */
    public void beforeHolding(Predicate<HeldMessage> which, Runnable work) {
        beforeHoldingWork = work;
        beforeHolding.set(which);
    }

    /**
     * Runs {@code work} at the start of every {@link #holdNew} of a message {@code which} picks, before it is held (or
     * found held already), after any {@link #beforeHolding} work: to see what the other stores show at that moment.
     */
    public void beforeEachHolding(Predicate<HeldMessage> which, Runnable work) {
        beforeEachHolding.add(Map.entry(which, work));
    }

    /** The process dies at the first {@link #holdNew} of a message {@code which} picks, before it is held. */
    public void diesBeforeHolding(Predicate<HeldMessage> which) {
        beforeHolding(which, () -> {
            throw new RecordingChat.ProcessDied();
        });
    }

    /**
     * The process dies at the next {@link #withdrawAbout}: a {@link RecordingChat.ProcessDied} is thrown out of it,
     * before it took anything back or, {@code afterWithdrawing}, once it did.
     */
    public void diesAtNextWithdrawAbout(boolean afterWithdrawing) {
        diesAtNextWithdrawAbout.set(afterWithdrawing ? AFTER : BEFORE);
    }

    /** The process dies at the next {@link #holdNew}, before it holds anything. */
    public void diesAtNextHoldNew() {
        beforeNextHoldNew(() -> {
            throw new RecordingChat.ProcessDied();
        });
    }

    /**
     * The process dies at the next release of a held message {@code which} picks: a {@link RecordingChat.ProcessDied}
     * is thrown before it is released or, {@code afterReleasing}, once it is.
     */
    public void diesReleasing(Predicate<HeldMessage> which, boolean afterReleasing) {
        diesReleasingWhen = afterReleasing ? AFTER : BEFORE;
        diesReleasing.set(which);
    }

    @Override
    public List<HeldMessage> holdNew(List<HeldMessage> messages) {
        Runnable meanwhile = beforeNextHoldNew.getAndSet(null);
        if (meanwhile != null) {
            meanwhile.run();
        }
        Predicate<HeldMessage> which = beforeHolding.get();
        if (which != null && messages.stream().anyMatch(which) && beforeHolding.compareAndSet(which, null)) {
            beforeHoldingWork.run();
        }
        beforeEachHolding.stream().filter(watch -> messages.stream().anyMatch(watch.getKey()))
                .forEach(watch -> watch.getValue().run());
        return holdNewNow(messages);
    }

    private synchronized List<HeldMessage> holdNewNow(List<HeldMessage> messages) {
        List<HeldMessage> holding = new ArrayList<>();
        for (HeldMessage message : messages) {
            if (!held.containsKey(message.id()) && !released.containsKey(message.id())) {
                held.put(message.id(), message);
                holding.add(message);
            }
        }
        return holding;
    }

    @Override
    public synchronized boolean holdMessage(HeldMessage message, Optional<Instant> asHeld) {
        HeldMessage current = held.get(message.id());
        if (current == null || !current.retryAt().equals(asHeld)) {
            return false;
        }
        held.put(message.id(), message);
        return true;
    }

    @Override
    public synchronized List<HeldMessage> heldMessagesFor(ChatAddress person) {
        // a stable sort: messages held in the same instant keep the order they were first held in
        return held.values().stream().filter(m -> m.to().equals(person))
                .sorted(Comparator.comparing(HeldMessage::heldAt)).toList();
    }

    @Override
    public synchronized List<HeldMessage> heldMessagesToRetry(Instant now, int limit) {
        return held.values().stream().filter(m -> !m.dueAt().isAfter(now))
                .sorted(Comparator.comparing(HeldMessage::dueAt)).limit(limit).toList();
    }

    @Override
    public synchronized boolean leaseHeldMessage(HeldMessage message, Instant now, Instant leaseUntil) {
        HeldMessage current = held.get(message.id());
        if (current == null || !current.retryAt().equals(message.retryAt())
                || current.retryAt().filter(now::isBefore).isPresent()) {
            return false;
        }
        held.put(message.id(), current.retryingAt(Optional.of(leaseUntil)));
        return true;
    }

    @Override
    public void releaseHeldMessage(HeldMessage message, Instant keepUntil, Optional<String> sentAs) {
        Predicate<HeldMessage> dies = diesReleasing.get();
        boolean diesNow = dies != null && dies.test(message) && diesReleasing.compareAndSet(dies, null);
        if (diesNow && diesReleasingWhen == BEFORE) {
            throw new RecordingChat.ProcessDied();
        }
        releaseNow(message, keepUntil, sentAs);
        if (diesNow) {
            throw new RecordingChat.ProcessDied();
        }
    }

    private synchronized void releaseNow(HeldMessage message, Instant keepUntil, Optional<String> sentAs) {
        if (held.remove(message.id()) != null) {
            released.put(message.id(), keepUntil);
            sentAs.ifPresent(ref -> this.sentAs.put(message.id(), ref));
        }
    }

    @Override
    public synchronized Optional<String> sentAs(String id) {
        return released.containsKey(id) ? Optional.ofNullable(sentAs.get(id)) : Optional.empty();
    }

    @Override
    public synchronized List<HeldMessage> heldMessages(List<String> ids) {
        return ids.stream().distinct().map(held::get).filter(m -> m != null).toList();
    }

    @Override
    public int withdrawAbout(ChatAddress person, Instant keepUntil) {
        int dies = diesAtNextWithdrawAbout.getAndSet(0);
        if (dies == BEFORE) {
            throw new RecordingChat.ProcessDied();
        }
        int withdrawn = withdrawAboutNow(person, keepUntil);
        if (dies == AFTER) {
            throw new RecordingChat.ProcessDied();
        }
        return withdrawn;
    }

    private synchronized int withdrawAboutNow(ChatAddress person, Instant keepUntil) {
        List<HeldMessage> about = held.values().stream().filter(m -> m.about().contains(person)).toList();
        about.forEach(message -> releaseNow(message, keepUntil, Optional.empty()));
        return about.size();
    }

    synchronized void forget(ChatAddress person) {
        held.values().removeIf(m -> m.to().equals(person));
    }

    synchronized void purgeBefore(Instant cutoff) {
        released.values().removeIf(keepUntil -> keepUntil.isBefore(cutoff));
        sentAs.keySet().retainAll(released.keySet());
    }
}

package app.sendsongs.core.fakes;

import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link InboxStore} in a list kept in the order events were appended, and a lease per person. */
public final class InMemoryInbox implements InboxStore {
    private static final class Waiting {
        final Inbound event;
        int failures;

        Waiting(Inbound event) {
            this.event = event;
        }
    }

    private final List<Waiting> waiting = new ArrayList<>();
    private final Map<ChatAddress, Instant> leases = new HashMap<>();

    @Override
    public synchronized int append(List<Inbound> events, Instant receivedAt) {
        int kept = 0;
        for (Inbound event : events) {
            if (waiting.stream().noneMatch(w -> w.event.deliveryKey().equals(event.deliveryKey()))) {
                waiting.add(new Waiting(event));
                kept++;
            }
        }
        return kept;
    }

    @Override
    public synchronized Optional<InboxClaim> claim(Instant now, Instant leaseUntil, int limit) {
        for (Waiting first : waiting) {
            ChatAddress person = first.event.from();
            Instant held = leases.get(person);
            if (held == null || !held.isAfter(now)) {
                leases.put(person, leaseUntil);
                List<Inbound> theirs = waiting.stream().map(w -> w.event).filter(e -> e.from().equals(person))
                        .limit(limit).toList();
                return Optional.of(new InboxClaim(person, theirs, first.failures, leaseUntil));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean renew(InboxClaim claim, Instant leaseUntil) {
        return leases.replace(claim.person(), claim.leaseUntil(), leaseUntil);
    }

    @Override
    public synchronized void release(InboxClaim claim, List<String> handledKeys) {
        remove(claim, handledKeys);
        leases.remove(claim.person(), claim.leaseUntil());
    }

    @Override
    public synchronized void failed(InboxClaim claim, List<String> handledKeys, String failedKey, Instant retryAt) {
        remove(claim, handledKeys);
        waiting.stream().filter(w -> w.event.deliveryKey().equals(failedKey)).forEach(w -> w.failures++);
        leases.replace(claim.person(), claim.leaseUntil(), retryAt);
    }

    @Override
    public synchronized boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    @Override
    public synchronized List<ChatAddress> chatsMovingTo(ChatAddress chat) {
        return waiting.stream().map(w -> w.event)
                .filter(e -> e instanceof Inbound.InGroupChat in && in.action() instanceof GroupChatAction.Moved moved
                        && moved.to().equals(chat))
                .map(e -> ((Inbound.InGroupChat) e).chat().address()).toList();
    }

    private void remove(InboxClaim claim, List<String> keys) {
        waiting.removeIf(w -> w.event.from().equals(claim.person()) && keys.contains(w.event.deliveryKey()));
    }
}

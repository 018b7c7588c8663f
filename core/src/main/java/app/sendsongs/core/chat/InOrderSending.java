package app.sendsongs.core.chat;

import static app.sendsongs.core.chat.HeldQueue.head;
import static app.sendsongs.core.chat.HeldQueue.status;
import static app.sendsongs.core.chat.HeldQueue.statusOfEarlier;
import static app.sendsongs.core.chat.HeldQueue.waitingFor;
import static app.sendsongs.core.chat.PartIds.partId;

import app.sendsongs.core.chat.Outbox.Delivery;
import app.sendsongs.core.chat.Outbox.GivenUp;
import app.sendsongs.core.shared.AtOnce;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Holds each new message behind what already waits for its person and sends every person's queue in order, oldest
 * first, each message under a lease ({@link LeasedSend}); retries the queues whose time has come and gives up what
 * waited its hold limit (see {@link Outbox}).
 */
final class InOrderSending {
    /** Logs as the {@link Outbox} it is part of. */
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final ChatPlatforms chats;
    private final OutboxStore store;
    private final Clock clock;
    private final Duration sendLease;
    private final Duration holdLimit;
    private final LeasedSend leasedSend;

    InOrderSending(ChatPlatforms chats, OutboxStore store, Clock clock, Duration sendLease, Duration holdLimit,
                   LeasedSend leasedSend) {
        this.chats = chats;
        this.store = store;
        this.clock = clock;
        this.sendLease = sendLease;
        this.holdLimit = holdLimit;
        this.leasedSend = leasedSend;
    }

    /** Holds a new message under {@code id}, sent now unless a message ahead holds it back. */
    Delivery send(ChatAddress to, Message message, MessageKind kind, String id, Optional<String> shareId,
                  List<ChatAddress> about) {
        Instant now = clock.instant();
        List<HeldMessage> waiting = store.heldMessagesFor(to);
        Optional<HeldMessage> ahead = head(waiting);
        // Nothing held ahead (a message in its first send, another worker's, holds back nobody): held under
        // this worker's lease and sent now. Else it waits behind the first message ahead, which takes it along
        // when it goes (at its retry, or when the person writes).
        Optional<Instant> retryAt = ahead.isEmpty() ? Optional.of(now.plus(sendLease)) : Optional.empty();
        List<HeldMessage> parts = parts(to, message, id, shareId, about, now, retryAt);
        List<HeldMessage> held = store.holdNew(parts);
        if (held.size() < parts.size()) {
            // An earlier attempt at this cause held it: it goes out (or went) in its turn.
            return statusOfEarlier(parts, store.heldMessagesFor(to));
        }
        if (ahead.isPresent()) {
            return heldBehind(held, kind);
        }
        return leasedSend.sendLeased(held, kind);
    }

    /**
     * Parts just held behind a message ahead of them. That message may have gone out meanwhile, its sender looking for
     * what waited behind it before these were held: then nobody would take them along, so this worker sends the queue
     * if they now come first. Whoever looks last finds them, and the lease lets only one of them send each.
     */
    private Delivery heldBehind(List<HeldMessage> parts, MessageKind kind) {
        List<HeldMessage> queue = store.heldMessagesFor(parts.getFirst().to());
        boolean theyComeFirst = head(queue).filter(head -> head.id().equals(parts.getFirst().id())).isPresent();
        if (!theyComeFirst) {
            return status(queue);
        }
        sendInOrder(queue, kind);
        return statusOfEarlier(parts, store.heldMessagesFor(parts.getFirst().to()));
    }

    private List<HeldMessage> parts(ChatAddress to, Message message, String id, Optional<String> shareId,
                                    List<ChatAddress> about, Instant now, Optional<Instant> retryAt) {
        List<Message> texts = chats.parts(to, message);
        List<HeldMessage> parts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            boolean last = i == texts.size() - 1;
            parts.add(new HeldMessage(partId(id, i, texts.size()), to, texts.get(i), now, retryAt,
                    last ? shareId : Optional.empty(), 0, 0, now.plus(holdLimit), about));
        }
        return parts;
    }

    /**
     * Sends a person's queue in order, up to the first message that cannot go now. While a pass sends something,
     * what was held behind those meanwhile (it waited for them) follows in another pass: at a chat's pace a long
     * queue takes a while, and nothing else would take along what joined it.
     */
    void sendInOrder(List<HeldMessage> queue, MessageKind kind) {
        int sent = sendUntilHeld(queue, kind);
        while (sent > 0) {
            sent = sendUntilHeld(store.heldMessagesFor(queue.getFirst().to()), kind);
        }
    }

    /** How many it sent; -1 when a message that holds back the others could not go. */
    private int sendUntilHeld(List<HeldMessage> queue, MessageKind kind) {
        Instant now = clock.instant();
        int sent = 0;
        for (HeldMessage held : queue) {
            // A message refused before waits for its own retry time; one in its first send is another worker's.
            boolean notOursNow = !held.holdsBackLaterMessages() && held.retryAt().filter(now::isBefore).isPresent();
            if (notOursNow) {
                continue;
            }
            if (leasedSend.sendHeld(held, kind)) {
                sent++;
            } else if (held.holdsBackLaterMessages()) {
                return -1;
            }
        }
        return sent;
    }

    int retryDue(int limit) {
        Instant now = clock.instant();
        List<HeldMessage> dueMessages = store.heldMessagesToRetry(now, limit);
        // A person's queue may go out at their chat's pace: each person's in turn, all people at once.
        AtOnce.eachKey(dueMessages, HeldMessage::to, due -> retry(due, now));
        return dueMessages.size();
    }

    private void retry(HeldMessage due, Instant now) {
        if (!now.isBefore(due.expiresAt())) {
            expire(due, now);
        } else if (!due.holdsBackLaterMessages()) {
            if (leasedSend.sendHeld(due, MessageKind.UPDATE)) {
                takeAlongWhatQueued(due.to());
            }
        } else {
            List<HeldMessage> queue = store.heldMessagesFor(due.to());
            Optional<HeldMessage> first = head(queue);
            if (first.filter(head -> head.id().equals(due.id())).isPresent()) {
                sendInOrder(queue, MessageKind.UPDATE);
            } else if (first.isPresent()) {
                // It waits behind another message, which takes the queue along when it goes.
                store.holdMessage(due.retryingAt(Optional.empty()), due.retryAt());
            }
        }
    }

    /**
     * A message whose lease ended went out: if it was going out with the queue behind it when its worker died,
     * nothing else would take that queue along, so this does. A queue waiting for a retry or for its person stays.
     */
    private void takeAlongWhatQueued(ChatAddress person) {
        List<HeldMessage> queue = store.heldMessagesFor(person);
        boolean queuedBehindNothing = head(queue).filter(head -> waitingFor(head) == Delivery.QUEUED).isPresent();
        if (queuedBehindNothing) {
            sendInOrder(queue, MessageKind.UPDATE);
        }
    }

    private void expire(HeldMessage due, Instant now) {
        if (store.leaseHeldMessage(due, now, now.plus(sendLease))) {
            LOG.info("a message waited " + Texts.duration(holdLimit) + " for its person and was given up");
            leasedSend.giveUp(due, GivenUp.NEVER_WROTE);
        }
    }
}

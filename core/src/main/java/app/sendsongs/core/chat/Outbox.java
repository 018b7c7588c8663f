package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Sends the bot's messages through the receiver's chat platform, holding back what may not or could
 * not be sent now so nothing is lost: a platform's rule against messaging the person now (such as
 * Messenger's 24-hour window), passing failures, a person who cannot be reached. Messages to one
 * person keep their order: while any are held, new ones queue behind them.
 */
public final class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final Duration DEFAULT_RETRY = Duration.ofMinutes(1);
    private static final Duration MAX_RETRY = Duration.ofHours(1);

    private final ChatPlatforms chats;
    private final OutboxStore store;
    private final Clock clock;
    /** Longer than a send can take (the platform clients give up sooner), so a message is never sent twice. */
    private final Duration sendLease;
    private volatile BiConsumer<String, Instant> shareDelivered = (shareId, at) -> { };

    public Outbox(ChatPlatforms chats, OutboxStore store, Clock clock, Duration sendLease) {
        this.chats = chats;
        this.store = store;
        this.clock = clock;
        this.sendLease = sendLease;
    }

    /** Told the share id and the time whenever a song delivery actually reaches its receiver. */
    public void onShareDelivered(BiConsumer<String, Instant> listener) {
        this.shareDelivered = listener;
    }

    /** Answers something the person just wrote. */
    public Delivery reply(ChatAddress to, Message message) {
        return send(to, message, MessageKind.RESPONSE, Optional.empty());
    }

    /** Tells the person something they did not just ask for. */
    public Delivery notify(ChatAddress to, Message message) {
        return send(to, message, MessageKind.UPDATE, Optional.empty());
    }

    /** Delivers a shared song; the share's delivery listener runs when it really goes out. */
    public Delivery deliverShare(ChatAddress to, Message message, String shareId) {
        return send(to, message, MessageKind.UPDATE, Optional.of(shareId));
    }

    /** Takes back a song delivery that is still held (the share was cancelled). */
    public void withdrawShare(ChatAddress to, String shareId) {
        store.heldMessagesFor(to).stream()
                .filter(held -> held.shareId().filter(shareId::equals).isPresent())
                .forEach(held -> store.releaseHeldMessage(held.id()));
    }

    /** The person wrote to the bot: their held messages may go out now, oldest first. */
    public void personWrote(ChatAddress person) {
        sendInOrder(store.heldMessagesFor(person), MessageKind.RESPONSE);
    }

    /**
     * Retries messages held for a passing failure whose time has come. A person's queue is retried
     * from its head only, and what was held behind the head follows it when it goes out.
     */
    public void retryDue(int limit) {
        for (HeldMessage due : store.heldMessagesToRetry(clock.instant(), limit)) {
            List<HeldMessage> queue = store.heldMessagesFor(due.to());
            if (!queue.isEmpty() && queue.getFirst().id().equals(due.id())) {
                sendInOrder(queue, MessageKind.UPDATE);
            }
        }
    }

    private void sendInOrder(List<HeldMessage> queue, MessageKind kind) {
        for (HeldMessage held : queue) {
            if (!sendHeld(held, kind)) {
                return;
            }
        }
    }

    private Delivery send(ChatAddress to, Message message, MessageKind kind, Optional<String> shareId) {
        List<HeldMessage> waiting = store.heldMessagesFor(to);
        if (!waiting.isEmpty()) {
            hold(to, message, Optional.empty(), shareId);
            return waiting.getFirst().retryAt().isPresent() ? Delivery.RETRYING : Delivery.WAITING_FOR_PERSON;
        }
        SendOutcome outcome = sendNow(to, message, kind);
        if (outcome instanceof SendOutcome.Sent) {
            shareId.ifPresent(id -> shareDelivered.accept(id, clock.instant()));
            return Delivery.SENT;
        }
        Optional<Instant> retryAt = retryTime(outcome, clock.instant());
        hold(to, message, retryAt, shareId);
        return retryAt.isPresent() ? Delivery.RETRYING : Delivery.WAITING_FOR_PERSON;
    }

    /**
     * Sends a held message unless another worker (another server, or the tick beside the webhook) is
     * sending it, or it waits for a retry time still to come: the lease makes sure only one worker
     * sends it. False when it was not sent now.
     */
    private boolean sendHeld(HeldMessage held, MessageKind kind) {
        Instant now = clock.instant();
        if (!store.leaseHeldMessage(held, now, now.plus(sendLease))) {
            return false;
        }
        SendOutcome outcome = sendNow(held.to(), held.message(), kind);
        if (outcome instanceof SendOutcome.Sent) {
            store.releaseHeldMessage(held.id());
            held.shareId().ifPresent(id -> shareDelivered.accept(id, clock.instant()));
            return true;
        }
        store.holdMessage(held.retryingAt(retryTime(outcome, held.heldAt())));
        return false;
    }

    private SendOutcome sendNow(ChatAddress to, Message message, MessageKind kind) {
        SendOutcome outcome = chats.send(to, message, kind);
        if (!(outcome instanceof SendOutcome.Sent)) {
            LOG.fine(() -> "message held: " + outcome.getClass().getSimpleName());
        }
        return outcome;
    }

    /**
     * When to try a failed message again: after the platform's Retry-After if it gave one, else
     * after half the time the message has waited so far (at least a minute, at most an hour), so a
     * long outage or a misconfigured token is not hammered.
     */
    private Optional<Instant> retryTime(SendOutcome outcome, Instant heldAt) {
        if (outcome instanceof SendOutcome.Failed failed) {
            Instant now = clock.instant();
            Duration backoff = Duration.between(heldAt, now).dividedBy(2);
            backoff = backoff.compareTo(DEFAULT_RETRY) < 0 ? DEFAULT_RETRY
                    : backoff.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : backoff;
            return Optional.of(now.plus(failed.retryAfter().filter(d -> d.compareTo(DEFAULT_RETRY) > 0).orElse(backoff)));
        }
        return Optional.empty();
    }

    private void hold(ChatAddress to, Message message, Optional<Instant> retryAt, Optional<String> shareId) {
        store.holdMessage(new HeldMessage(UUID.randomUUID().toString(), to, message, clock.instant(), retryAt,
                shareId));
    }

    /** Whether a message went out now, and if not, what it waits for. */
    public enum Delivery {
        SENT,
        /** Held until the person next writes (their platform's rules forbid it now, or they cannot be reached). */
        WAITING_FOR_PERSON,
        /** Held after a passing failure; retried automatically. */
        RETRYING
    }
}

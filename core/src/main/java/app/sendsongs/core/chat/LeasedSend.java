package app.sendsongs.core.chat;

import static app.sendsongs.core.chat.HeldQueue.head;

import app.sendsongs.core.chat.Outbox.Delivery;
import app.sendsongs.core.chat.Outbox.GivenUp;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Checkpoint;
import app.sendsongs.core.shared.RelativeTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Sends held messages under a lease, one worker each, and records what became of every attempt: released when the
 * platform took it (or echoed it), held again after a failure, given up after its last refusal (see {@link Outbox}).
 */
final class LeasedSend {
    /** Logs as the {@link Outbox} it is part of. */
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final ChatPlatforms chats;
    private final OutboxStore store;
    private final Clock clock;
    private final Duration sendLease;
    private final Duration remember;
    private final RetryTimes retryTimes;
    /** When this run began to wait for the echoes of earlier runs' messages, and until when ({@link #waitForEchoesOfEarlierRuns}). */
    private volatile Instant runStarted = Instant.MIN;
    private volatile Instant earlierRunsWaitUntil = Instant.MIN;
    private volatile BiConsumer<String, Instant> shareDelivered = (shareId, at) -> { };
    private volatile BiConsumer<String, GivenUp> shareGivenUp = (shareId, why) -> { };

    /**
     * @param sendLease how long a worker holds a message it sends (see {@link Outbox})
     * @param remember  how long ids of messages that left are remembered
     */
    LeasedSend(ChatPlatforms chats, OutboxStore store, Clock clock, Duration sendLease, Duration remember,
               RetryTimes retryTimes) {
        this.chats = chats;
        this.store = store;
        this.clock = clock;
        this.sendLease = sendLease;
        this.remember = remember;
        this.retryTimes = retryTimes;
    }

    void waitForEchoesOfEarlierRuns() {
        Instant now = clock.instant();
        runStarted = now;
        earlierRunsWaitUntil = now.plus(sendLease);
    }

    void onShareDelivered(BiConsumer<String, Instant> listener) {
        this.shareDelivered = listener;
    }

    void onShareGivenUp(BiConsumer<String, GivenUp> listener) {
        this.shareGivenUp = listener;
    }

    /** Sends parts this worker has just held and leased, in order; the first that cannot go keeps the rest. */
    Delivery sendLeased(List<HeldMessage> parts, MessageKind kind) {
        Delivery delivery = Delivery.SENT;
        for (int i = 0; i < parts.size(); i++) {
            HeldMessage part = parts.get(i);
            SendOutcome outcome = sendNow(part, kind);
            if (settle(part, outcome)) {
                continue;
            }
            if (outcome instanceof SendOutcome.OutsideWindow || outcome instanceof SendOutcome.Failed) {
                // The rest wait behind this part: no longer leased, they follow it when it goes.
                parts.subList(i + 1, parts.size())
                        .forEach(rest -> store.holdMessage(rest.retryingAt(Optional.empty()), rest.retryAt()));
                return outcome instanceof SendOutcome.Failed ? Delivery.RETRYING : Delivery.WAITING_FOR_PERSON;
            }
            delivery = Delivery.WAITING_FOR_PERSON; // refused: the parts after it go on
        }
        return delivery;
    }

    /**
     * Sends a held message unless another worker (another server, or the tick beside the webhook) is
     * sending it, or it waits for a retry time still to come: the lease makes sure only one worker
     * sends it. False when it was not sent now.
     */
    boolean sendHeld(HeldMessage held, MessageKind kind) {
        Instant now = clock.instant();
        if (waitsForItsEcho(held, now)) {
            return false;
        }
        Instant leaseUntil = now.plus(sendLease);
        Optional<HeldMessage> leased = lease(held, now, leaseUntil);
        return leased.isPresent() && settle(leased.get(), sendNow(leased.get(), kind));
    }

    /**
     * Leases {@code held} as it was read, or as it is now when it changed since and its time has come: the echo of
     * the message before it, overtaking that message's release, makes it due at once ({@link #nextIsDue}), and the
     * worker sending the queue is the one to send it, not the next tick.
     */
    private Optional<HeldMessage> lease(HeldMessage held, Instant now, Instant leaseUntil) {
        if (store.leaseHeldMessage(held, now, leaseUntil)) {
            return Optional.of(held.retryingAt(Optional.of(leaseUntil)));
        }
        return store.heldMessages(List.of(held.id())).stream()
                .filter(changed -> !changed.retryAt().equals(held.retryAt()) && !waitsForItsEcho(changed, now))
                .filter(changed -> store.leaseHeldMessage(changed, now, leaseUntil))
                .map(changed -> changed.retryingAt(Optional.of(leaseUntil)))
                .findFirst();
    }

    /** Whether a message an earlier run may have sent still waits for its echo (see {@link #waitForEchoesOfEarlierRuns}). */
    private boolean waitsForItsEcho(HeldMessage held, Instant now) {
        return held.retryAt().isPresent() && held.heldAt().isBefore(runStarted) && now.isBefore(earlierRunsWaitUntil);
    }

    /**
     * Hands one message to its platform, a {@link Checkpoint} first: a send may take a while (the platform's
     * timeout, a chat's pace), and the work it is part of (an event being handled) may keep what it holds. Its times
     * are worded as they read now: a notice may have waited days for the person to write.
     */
    private SendOutcome sendNow(HeldMessage held, MessageKind kind) {
        Checkpoint.passed();
        Message message = held.message();
        return chats.send(held.to(), message.withText(RelativeTime.worded(message.text(), clock.instant())), kind,
                held.id());
    }

    /**
     * Records what became of one attempt of {@code held} (as this worker leased it: its retry time is the lease); true
     * when the message went out. A message held again is held again only while the lease is still this worker's.
     */
    private boolean settle(HeldMessage held, SendOutcome outcome) {
        switch (outcome) {
            case SendOutcome.Sent sent -> {
                // The share first: if the process dies before the release, the message is confirmed or
                // retried, and the share's listener is told again (it acts once).
                held.shareId().ifPresent(id -> shareDelivered.accept(id, clock.instant()));
                store.releaseHeldMessage(held, keepUntil(), sent.messageRef());
                return true;
            }
            case SendOutcome.OutsideWindow outside -> store.holdMessage(held.triedOnce(Optional.empty()), held.retryAt());
            case SendOutcome.Failed failed -> {
                Instant retryAt = retryTimes.retryTime(failed, held);
                retryTimes.given(retryAt);
                store.holdMessage(held.triedOnce(Optional.of(retryAt)), held.retryAt());
            }
            case SendOutcome.Unreachable unreachable -> refused(held, unreachable.reason(), Optional.empty());
            case SendOutcome.Refused refused -> refused(held, refused.reason(), Optional.of(retryTimes.refusalRetryTime(held)));
        }
        LOG.fine(() -> "message held: " + outcome.getClass().getSimpleName());
        return false;
    }

    /** Refused for good: tried again later (or when the person writes), given up after the last refusal. */
    private void refused(HeldMessage held, String reason, Optional<Instant> retryAt) {
        if (held.refusals() + 1 >= Outbox.MOST_REFUSALS) {
            LOG.warning("a message was refused " + Outbox.MOST_REFUSALS + " times and is given up: " + reason);
            giveUp(held, GivenUp.REFUSED);
        } else {
            store.holdMessage(held.refusedOnce(retryAt.map(at -> at.isAfter(held.expiresAt()) ? held.expiresAt() : at)),
                    held.retryAt());
        }
    }

    void giveUp(HeldMessage held, GivenUp why) {
        held.shareId().ifPresent(id -> shareGivenUp.accept(id, why));
        store.releaseHeldMessage(held, keepUntil());
    }

    void confirmSent(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (HeldMessage sent : store.heldMessages(ids)) {
            sent.shareId().ifPresent(id -> shareDelivered.accept(id, now));
            store.releaseHeldMessage(sent, keepUntil());
            nextIsDue(sent.to(), now);
        }
    }

    /**
     * The message that held back the person's queue left without its worker (it died after the platform
     * took it): the next one, which waited behind it, is made due now, so the tick sends it and what follows.
     * Conditional as a lease is: one another worker took meanwhile is left alone.
     */
    void nextIsDue(ChatAddress person, Instant now) {
        head(store.heldMessagesFor(person))
                .filter(next -> next.retryAt().isEmpty())
                .ifPresent(next -> store.leaseHeldMessage(next, now, now));
    }

    Instant keepUntil() {
        return clock.instant().plus(remember);
    }
}

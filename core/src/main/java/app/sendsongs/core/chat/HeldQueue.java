package app.sendsongs.core.chat;

import app.sendsongs.core.chat.Outbox.Delivery;
import java.util.List;
import java.util.Optional;

/** A person's queue of held messages, oldest first: the message at its head, and what a message in it waits for. */
final class HeldQueue {
    private HeldQueue() {
    }

    /** What became of a message an earlier attempt at its cause held: still held, or gone (sent). */
    static Delivery statusOfEarlier(List<HeldMessage> parts, List<HeldMessage> waiting) {
        List<String> ids = parts.stream().map(HeldMessage::id).toList();
        return waiting.stream().filter(held -> ids.contains(held.id())).findFirst()
                .map(HeldQueue::waitingFor)
                .orElse(Delivery.SENT);
    }

    static Delivery status(List<HeldMessage> waiting) {
        return head(waiting).map(HeldQueue::waitingFor).orElse(Delivery.WAITING_FOR_PERSON);
    }

    /** The first message of a person's queue that holds back the ones after it, if any. */
    static Optional<HeldMessage> head(List<HeldMessage> queue) {
        return queue.stream().filter(HeldMessage::holdsBackLaterMessages).findFirst();
    }

    /**
     * What a held message, or a queue with it first, waits for: the end of its first send (a send still under way,
     * or one a run cut short began); its retry time; the person (the platform would not take it); or, never tried,
     * only the messages ahead of it going out now.
     */
    static Delivery waitingFor(HeldMessage held) {
        if (held.retryAt().isPresent()) {
            return held.tries() == 0 && held.refusals() == 0 ? Delivery.SENDING : Delivery.RETRYING;
        }
        return held.tries() == 0 && held.refusals() == 0 ? Delivery.QUEUED : Delivery.WAITING_FOR_PERSON;
    }
}

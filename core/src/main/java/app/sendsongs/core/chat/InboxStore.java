package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the inbox, inbound events kept durably from the moment the webhook accepted them until they
 * are handled, per person in the order they were accepted. Workers (one or several processes) claim
 * one person at a time with a lease, so a person's events are handled one after the other, in order,
 * by one worker; a worker whose event takes long renews its claim, and if it dies, the person can be
 * claimed again when the lease ends.
 */
public interface InboxStore {
    /**
     * Keeps the events, in the order given, in one write (several callers' events may share it). An
     * event with the {@link Inbound#deliveryKey()} of one waiting already still waits once: a store
     * skips it, or writes it again in place of the first (then it may count it as kept and put it behind
     * the others). A store may also skip an event it knows was handled. Returns how many it kept.
     */
    int append(List<Inbound> events, Instant receivedAt);

    /**
     * Claims the person whose waiting events came first among the people nobody holds (never claimed,
     * released, or their lease ended by {@code now}): takes them until {@code leaseUntil} and returns
     * their waiting events, oldest first, at most {@code limit}. Empty when nobody's events wait, or
     * every person with waiting events is held. Of workers claiming at once, each gets another person.
     */
    Optional<InboxClaim> claim(Instant now, Instant leaseUntil, int limit);

    /**
     * Holds the claim's person until {@code leaseUntil}, if the claim is still the holder's: not ended, and nobody
     * claimed the person since (its lease may have ended meanwhile; a store may then also have let it go). True if
     * it did: the claim is then {@link InboxClaim#renewedUntil renewed}, and it is that claim that ends it. A
     * worker whose event takes long renews its claim while it handles it; false tells it the person is no longer
     * its own.
     */
    boolean renew(InboxClaim claim, Instant leaseUntil);

    /**
     * Ends a claim: the events with {@code handledKeys} are no longer waiting, and the person is free
     * to be claimed again, unless the claim's lease ended and someone else has claimed them since (then
     * only the handled events are removed).
     */
    void release(InboxClaim claim, List<String> handledKeys);

    /**
     * Ends a claim in which handling the event {@code failedKey} failed: the events with
     * {@code handledKeys} (those before it) are no longer waiting, the failed one counts one more
     * failure, and the person stays held until {@code retryAt}, when the failed event and those after
     * it may be claimed again.
     */
    void failed(InboxClaim claim, List<String> handledKeys, String failedKey, Instant retryAt);

    /** Whether any event waits (claimed or not). */
    boolean hasWaiting();

    /**
     * The chats whose move to {@code chat} ({@link GroupChatAction.Moved}) waits here, claimed or not, in the order
     * the moves came: each is the event of whoever made the move, so it may wait behind their other events while
     * other people's events in the new chat are handled.
     */
    List<ChatAddress> chatsMovingTo(ChatAddress chat);
}

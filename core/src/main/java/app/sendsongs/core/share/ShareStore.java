package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Port: shared songs. A share comes back equal to what was stored, every field; a store rebuilds
 * one with {@link Share#stored}.
 */
public interface ShareStore {
    /**
     * Stores a new share; true if it did. A share with the same id already stored is kept as it is
     * (false): ids derived from a cause are inserted again when the cause is handled again.
     */
    boolean insertShare(Share share);

    Optional<Share> findShare(String id);

    /**
     * Replaces the share only if its stored status is still {@code expected}; false otherwise.
     * Every change of status goes through here, so two workers never both act on one share. A share stored as kept
     * private ({@link Share#receiptsOff}) stays so: an update written from a copy read before the receiver's choice
     * (a listen check saving a play) keeps the mark rather than clear it. Nothing ever clears it.
     */
    boolean updateShare(Share updated, ShareStatus expected);

    /** What a person sent, newest first. */
    List<Share> sharesSentBy(ChatAddress sender);

    /**
     * The open shares a person sent (held or watched), oldest first. A store may read no more shares than these; by
     * default it reads every share the person sent.
     */
    default List<Share> openSharesSentBy(ChatAddress sender) {
        return sharesSentBy(sender).reversed().stream().filter(s -> s.status().isOpen()).toList();
    }

    /**
     * The latest {@code limit} shares a person sent, newest first. A store may read no more shares than these; by
     * default it reads them all.
     */
    default List<Share> latestSentBy(ChatAddress sender, int limit) {
        return sharesSentBy(sender).stream().limit(limit).toList();
    }

    /** What a person sent at or after {@code since}, newest first: the sends a sender's limits count. */
    List<Share> sharesSentSince(ChatAddress sender, Instant since);

    /**
     * The sends of {@link #sharesSentSince}, newest first, each as much as a sender's limits count. A store may
     * answer this with less than whole shares; by default it reads them whole.
     */
    default List<SendRecord> sendsSince(ChatAddress sender, Instant since) {
        return sharesSentSince(sender, since).stream().map(SendRecord::of).toList();
    }

    /**
     * The shares of {@link #sharesSentSince} whose receiver kept their plays from the sender ({@link
     * Share#receiptsOff}) or that their sender cancelled, newest first: a few, where a sender's sends are many. A store
     * may read only these; by default it reads every send whole.
     */
    default List<Share> keptPrivateOrCancelledSentSince(ChatAddress sender, Instant since) {
        return sharesSentSince(sender, since).stream()
                .filter(share -> share.receiptsOff() || share.status() == ShareStatus.CANCELLED).toList();
    }

    /** What a person was sent, newest first (whoever sent it, whatever became of it). */
    List<Share> sharesReceivedBy(ChatAddress receiver);

    /**
     * The latest of {@link #sharesReceivedBy}, if any. A store may read only that one; by default it reads every share
     * the person was sent.
     */
    default Optional<Share> latestReceivedBy(ChatAddress receiver) {
        return sharesReceivedBy(receiver).stream().findFirst();
    }

    /**
     * The latest {@code limit} of {@link #sharesReceivedBy}, newest first. A store may read no more shares than these;
     * by default it reads every share the person was sent.
     */
    default List<Share> latestReceivedBy(ChatAddress receiver, int limit) {
        return sharesReceivedBy(receiver).stream().limit(limit).toList();
    }

    /**
     * The people a person's latest shares were with: the receivers of the latest {@code shares} they sent and the
     * senders of the latest {@code shares} they were sent, the latest exchange first, each person once. As
     * {@link #latestExchanges} reads them.
     */
    default List<ChatAddress> latestCounterparts(ChatAddress person, int shares) {
        Set<ChatAddress> counterparts = new LinkedHashSet<>();
        latestExchanges(person, shares).forEach(exchange -> counterparts.add(exchange.with()));
        return List.copyOf(counterparts);
    }

    /**
     * The person's latest {@code shares} sent and latest {@code shares} received, each as with whom and when, the
     * latest first. A store may read less than whole shares, and no more of them than these; by default it reads
     * every share whole.
     */
    default List<Exchange> latestExchanges(ChatAddress person, int shares) {
        Stream<Share> sent = sharesSentBy(person).stream().limit(shares);
        Stream<Share> received = sharesReceivedBy(person).stream().limit(shares);
        return Stream.concat(sent, received).sorted(Comparator.comparing(Share::createdAt).reversed())
                .map(share -> new Exchange(share.sender().equals(person) ? share.receiver() : share.sender(),
                        share.createdAt())).toList();
    }

    /** The shares being watched for one receiver (status WATCHING), oldest delivery first. */
    List<Share> sharesWatchedFor(ChatAddress receiver);

    /** Open shares to one receiver (HELD or WATCHING). */
    List<Share> openSharesTo(ChatAddress receiver);

    /**
     * Open shares (HELD or WATCHING) from one sender to one receiver: whether a song would be sent twice. A store may
     * read only those; by default it reads every open share to the receiver.
     */
    default List<Share> openSharesFrom(ChatAddress sender, ChatAddress receiver) {
        return openSharesTo(receiver).stream().filter(share -> share.sender().equals(sender)).toList();
    }

    /** Every member's share of one group send ({@link Share#groupSendId}), in no particular order. */
    List<Share> sharesOfGroupSend(String groupSendId);

    /** Deletes every share the person sent or received. */
    void deleteSharesOf(ChatAddress person);
}

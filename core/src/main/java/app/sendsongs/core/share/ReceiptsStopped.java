package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.util.function.Predicate;

/**
 * Told when a receiver stops telling senders of their plays (receipts off for them or for everyone, or a block), so
 * that what was still to tell those senders of the receiver's songs, such as a group send's summary that has not
 * reached its sender yet, tells them nothing of it.
 */
@FunctionalInterface
public interface ReceiptsStopped {
    void receiptsStopped(ChatAddress receiver, Predicate<ChatAddress> senders);
}

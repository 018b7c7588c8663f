package app.sendsongs.core.share;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.shared.ChatAddress;
import java.util.List;
import java.util.Map;

/**
 * What a sender was still to be told of a receiver's plays and expiries ("🎧 Bob Fisher listened to …", "…, sent to
 * Bob Fisher, was not played within 7 days"), held while the sender's chat would not take it, taken back when the receiver stops telling them.
 * The songs of one friend's that such a notice tells of are marked kept private first, as the songs still open are:
 * the sender's {@code history} then shows them as delivered, and sending one again is answered as for a song still
 * watched, so nothing tells them what the notice would have. Cut short in between, the notice still waits with its
 * songs marked already, and the choice made again takes it back. A group's songs are left to its summary
 * ({@link ReceiptsStopped}). A listen check does the same for a choice made while it was under way.
 */
public final class WaitingReceipts {
    private final Outbox outbox;
    private final KeepPrivate keepPrivate;

    public WaitingReceipts(ShareStore shares, Outbox outbox) {
        this.outbox = outbox;
        this.keepPrivate = new KeepPrivate(shares);
    }

    /** Takes back the notices still waiting for {@code sender} of {@code songs}, those they sent {@code receiver}. */
    public void takeBack(ChatAddress sender, ChatAddress receiver, List<Share> songs) {
        Map<String, String> waiting = outbox.heldOfKind(sender, receiver, ListenNotices.receiptsOn(songs));
        waiting.forEach((id, text) -> ListenNotices.toldOf(id, text, songs).forEach(this::keepPrivate));
        outbox.withdraw(sender, waiting.keySet());
    }

    private void keepPrivate(Share song) {
        if (!song.sentToGroup()) {
            keepPrivate.mark(song);
        }
    }
}

package app.sendsongs.core.listen;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.share.ListenNotices;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.share.WaitingReceipts;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Saves the shares a check settled once its notices are held, as the receiver's choices stand then: a choice made
 * while the check was under way (receipts off, a block) wins (see {@link ListenWatcher}).
 */
final class SettledShares {
    private final ShareStore shares;
    private final PreferenceStore preferences;
    private final Outbox outbox;
    private final ShareSettled settled;
    private final WaitingReceipts waitingReceipts;

    SettledShares(ShareStore shares, PreferenceStore preferences, Outbox outbox, ShareSettled settled) {
        this.shares = shares;
        this.preferences = preferences;
        this.outbox = outbox;
        this.settled = settled;
        this.waitingReceipts = new WaitingReceipts(shares, outbox);
    }

    /** Saves the shares a check settled, as the receiver's choices stand now that its notices are held. */
    void settleAsChosenNow(User receiver, List<Share> settling) {
        settleAll(asChosenNow(receiver, settling));
    }

    /**
     * The shares a check settles as the receiver's choices stand once its notices are held: a choice made since the
     * check read them wins. Each sender of these songs who is no longer told (receipts off for them or everyone, a
     * block) has the notices of plays and expiries still waiting for them taken back, the songs those told of kept
     * private first ({@link WaitingReceipts}), and these songs are saved kept private; a sender blocked has their
     * notes still waiting for the receiver taken back too. Cut short before the shares are saved, the check done
     * again (its songs still watched) takes back what the first run held.
     */
    private List<Share> asChosenNow(User receiver, List<Share> settling) {
        if (settling.isEmpty()) {
            return settling;
        }
        ReceiverPreferences now = preferences.preferencesOf(receiver.address());
        Map<ChatAddress, List<Share>> stopped = settling.stream()
                .filter(share -> !now.sharesReceiptsWith(share.sender()))
                .collect(Collectors.groupingBy(Share::sender));
        stopped.forEach((sender, songs) -> {
            if (!outbox.heldOfKind(sender, receiver.address(), ListenNotices.receiptsOn(songs)).isEmpty()) {
                waitingReceipts.takeBack(sender, receiver.address(), songsFrom(sender, receiver));
            }
            if (now.blocks(sender)) {
                outbox.withdrawHeld(receiver.address(), sender, ListenNotices.notesOn(songs));
            }
        });
        return settling.stream().map(share -> stopped.containsKey(share.sender()) && !share.receiptsOff()
                ? share.withReceiptsOff() : share).toList();
    }

    /** Every song {@code sender} sent {@code receiver}, whatever became of it. */
    private List<Share> songsFrom(ChatAddress sender, User receiver) {
        return shares.sharesReceivedBy(receiver.address()).stream().filter(share -> share.sender().equals(sender))
                .toList();
    }

    /** Stores the shares a check settled, once its notices are held; each settled share is told to its listener. */
    private void settleAll(List<Share> settling) {
        for (Share share : settling) {
            if (shares.updateShare(share, ShareStatus.WATCHING)) {
                settled.settled(share);
            }
        }
    }
}

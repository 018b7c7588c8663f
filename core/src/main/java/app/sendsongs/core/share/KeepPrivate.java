package app.sendsongs.core.share;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Marks a song kept private from its sender as it is stored now. The copy a receiver's choice read may be stale by
 * then: a listen check may have saved the song played or expired since, and the update made from that copy fails on
 * its status. The song is then read again and marked as it stands; a status only moves forward, so a few tries do.
 */
final class KeepPrivate {
    private static final Logger LOG = Logger.getLogger(KeepPrivate.class.getName());
    private static final int TRIES = 4;
    private final ShareStore shares;

    KeepPrivate(ShareStore shares) {
        this.shares = shares;
    }

    /** The song as this call marked it; empty when it was marked already or is gone. */
    Optional<Share> mark(Share read) {
        Optional<Share> current = Optional.of(read);
        for (int tried = 0; tried < TRIES; tried++) {
            Optional<Share> unmarked = current.filter(share -> !share.receiptsOff());
            if (unmarked.isEmpty()) {
                return Optional.empty();
            }
            Share marked = unmarked.get().withReceiptsOff();
            if (shares.updateShare(marked, unmarked.get().status())) {
                return Optional.of(marked);
            }
            current = shares.findShare(read.id());
        }
        LOG.warning(() -> "share " + read.id() + " kept changing while being kept private; the choice made again "
                + "marks it");
        return Optional.empty();
    }
}

package app.sendsongs.core.share;

import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.user.User;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stops the watch of songs a person sent ({@link SentSongs#cancel}), each marked first, so that a cancel handled
 * again after a crash finishes what its first run began and answers as it would have.
 */
final class CancelSong {
    /**
     * What a cancel of one song marks before it stops it ({@link HandlingMarks}), and the song with its id after: run
     * again after a crash, the song is no longer in the list it was chosen from, so the number would count another.
     */
    private static final String CHOSE = "cancel chose a song";
    private static final String SETTLED = "That song was settled a moment ago; see history.";
    /**
     * What a {@code cancel all} marks before it stops songs, and each song with its id before stopping it: run again
     * after a crash, the songs the first run stopped are no longer open, and its answer counts them too.
     */
    private static final String STOPPED_ALL = "cancel all stopped songs";

    private final ShareStore shares;
    private final Outbox outbox;
    private final ShareSettled settled;
    private final HandlingMarks marks;
    private final SentSongLines songLines;

    CancelSong(ShareStore shares, Outbox outbox, ShareSettled settled, HandlingMarks marks, SentSongLines songLines) {
        this.shares = shares;
        this.outbox = outbox;
        this.settled = settled;
        this.marks = marks;
        this.songLines = songLines;
    }

    /** Whether a {@code cancel all} of the event being handled ran before, cut short by a crash. */
    boolean cancelAllRanBefore() {
        return marks.marked(STOPPED_ALL);
    }

    /**
     * Stops the {@code listed} songs, each marked first; returns how many this event stopped, those a run of it cut
     * short by a crash stopped too. Only a run after such a run reads the sender's songs again for them.
     */
    long cancelAll(User sender, List<Share> listed) {
        boolean cutShortBefore = marks.marked(STOPPED_ALL);
        marks.mark(STOPPED_ALL, sender.lastMessageAt());
        Set<String> stopped = new HashSet<>();
        for (Share share : listed) {
            marks.mark(STOPPED_ALL + " " + share.id(), sender.lastMessageAt());
            if (cancel(share)) {
                stopped.add(share.id());
            }
        }
        if (!cutShortBefore) {
            return stopped.size();
        }
        List<Share> stoppedBefore = shares.sharesSentBy(sender.address()).stream()
                .filter(share -> share.status() == ShareStatus.CANCELLED && !stopped.contains(share.id()))
                .filter(share -> marks.marked(STOPPED_ALL + " " + share.id())).toList();
        stoppedBefore.forEach(this::afterStopping); // the crash may have come between a stop and what follows it
        return stopped.size() + stoppedBefore.size();
    }

    /** Stops the one song the sender chose, marked first for the cancel handled again ({@link #chosenBefore}). */
    String cancelled(User sender, Share share) {
        marks.mark(CHOSE, sender.lastMessageAt());
        marks.mark(CHOSE + " " + share.id(), sender.lastMessageAt());
        return cancel(share) ? stopped(sender, share) : SETTLED;
    }

    private String stopped(User sender, Share share) {
        return "Stopped watching " + share.track().title() + " for "
                + songLines.describe(sender, List.of(share), (one, receiver, name) -> name).getFirst() + ".";
    }

    /**
     * The song a run of the cancel being handled chose, cut short by a crash: looked for among the sender's songs only
     * when that run marked it chose one, which the first run of every cancel does not find.
     */
    Optional<Share> chosenBefore(User sender) {
        if (!marks.marked(CHOSE)) {
            return Optional.empty();
        }
        return shares.sharesSentBy(sender.address()).stream().filter(share -> marks.marked(CHOSE + " " + share.id()))
                .findFirst();
    }

    /** The cancel handled again finishes with the song its first run chose, and answers as that run would have. */
    String cancelledAgain(User sender, Share chosen) {
        if (chosen.status() != ShareStatus.CANCELLED) {
            return cancel(chosen) ? stopped(sender, chosen) : SETTLED;
        }
        afterStopping(chosen);
        return stopped(sender, chosen);
    }

    /**
     * What follows the stop of a song stopped by a run of the event being handled, done again: that run may have been
     * cut short between the stop and what followed it (each step does nothing the second time).
     */
    private void afterStopping(Share stopped) {
        outbox.withdrawShare(stopped.receiver(), stopped.id());
        settled.settled(stopped);
    }

    private boolean cancel(Share share) {
        Share cancelled = share.cancelled();
        if (!shares.updateShare(cancelled, share.status())) {
            return false;
        }
        if (share.status() == ShareStatus.HELD) {
            outbox.withdrawShare(share.receiver(), share.id());
        }
        settled.settled(cancelled);
        return true;
    }
}

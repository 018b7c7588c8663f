package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.ListeningAccess;
import app.sendsongs.core.user.User;
import app.sendsongs.core.watch.WatchPlanner;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Instant;

/**
 * A song reached its receiver: the share starts being watched from that moment. Also resumes the
 * watching of a receiver who reconnected their listening source.
 */
public final class ShareDelivery {
    private final ShareStore shares;
    private final WatchPlanner planner;

    public ShareDelivery(ShareStore shares, WatchPlanner planner) {
        this.shares = shares;
        this.planner = planner;
    }

    public void delivered(String shareId, Instant at) {
        WatchSchedule schedule = planner.schedule();
        shares.findShare(shareId)
                .filter(share -> share.status() == ShareStatus.HELD)
                .filter(share -> shares.updateShare(share.delivered(at, schedule.expiry(at)), ShareStatus.HELD))
                .ifPresent(share -> planner.delivered(share.receiver(), at, share.track().duration()));
    }

    /**
     * The sender undid their cancel of a song delivered {@code stopped}: it is watched again, and checked now from its
     * delivery on (a play while it was not watched counts). False when it is no longer cancelled.
     */
    public boolean watchAgain(Share stopped) {
        if (!shares.updateShare(stopped.watchedAgain(), ShareStatus.CANCELLED)) {
            return false;
        }
        planner.readAgainFrom(stopped.receiver(), stopped.deliveredAt().orElseThrow());
        return true;
    }

    /** A song found watched (sent again while it was) has its receiver's check planned, should a run cut short lose it. */
    public void ensureWatched(Share watched) {
        watched.deliveredAt().filter(at -> watched.status() == ShareStatus.WATCHING)
                .ifPresent(at -> planner.ensureWatched(watched.receiver(), at));
    }

    /** The receiver can be watched again (they reconnected): the songs being watched for them are checked now. */
    public void resumeWatching(ChatAddress receiver) {
        shares.sharesWatchedFor(receiver).stream().map(share -> share.deliveredAt().orElseThrow())
                .min(Instant::compareTo).ifPresent(earliest -> planner.checkNow(receiver, earliest));
    }

    /**
     * The person consented to a source: when it is a Spotify grant, their check comes a few days before it ends at the
     * latest, to remind them, whether or not songs are being watched for them then.
     */
    public void consented(User person) {
        ListeningAccess.grantReminderAt(person).ifPresent(at -> planner.checkBy(person.address(), at));
    }

    /** Whether any song is being watched for the receiver (delivered, not played yet, its watch not over). */
    public boolean watchesAnyFor(ChatAddress receiver) {
        return !shares.sharesWatchedFor(receiver).isEmpty();
    }

    /**
     * The receiver now listens through another source: the songs being watched for them are checked now, reading
     * the new source from {@code at} on (a read position in the old source's history means nothing in the new one).
     */
    public void switchedSource(ChatAddress receiver, Instant at) {
        if (watchesAnyFor(receiver)) {
            planner.readFrom(receiver, at);
        }
    }
}

package app.sendsongs.core.share;

import app.sendsongs.core.music.Track;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A song the sender already sent the receiver and that is still open (waiting or watched) is not sent twice. A song
 * delivered while its receiver kept their plays from the sender counts as sent until its watch would have ended (its
 * last check), whether they played it or not, and whatever they choose since: were only a song still unplayed refused,
 * sending it again would tell the sender whether it was played.
 */
public final class Repeats {
    /**
     * What may have become of a song kept private, all answered alike: played, expired, or stopped by leaving the group
     * it came through, which only a song still unplayed is.
     */
    private static final Set<ShareStatus> SETTLED_UNSEEN = EnumSet.of(ShareStatus.PLAYED, ShareStatus.EXPIRED,
            ShareStatus.LEFT_GROUP);
    private final ShareStore shares;
    private final WatchSchedule schedule;
    private final Duration holdLimit;
    private final Clock clock;

    /** {@code holdLimit}: how long a song may wait to be delivered, so how long before its delivery it was sent. */
    public Repeats(ShareStore shares, WatchSchedule schedule, Duration holdLimit, Clock clock) {
        this.shares = shares;
        this.schedule = schedule;
        this.holdLimit = holdLimit;
        this.clock = clock;
    }

    /** The look-up for one send of {@code track} by {@code sender}, to one receiver or to each of a group's. */
    public Earlier of(ChatAddress sender, Track track) {
        return new Earlier(sender, track);
    }

    /**
     * Whether the sender must be answered as if the share were watched whatever became of it: it went to someone who
     * keeps their plays from them, and was delivered.
     */
    public static boolean keptPrivate(Share share) {
        return share.receiptsOff() && share.deliveredAt().isPresent();
    }

    /**
     * The earlier shares one send would repeat, and the one it would watch again. A song delivered while its receiver
     * kept their plays stays private when they share them again (that choice is from then on), so it is looked for
     * whatever they choose now. The sender's recent songs kept private or cancelled are read once for all the send's
     * receivers, when first needed ({@link ShareStore#keptPrivateOrCancelledSentSince}): one read for both.
     */
    public final class Earlier {
        private final ChatAddress sender;
        private final Track track;
        private List<Share> keptPrivateOrCancelled;

        private Earlier(ChatAddress sender, Track track) {
            this.sender = sender;
            this.track = track;
        }

        public Optional<Share> to(ChatAddress receiver) {
            Optional<Share> open = shares.openSharesFrom(sender, receiver).stream()
                    .filter(share -> sameSong(share, track)).findFirst();
            return open.or(() -> keptPrivateWatchedUntilLater(receiver));
        }

        /**
         * The song the sender sent {@code receiver} themselves (not through a group), that reached them and that the
         * sender stopped watching while its watch period still runs, if there is one: sending it again, to them or to
         * a group of theirs, undoes the cancel rather than deliver it twice. One whose receiver keeps their plays from
         * the sender is left out: it is answered as any song kept private. One that came through a group is sent
         * anew: its group's summary counted it as stopped.
         */
        public Optional<Share> stoppedWithinItsWatch(ChatAddress receiver) {
            Instant now = clock.instant();
            return recent().stream()
                    .filter(share -> share.receiver().equals(receiver) && share.status() == ShareStatus.CANCELLED)
                    .filter(share -> share.groupSendId().isEmpty() && !share.receiptsOff())
                    .filter(share -> share.expiresAt().filter(now::isBefore).isPresent())
                    .findFirst();
        }

        private Optional<Share> keptPrivateWatchedUntilLater(ChatAddress receiver) {
            Instant now = clock.instant();
            return recent().stream()
                    .filter(share -> share.receiver().equals(receiver) && keptPrivate(share))
                    .filter(share -> SETTLED_UNSEEN.contains(share.status()))
                    .filter(share -> schedule.finalCheck(share.deliveredAt().orElseThrow()).isAfter(now))
                    .findFirst();
        }

        /** The sender's sends of this song, kept private or cancelled, that could still be watched: newest first. */
        private List<Share> recent() {
            if (keptPrivateOrCancelled == null) {
                Instant sentSince = clock.instant().minus(holdLimit).minus(schedule.watchPeriod())
                        .minus(schedule.grace());
                keptPrivateOrCancelled = shares.keptPrivateOrCancelledSentSince(sender, sentSince).stream()
                        .filter(share -> sameSong(share, track)).toList();
            }
            return keptPrivateOrCancelled;
        }
    }

    private static boolean sameSong(Share share, Track track) {
        return share.track().recording().sameSongAs(track.recording()) || share.track().id().equals(track.id());
    }
}

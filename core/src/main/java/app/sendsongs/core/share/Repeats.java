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

    /**
     * The earlier share of the same track from {@code sender} to {@code receiver} that a send now would repeat, if
     * there is one.
     */
    public Optional<Share> earlierShareOf(ChatAddress sender, ChatAddress receiver, Track track) {
        return of(sender, track).to(receiver);
    }

    /**
     * The song {@code sender} sent {@code receiver} themselves (not through a group), that reached them and that the
     * sender stopped watching while its watch period still runs, if there is one: sending it again undoes the cancel
     * rather than deliver it twice. One whose receiver keeps their plays from the sender is left out: it is answered
     * as any song kept private.
     */
    public Optional<Share> stoppedWithinItsWatch(ChatAddress sender, ChatAddress receiver, Track track) {
        Instant now = clock.instant();
        Instant sentSince = now.minus(holdLimit).minus(schedule.watchPeriod());
        return shares.cancelledSentSince(sender, receiver, sentSince).stream()
                .filter(share -> share.groupSendId().isEmpty() && !share.receiptsOff() && sameSong(share, track))
                .filter(share -> share.expiresAt().filter(now::isBefore).isPresent())
                .findFirst();
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
     * The earlier shares one send would repeat. A song delivered while its receiver kept their plays stays private
     * when they share them again (that choice is from then on), so it is looked for whatever they choose now; the
     * sender's recent songs are read once for all the send's receivers, when first needed.
     */
    public final class Earlier {
        private final ChatAddress sender;
        private final Track track;
        private List<Share> keptPrivate;

        private Earlier(ChatAddress sender, Track track) {
            this.sender = sender;
            this.track = track;
        }

        public Optional<Share> to(ChatAddress receiver) {
            Optional<Share> open = shares.openSharesFrom(sender, receiver).stream()
                    .filter(share -> sameSong(share, track)).findFirst();
            return open.or(() -> keptPrivateWatchedUntilLater().stream()
                    .filter(share -> share.receiver().equals(receiver)).findFirst());
        }

        private List<Share> keptPrivateWatchedUntilLater() {
            if (keptPrivate == null) {
                Instant now = clock.instant();
                Instant sentSince = now.minus(holdLimit).minus(schedule.watchPeriod()).minus(schedule.grace());
                keptPrivate = shares.keptPrivateSentSince(sender, sentSince).stream()
                        .filter(share -> sameSong(share, track) && keptPrivate(share))
                        .filter(share -> SETTLED_UNSEEN.contains(share.status()))
                        .filter(share -> schedule.finalCheck(share.deliveredAt().orElseThrow()).isAfter(now))
                        .toList();
            }
            return keptPrivate;
        }
    }

    private static boolean sameSong(Share share, Track track) {
        return share.track().recording().sameSongAs(track.recording()) || share.track().id().equals(track.id());
    }
}

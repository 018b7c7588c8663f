package app.sendsongs.core.listen;

import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.StableIds;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.ListeningAccess;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.ListeningPace;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.core.watch.WatchStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs due listen checks. One check reads the receiver's recent plays once and settles every
 * song being watched for them: played (sender told, post note released), expired (sender told),
 * or still waiting (next check per the schedule, sooner when their pace could overflow
 * Spotify's window of 50 plays before then; see {@link ListeningPace}).
 */
public final class ListenWatcher {
    private static final Logger LOG = Logger.getLogger(ListenWatcher.class.getName());
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);
    private static final Duration MINIMUM_RETRY = Duration.ofSeconds(30);

    private final WatchStore watches;
    private final ShareStore shares;
    private final UserStore users;
    private final ListeningAccess access;
    private final Outbox outbox;
    private final WatchSchedule schedule;
    private final Clock clock;
    private final Duration lease;
    private final ShareSettled settled;

    public ListenWatcher(WatchStore watches, ShareStore shares, UserStore users, ListeningAccess access,
                         Outbox outbox, WatchSchedule schedule, Clock clock, Duration lease,
                         ShareSettled settled) {
        this.watches = watches;
        this.shares = shares;
        this.users = users;
        this.access = access;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = clock;
        this.lease = lease;
        this.settled = settled;
    }

    /** Claims and runs up to {@code limit} due checks; returns how many ran. */
    public int runDue(int limit) {
        Instant now = clock.instant();
        List<Watch> claimed = watches.claimDueWatches(now, limit, now.plus(lease));
        claimed.forEach(this::checkSafely);
        return claimed.size();
    }

    /** One failing check must not hold up the others; its lease makes it due again later. */
    private void checkSafely(Watch watch) {
        try {
            check(watch);
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "listen check failed; it falls due again when its lease ends", e);
        }
    }

    void check(Watch watch) {
        List<Share> watched = shares.sharesWatchedFor(watch.receiver());
        Optional<User> receiver = users.findUser(watch.receiver());
        if (watched.isEmpty() || receiver.isEmpty() || receiver.get().needsReconnect()) {
            watches.endWatch(watch);
            return;
        }
        RecentPlays recent;
        try {
            // the whole window, not only the plays after the read position: its older plays tell the pace
            recent = access.withConnection(receiver.get(),
                    (source, connection) -> source.recentPlays(connection, Instant.EPOCH));
        } catch (GrantRevokedException e) {
            watches.endWatch(watch);
            return;
        } catch (MusicServiceException e) {
            Duration wait = e.retryAfter().filter(d -> d.compareTo(MINIMUM_RETRY) > 0).orElse(
                    e.retryAfter().isPresent() ? MINIMUM_RETRY : RETRY_AFTER_FAILURE);
            LOG.info(() -> "listen check postponed by " + wait + ": " + e.getMessage());
            watches.rescheduleWatch(watch, clock.instant().plus(wait), watch.checkedThrough());
            return;
        }
        settle(watch, receiver.get(), watched, recent);
    }

    private void settle(Watch watch, User receiver, List<Share> watched, RecentPlays recent) {
        Instant now = clock.instant();
        boolean gap = recent.mayHaveGapAfter(watch.checkedThrough());
        Optional<Instant> next = Optional.empty();
        for (Share share : watched) {
            Optional<Instant> shareNext = settle(share, receiver, recent.plays(), gap, now);
            next = earliest(next, shareNext);
        }
        if (next.isPresent()) {
            next = earliest(next, ListeningPace.checkBy(recent, now, schedule.shortestInterval()));
        }
        if (gap && next.isPresent()) {
            next = earliest(next, Optional.of(now.plus(schedule.recheckAfterGap())));
        }
        Instant readThrough = recent.plays().stream().map(Play::playedAt).max(Instant::compareTo)
                .filter(newest -> newest.isAfter(watch.checkedThrough())).orElse(watch.checkedThrough());
        if (next.isPresent()) {
            watches.rescheduleWatch(watch, next.get(), readThrough);
        } else {
            watches.endWatch(watch);
        }
    }

    /** Settles one share; returns when it should be checked next, empty when it is settled. */
    private Optional<Instant> settle(Share share, User receiver, List<Play> plays, boolean gap, Instant now) {
        Instant deliveredAt = share.deliveredAt().orElseThrow();
        Optional<Play> play = PlayMatcher.firstPlay(share.track().recording(), plays, deliveredAt);
        if (play.isPresent()) {
            // Told before the share is settled, under ids of the share: a check cut short in between
            // is run again and tells nothing twice.
            announcePlay(share, receiver, play.get());
            Share played = share.played(play.get().playedAt());
            if (shares.updateShare(played, ShareStatus.WATCHING)) {
                settled.settled(played);
            }
            return Optional.empty();
        }
        Share current = gap && !share.uncertain() ? share.markedUncertain() : share;
        if (!now.isBefore(share.expiresAt().orElseThrow())) {
            if (!share.sentToGroup()) { // a group's sender hears of expiries in its summary
                announceExpiry(current, receiver);
            }
            Share expired = current.expired();
            if (shares.updateShare(expired, ShareStatus.WATCHING)) {
                settled.settled(expired);
            }
            return Optional.empty();
        }
        if (current != share) {
            shares.updateShare(current, ShareStatus.WATCHING);
        }
        return Optional.of(schedule.nextCheck(deliveredAt, share.track().duration(), now));
    }

    private void announcePlay(Share share, User receiver, Play play) {
        outbox.notifyOnce(StableIds.of("played", share.id()), share.sender(), Message.text("🎧 " + receiver.name()
                + " listened to " + share.track().title() + " (" + Texts.when(play.playedAt()) + ")."),
                List.of(receiver.address()));
        if (!share.post().isEmpty()) {
            String sender = users.findUser(share.sender()).map(User::name).orElse("Your friend");
            outbox.notifyOnce(StableIds.of("post note", share.id()), receiver.address(), Message.text(sender
                    + "'s note on " + share.track().title() + ": " + Texts.note(share.post())), List.of(share.sender()));
        }
    }

    private void announceExpiry(Share share, User receiver) {
        String text = receiver.name() + " hasn't played " + share.track().title() + " within "
                + Texts.duration(schedule.watchPeriod()) + ", so I've stopped watching.";
        if (share.uncertain()) {
            text += " (They played so much music at times that Spotify's history of their last 50 plays "
                    + "didn't reach back far enough, so I may have missed it.)";
        }
        outbox.notifyOnce(StableIds.of("expired", share.id()), share.sender(), Message.text(text),
                List.of(receiver.address()));
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isBefore(b.get()) ? a : b;
    }
}

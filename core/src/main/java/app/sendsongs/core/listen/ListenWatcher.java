package app.sendsongs.core.listen;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs due listen checks. One check reads the receiver's recent plays once and settles every
 * song being watched for them: played (sender told, post note released), expired (sender told),
 * or still waiting (next check per the schedule, sooner when their pace could overflow
 * Spotify's window of 50 plays before then; see {@link ListeningPace}). A sender the receiver does not share
 * receipts with is told nothing; what one check tells one person goes in one message (see {@link Notices}).
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
    private final PreferenceStore preferences;

    public ListenWatcher(WatchStore watches, ShareStore shares, UserStore users, PreferenceStore preferences,
                         ListeningAccess access, Outbox outbox, WatchSchedule schedule, Clock clock, Duration lease,
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
        this.preferences = preferences;
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
        ReceiverPreferences theirs = preferences.preferencesOf(receiver.address());
        Notices notices = new Notices(receiver, users, schedule);
        List<Share> settling = new ArrayList<>();
        Optional<Instant> next = Optional.empty();
        for (Share share : watched) {
            Share current = share.receiptsOff() || theirs.sharesReceiptsWith(share.sender()) ? share
                    : share.withReceiptsOff();
            Optional<Instant> shareNext = settle(share, current, recent.plays(), gap, now, notices, settling);
            next = earliest(next, shareNext);
        }
        // Told before the shares are settled, under ids of the shares told about: a check cut short in
        // between is run again and tells nothing twice.
        notices.send(outbox);
        for (Share share : settling) {
            if (shares.updateShare(share, ShareStatus.WATCHING)) {
                settled.settled(share);
            }
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

    /**
     * Settles one share ({@code stored} as read, {@code current} with what this check knows: receipts off now, plays
     * missed); returns when it should be checked next, empty when it is settled (added to {@code settling}, to be
     * stored once the check's notices are held).
     */
    private Optional<Instant> settle(Share stored, Share current, List<Play> plays, boolean gap, Instant now,
                                     Notices notices, List<Share> settling) {
        Instant deliveredAt = stored.deliveredAt().orElseThrow();
        Optional<Play> play = PlayMatcher.firstPlay(stored.track().recording(), plays, deliveredAt);
        if (play.isPresent()) {
            Share played = current.played(play.get().playedAt());
            notices.played(played, play.get());
            settling.add(played);
            return Optional.empty();
        }
        Share checked = gap && !current.uncertain() ? current.markedUncertain() : current;
        if (!now.isBefore(stored.expiresAt().orElseThrow())) {
            Share expired = checked.expired();
            notices.expired(expired);
            settling.add(expired);
            return Optional.empty();
        }
        if (!checked.equals(stored)) {
            shares.updateShare(checked, ShareStatus.WATCHING);
        }
        return Optional.of(schedule.nextCheck(deliveredAt, stored.track().duration(), now));
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

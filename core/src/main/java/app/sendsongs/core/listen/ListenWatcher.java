package app.sendsongs.core.listen;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.listen.HistoryReader.Reading;
import app.sendsongs.core.music.Play;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.user.ListeningAccess;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.CheckBudget;
import app.sendsongs.core.watch.ListeningPace;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchSchedule;
import app.sendsongs.core.watch.WatchStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs due listen checks. One check reads the receiver's plays once and settles every song being watched for them:
 * played (sender told, post note released), expired (sender told), or still waiting (next check per the schedule,
 * sooner when their pace could overflow Spotify's window of 50 plays before then, see {@link ListeningPace}, and a few
 * minutes sooner when the access token in hand still serves then; a song's last check, a grace period after its watch
 * period, is made by the receiver's next check when that comes soon after, see
 * {@link WatchSchedule#receiversNextCheck}). A
 * source that keeps only that window is read whole; one that keeps the whole history is read from where the last
 * check stopped, less the grace period, since plays reach it late, and when one read cannot hold all its new plays
 * the next check goes on soon, songs past their last check waiting for it. A song's last check reads such a history
 * back to its delivery, as a play can reach it days late (a phone offline), after newer ones moved the position on
 * ({@link HistoryRead}): "not played" is said once its whole watch period was read, or, when no read gets there, with
 * the sender told it may have been missed.
 *
 * <p>A receiver whose history cannot be read (their connection ended, or the source refuses or fails) never keeps a
 * song from expiring: at its last check the sender is told it was not seen played, and why it may have been missed.
 * A sender the receiver does not share receipts with is told nothing; what one check tells one person goes in one
 * message (see {@link Notices}). A choice the receiver makes while a check is under way (receipts off, a block) wins:
 * once its notices are held, the check reads their choices again and takes back what it held for a sender no longer
 * told, saving those songs as kept private ({@link SettledShares}).
 */
public final class ListenWatcher {
    private static final Logger LOG = Logger.getLogger(ListenWatcher.class.getName());

    private final WatchStore watches;
    private final ShareStore shares;
    private final UserStore users;
    private final Outbox outbox;
    private final WatchSchedule schedule;
    private final Clock clock;
    private final Duration lease;
    private final PreferenceStore preferences;
    private final TellingNames names;
    private final ListeningAccess access;
    private final HistoryReader reader;
    private final RegularChecks regularChecks;
    private final SettledShares settledShares;

    public ListenWatcher(WatchStore watches, ShareStore shares, UserStore users, PreferenceStore preferences,
                         ListeningAccess access, Outbox outbox, WatchSchedule schedule, Clock clock, Duration lease,
                         ShareSettled settled, TellingNames names) {
        this.watches = watches;
        this.names = names;
        this.shares = shares;
        this.users = users;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = clock;
        this.lease = lease;
        this.preferences = preferences;
        this.access = access;
        this.reader = new HistoryReader(access, schedule, clock);
        this.regularChecks = new RegularChecks(schedule, access);
        this.settledShares = new SettledShares(shares, preferences, outbox, settled);
    }

    /**
     * Claims and runs up to {@code limit} due checks while {@code budget} allows another; returns how many ran. None is
     * claimed once the budget is spent, and those claimed and not started when it runs out are let go, due at once.
     */
    public int runDue(int limit, CheckBudget budget) {
        if (!budget.allowsAnotherCheck()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Watch> claimed = watches.claimDueWatches(now, limit, now.plus(lease));
        for (int ran = 0; ran < claimed.size(); ran++) {
            if (!budget.allowsAnotherCheck()) {
                letGo(claimed.subList(ran, claimed.size()), now);
                return ran;
            }
            checkSafely(claimed.get(ran));
        }
        return claimed.size();
    }

    /**
     * Ends the claims of checks not started: each is due again at {@code claimedAt}, read from where it was, unless it
     * changed meanwhile (a new song made it due sooner).
     */
    private void letGo(List<Watch> unstarted, Instant claimedAt) {
        LOG.warning(() -> unstarted.size() + " listen checks not started: the tick's time for checks is spent; they "
                + "are due again at once");
        for (Watch watch : unstarted) {
            watches.rescheduleWatch(watch, claimedAt, watch.checkedThrough());
        }
    }

    /** One failing check must not hold up the others; its lease makes it due again later. */
    private void checkSafely(Watch watch) {
        try {
            check(watch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "listen check failed; it falls due again when its lease ends", e);
        }
    }

    void check(Watch watch) {
        List<Share> watched = shares.sharesWatchedFor(watch.receiver());
        Optional<User> receiver = users.findUser(watch.receiver());
        if (receiver.isEmpty() && !watched.isEmpty()) {
            // Songs stored for someone forgotten meanwhile (a friend's send that raced their forget_me): they go too,
            // as forget_me deletes the songs people sent them; else they stayed watched forever, for nobody.
            shares.deleteSharesOf(watch.receiver());
        }
        if (receiver.isEmpty()) {
            watches.endWatch(watch);
            return;
        }
        if (watched.isEmpty()) {
            User current = access.remindIfGrantEndsSoon(receiver.get());
            finish(watch, current, Optional.empty(), watch.checkedThrough());
            return;
        }
        switch (reader.read(watch, receiver.get(), watched)) {
            case Reading.Read read -> settle(watch, receiver.get(), watched, read);
            case Reading.Unread unread -> settleUnread(watch, receiver.get(), watched, unread.retryAt());
        }
    }

    private void settle(Watch watch, User receiver, List<Share> watched, Reading.Read read) {
        RecentPlays recent = read.history().recent();
        Instant now = clock.instant();
        Instant readThrough = recent.plays().stream().map(Play::playedAt).max(Instant::compareTo)
                .filter(newest -> newest.isAfter(watch.checkedThrough())).orElse(watch.checkedThrough());
        Coverage coverage = Coverage.of(recent, watch.checkedThrough(), readThrough);
        ReceiverPreferences theirs = preferences.preferencesOf(receiver.address());
        Notices notices = new Notices(receiver, users, names, schedule, historyCutShort(receiver), theirs::blocks);
        List<Share> settling = new ArrayList<>();
        List<Share> waiting = new ArrayList<>();
        ChronoUnit playTimeUnit = receiver.connection().kind().playTimeUnit();
        for (Share share : watched) {
            if (settle(share, withReceiptsNow(share, theirs), read.history(), playTimeUnit, coverage, now, notices,
                    settling)) {
                waiting.add(share);
            }
        }
        // Told before the shares are settled, under ids of the shares told about: a check cut short in
        // between is run again and tells nothing twice.
        notices.send(outbox);
        settledShares.settleAsChosenNow(receiver, settling);
        Optional<Instant> regular = regularChecks.next(waiting, receiver, recent, coverage, now, read.connection());
        finish(watch, receiver, schedule.receiversNextCheck(regular, lastChecks(waiting)), readThrough);
    }

    /** The share as the receiver's choices stand now: marked receipts-off when they no longer tell its sender. */
    private static Share withReceiptsNow(Share share, ReceiverPreferences theirs) {
        return share.receiptsOff() || theirs.sharesReceiptsWith(share.sender()) ? share : share.withReceiptsOff();
    }

    /**
     * Settles one share ({@code stored} as read, {@code current} with what this check knows: receipts off now, plays
     * missed) by the plays {@code read}, timed to {@code playTimeUnit}; returns whether it is still being watched,
     * false when it is settled (added to {@code settling}, to be stored once the check's notices are held).
     */
    private boolean settle(Share stored, Share current, HistoryRead read, ChronoUnit playTimeUnit, Coverage coverage,
                           Instant now, Notices notices, List<Share> settling) {
        Instant deliveredAt = stored.deliveredAt().orElseThrow();
        Instant expiresAt = stored.expiresAt().orElseThrow();
        // a source timing plays in whole seconds counts a play in the second of the delivery. Checks after the watch
        // period (up to the last one, a grace period later) look for late-arriving plays made within it only
        Optional<Play> play = PlayMatcher.firstPlay(stored.track().recording(), read.plays(),
                deliveredAt.truncatedTo(playTimeUnit), expiresAt);
        if (play.isPresent()) {
            Share played = current.played(play.get().playedAt());
            notices.played(played, play.get());
            settling.add(played);
            return false;
        }
        Share checked = coverage.mayHaveMissed() && !current.uncertain() ? current.markedUncertain() : current;
        if (!now.isBefore(reader.finalCheck(stored)) && settledAtLastCheck(checked, read, coverage, expiresAt, notices,
                settling)) {
            return false;
        }
        if (!checked.equals(stored)) {
            shares.updateShare(checked, ShareStatus.WATCHING);
        }
        return true;
    }

    /**
     * A song not found played at its last check: not played when every play of its watch period was read; else it
     * waits while the reading goes on (the next check soon), or, when no later read gets there (a read back that
     * stopped short), is said not played with the sender told it may have been missed. Returns whether it is settled.
     */
    private boolean settledAtLastCheck(Share checked, HistoryRead read, Coverage coverage, Instant expiresAt,
                                       Notices notices, List<Share> settling) {
        if (read.holdsEveryPlayBefore(expiresAt)) {
            expire(checked, notices, settling);
            return true;
        }
        if (coverage.readingOn() && read.goesOnFromRecent()) {
            return false;
        }
        expire(checked.uncertain() ? checked : checked.markedUncertain(), notices, settling);
        return true;
    }

    /** The last checks of the songs still being watched, a grace period after their watch period. */
    private List<Instant> lastChecks(List<Share> waiting) {
        return waiting.stream().map(reader::finalCheck).toList();
    }

    /**
     * Nothing was read: songs past their last check expire all the same, the sender told that they may have been
     * missed; the others wait for the retry or their own last check, whichever comes first.
     */
    private void settleUnread(Watch watch, User receiver, List<Share> watched, Optional<Instant> retryAt) {
        Instant now = clock.instant();
        ReceiverPreferences theirs = preferences.preferencesOf(receiver.address());
        Notices notices = new Notices(receiver, users, names, schedule, unread(receiver), theirs::blocks);
        List<Share> settling = new ArrayList<>();
        List<Share> waiting = new ArrayList<>();
        for (Share share : watched) {
            if (!now.isBefore(reader.finalCheck(share))) {
                Share current = withReceiptsNow(share, theirs);
                expire(current.uncertain() ? current : current.markedUncertain(), notices, settling);
            } else {
                waiting.add(share);
            }
        }
        notices.send(outbox);
        settledShares.settleAsChosenNow(receiver, settling);
        finish(watch, receiver, schedule.receiversNextCheck(waiting.isEmpty() ? Optional.empty() : retryAt,
                lastChecks(waiting)), watch.checkedThrough());
    }

    /**
     * Plans the receiver's next check, {@code next}, or the one that reminds them their Spotify grant ends when that
     * comes first or alone ({@link ListeningAccess#grantReminderAt}): a person with no song being watched is reminded
     * too. Ends the watch when neither is to come.
     */
    private void finish(Watch watch, User receiver, Optional<Instant> regular, Instant readThrough) {
        Instant now = clock.instant();
        Optional<Instant> reminder = ListeningAccess.grantReminderAt(receiver).filter(at -> at.isAfter(now));
        Optional<Instant> next = regular.isPresent() && reminder.isPresent()
                ? Optional.of(regular.get().isBefore(reminder.get()) ? regular.get() : reminder.get())
                : regular.or(() -> reminder);
        if (next.isPresent()) {
            watches.rescheduleWatch(watch, next.get(), readThrough);
        } else {
            watches.endWatch(watch);
        }
    }

    private static void expire(Share share, Notices notices, List<Share> settling) {
        Share expired = share.expired();
        notices.expired(expired);
        settling.add(expired);
    }

    /** Why a read history may have missed the play: only Spotify's window can be outrun. */
    private static String historyCutShort(User receiver) {
        SourceKind kind = receiver.connection().kind();
        return kind.keepsOnlyRecentWindow()
                ? "(They played so much music at times that Spotify's history of their last 50 plays didn't reach "
                + "back far enough, so I may have missed it.)"
                : "(They played so much at times that " + kind.displayName() + " gave me their plays in parts, so I "
                + "may have missed it.)";
    }

    private static String unread(User receiver) {
        return "(I couldn't read what they played on " + receiver.connection().kind().displayName()
                + " lately, so I may have missed it.)";
    }

}

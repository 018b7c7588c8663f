package app.sendsongs.core;

import app.sendsongs.core.bot.Bot;
import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.group.GroupFinder;
import app.sendsongs.core.group.GroupLifecycle;
import app.sendsongs.core.group.GroupLimits;
import app.sendsongs.core.group.GroupListing;
import app.sendsongs.core.group.GroupMembership;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.group.GroupShareWithdrawal;
import app.sendsongs.core.group.GroupSong;
import app.sendsongs.core.group.GroupSummary;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.music.Catalogue;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.registration.Registration;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.SentSongs;
import app.sendsongs.core.share.ShareDelivery;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.store.Store;
import app.sendsongs.core.bot.ForgetMe;
import app.sendsongs.core.user.ListeningAccess;
import app.sendsongs.core.listen.ListenWatcher;
import app.sendsongs.core.watch.WatchPlanner;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The whole application wired from its ports: every runtime (server, serverless handlers, tests)
 * builds one of these and calls {@link #bot()}, {@link #registration()} and {@link #tick()}.
 */
public final class SendSongs {
    private static final int TICK_BATCH = 100;
    private static final int RETRY_BATCH = 100;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final Bot bot;
    private final Registration registration;
    private final ListenWatcher watcher;
    private final Outbox outbox;
    private final Store store;
    private final Clock clock;
    private volatile Instant nextPurge = Instant.MIN;

    /**
     * @param catalogue looks shared tracks up with the app's own credentials
     * @param sources one listening source per kind; a person's history is read from the one of their
     *                connection's kind, and {@code /connect} offers Spotify's
     */
    public SendSongs(Store store, ChatPlatform chat, Catalogue catalogue, List<? extends ListeningSource> sources,
                     Clock clock, Settings settings) {
        this.store = store;
        this.clock = clock;
        ConnectLink link = settings.connectLink();
        WatchSchedule schedule = settings.schedule();
        this.outbox = new Outbox(chat, store, clock, settings.lease());
        WatchPlanner planner = new WatchPlanner(store, schedule, clock, settings.lease());
        ShareDelivery delivery = new ShareDelivery(store, planner);
        outbox.onShareDelivered(delivery::delivered);
        ListeningAccess access = new ListeningAccess(sources, store, outbox, link, clock);
        this.registration = new Registration(store, store, consentSource(sources), delivery, link, clock);
        GroupSummary groupSummary = new GroupSummary(store, store, store, outbox, schedule, clock);
        this.watcher = new ListenWatcher(store, store, store, access, outbox, schedule, clock, settings.lease(),
                groupSummary);
        TrackLookup tracks = new TrackLookup(catalogue);
        SendSong sendSong = new SendSong(store, store, store, tracks, outbox, schedule, link, clock);
        Groups groups = groups(store, outbox, tracks, groupSummary, schedule, link, clock);
        SentSongs sentSongs = new SentSongs(store, store, outbox, groupSummary,
                id -> store.findGroupSend(id).map(GroupSend::groupName));
        this.bot = new Bot(store, store, store, outbox, registration, sendSong, sentSongs,
                new ForgetMe(store, outbox, link, groups), groups, planner, link, clock);
    }

    private static ListeningSource consentSource(List<? extends ListeningSource> sources) {
        return sources.stream().filter(source -> source.kind() == SourceKind.SPOTIFY).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the Spotify listening source is missing"));
    }

    private static Groups groups(Store store, Outbox outbox, TrackLookup tracks, GroupSummary summary,
                                 WatchSchedule schedule, ConnectLink link, Clock clock) {
        GroupFinder finder = new GroupFinder(store, store);
        GroupShareWithdrawal withdrawal = new GroupShareWithdrawal(store, store, outbox, summary);
        GroupLimits limits = GroupLimits.standard();
        GroupMembership membership = new GroupMembership(store, store, finder, withdrawal,
                new WhichPerson(store, store, clock), outbox, limits, link, clock);
        return new Groups(new GroupLifecycle(store, finder, withdrawal, outbox, limits, clock), membership,
                new GroupListing(store, store, finder),
                new GroupSong(finder, store, store, store, tracks, outbox, schedule, clock));
    }

    public Bot bot() {
        return bot;
    }

    public Registration registration() {
        return registration;
    }

    /**
     * Does the work that fell due: listen checks (in batches until none is due), retries of held
     * messages, and (hourly) purging of expired registration leftovers. Returns the number of
     * listen checks run.
     */
    public int tick() {
        int total = 0;
        int ran;
        do {
            ran = watcher.runDue(TICK_BATCH);
            total += ran;
        } while (ran == TICK_BATCH);
        outbox.retryDue(RETRY_BATCH);
        purgeHourly();
        return total;
    }

    private void purgeHourly() {
        Instant now = clock.instant();
        if (!now.isBefore(nextPurge)) {
            nextPurge = now.plus(PURGE_EVERY);
            store.purgeBefore(now.minus(KEEP_EXPIRED));
        }
    }

    /** What the core needs to know besides its ports. */
    public record Settings(ConnectLink connectLink, WatchSchedule schedule, Duration lease) {
        /**
         * How long a worker holds a claimed listen check or a held message it is sending: longer than a check or a
         * send can take (the Graph and Spotify clients give up sooner), so no other worker takes it meanwhile.
         */
        public static final Duration LEASE = Duration.ofMinutes(2);

        public static Settings defaults(String publicBaseUrl) {
            return new Settings(new ConnectLink(publicBaseUrl), WatchSchedule.standard(), LEASE);
        }
    }
}

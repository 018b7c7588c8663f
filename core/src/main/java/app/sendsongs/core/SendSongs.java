package app.sendsongs.core;

import app.sendsongs.core.bot.Bot;
import app.sendsongs.core.bot.ForgetMe;
import app.sendsongs.core.bot.Housekeeping;
import app.sendsongs.core.bot.InboxWork;
import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.DurableInbox;
import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.compose.LinkShare;
import app.sendsongs.core.group.Contacts;
import app.sendsongs.core.group.GroupFinder;
import app.sendsongs.core.group.GroupLifecycle;
import app.sendsongs.core.group.GroupLimits;
import app.sendsongs.core.group.GroupListing;
import app.sendsongs.core.group.GroupMembership;
import app.sendsongs.core.group.GroupReceivers;
import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.group.GroupShareWithdrawal;
import app.sendsongs.core.group.GroupSong;
import app.sendsongs.core.group.GroupSummary;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.group.WhichGroup;
import app.sendsongs.core.groupchat.ChatSend;
import app.sendsongs.core.groupchat.ChatTitles;
import app.sendsongs.core.groupchat.ChatMove;
import app.sendsongs.core.groupchat.ChatSongMessages;
import app.sendsongs.core.groupchat.ChatPresenceOnPlatforms;
import app.sendsongs.core.groupchat.GroupChatPlatforms;
import app.sendsongs.core.groupchat.GroupChats;
import app.sendsongs.core.groupchat.Headcount;
import app.sendsongs.core.groupchat.Roster;
import app.sendsongs.core.listen.ListenWatcher;
import app.sendsongs.core.music.Catalogue;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.ListeningSources;
import app.sendsongs.core.music.ShortLinks;
import app.sendsongs.core.registration.Registration;
import app.sendsongs.core.share.FriendFinder;
import app.sendsongs.core.share.InviteDelivery;
import app.sendsongs.core.share.Invites;
import app.sendsongs.core.share.NamesakeCautions;
import app.sendsongs.core.share.ReceiverControls;
import app.sendsongs.core.share.Repeats;
import app.sendsongs.core.share.SendLimiter;
import app.sendsongs.core.share.SendLimits;
import app.sendsongs.core.share.SendSong;
import app.sendsongs.core.share.SentSongs;
import app.sendsongs.core.share.ShareDelivery;
import app.sendsongs.core.share.SongsThatWaited;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.share.ShownPendingList;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.share.UndeliveredSongs;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.SigningKey;
import app.sendsongs.core.user.ListeningAccess;
import app.sendsongs.core.user.HandleSeen;
import app.sendsongs.core.user.PersonHandles;
import app.sendsongs.core.user.PersonalLinks;
import app.sendsongs.core.user.Reachability;
import app.sendsongs.core.watch.CheckBudget;
import app.sendsongs.core.watch.WatchPlanner;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The whole application wired from its ports (the composition root): every runtime (server, serverless
 * handlers, tests) builds one of these and calls {@link #bot()}, {@link #registration()} and
 * {@link #tick()}.
 */
public final class SendSongs {
    private static final int TICK_BATCH = 100;
    private static final int RETRY_BATCH = 100;
    /** The most batches one {@link #retryHeld} works through: a backlog is worked off over a few calls. */
    private static final int MOST_RETRY_BATCHES = 10;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final Bot bot;
    private final PersonHandles handles;
    private final Registration registration;
    private final ListenWatcher watcher;
    private final Outbox outbox;
    private final InboxStore inbox;
    private final InboxWork inboxWork;
    private final ChatSongMessages chatSongs;
    private final Housekeeping housekeeping;
    private final InviteDelivery invites;
    private final Clock clock;
    private volatile Instant nextPurge = Instant.MIN;

    /**
     * @param stores    the store's parts, assembled by the store adapter
     * @param chats     one chat platform per {@link app.sendsongs.core.shared.Platform} the bot speaks on; a
     *                  message goes out through the platform of its receiver's address
     * @param catalogue looks shared tracks up with the app's own credentials
     * @param shortLinks follows Spotify's short links to the tracks they stand for
     * @param sources   at most one listening source per kind: the ones the bot offers to connect; a person's
     *                  history is read from the one of their connection's kind
     */
    public SendSongs(Stores stores, List<? extends ChatPlatform> chats, Catalogue catalogue, ShortLinks shortLinks,
                     List<? extends ListeningSource> sources, Clock clock, Settings settings) {
        this.housekeeping = stores.housekeeping();
        this.clock = clock;
        ConnectLink link = settings.connectLink();
        WatchSchedule schedule = settings.schedule();
        Reachability reach = new Reachability(stores.reach(), clock);
        ChatPlatforms platforms = new ChatPlatforms(reach.watching(chats));
        ListeningSources listening = new ListeningSources(sources);
        PersonalLinks personalLinks = new PersonalLinks(settings.signingKey(), link, clock);
        this.outbox = new Outbox(platforms, stores.outbox(), clock, settings.lease(), Settings.DEDUPE_WINDOW,
                settings.holdLimit());
        WatchPlanner planner = new WatchPlanner(stores.watches(), schedule, clock, settings.lease());
        ShareDelivery delivery = new ShareDelivery(stores.shares(), planner);
        outbox.onShareDelivered(delivery::delivered);
        ListeningAccess access = new ListeningAccess(listening, stores.users(), outbox, personalLinks, clock);
        this.registration = new Registration(stores.registrations(), stores.users(), stores.shares(), listening,
                delivery, platforms, outbox, personalLinks, settings.signingKey(), link, clock);
        GroupFinder finder = new GroupFinder(stores.groups(), stores.users());
        Contacts contacts = new Contacts(stores.shares(), stores.groups(), finder, stores.users());
        TellingNames names = new TellingNames(stores.users(), contacts);
        GroupChatPlatforms groupChatPlatforms = new GroupChatPlatforms(chats);
        GroupSummary groupSummary = new GroupSummary(stores.groups(), stores.shares(), stores.users(), outbox,
                schedule, clock, names, new ChatPresenceOnPlatforms(groupChatPlatforms));
        this.chatSongs = new ChatSongMessages(stores.groupChats(), stores.groups(), stores.shares(), stores.users(),
                groupChatPlatforms, outbox, clock);
        ShareSettled settled = share -> {
            groupSummary.settled(share);
            chatSongs.settled(share);
        };
        outbox.onShareGivenUp(new UndeliveredSongs(stores.shares(), stores.users(), outbox, settled)::givenUp);
        this.watcher = new ListenWatcher(stores.watches(), stores.shares(), stores.users(), stores.preferences(),
                access, outbox, schedule, clock, settings.lease(), settled, names);
        TrackLookup tracks = new TrackLookup(catalogue, shortLinks);
        this.handles = new PersonHandles(stores.users(), platforms);
        FriendFinder friends = new FriendFinder(stores.users(), contacts, handles);
        WhichPerson whichPerson = new WhichPerson(stores.choices(), stores.users(), stores.shares(), contacts, clock);
        SendLimiter limiter = new SendLimiter(stores.shares(), settings.limits(), clock);
        GroupReceivers receivers = new GroupReceivers(stores.preferences(), stores.shares(),
                new Repeats(stores.shares(), schedule, outbox.holdLimit(), clock), delivery);
        Invites inviting = new Invites(stores.invites(), platforms, settings.limits(), settings.signingKey(), clock);
        SendSong sendSong = new SendSong(stores.users(), stores.shares(), stores.preferences(), friends, whichPerson,
                tracks, limiter, outbox, schedule, inviting, platforms, clock, reach, names, delivery,
                new ChatTitles(stores.groupChats(), groupChatPlatforms));
        this.invites = new InviteDelivery(inviting, sendSong, stores.users(), outbox, names,
                stores.preferences());
        HandlingMarks marks = new HandlingMarks(stores.inbound(), Settings.DEDUPE_WINDOW);
        Groups groups = groups(stores, finder, friends, whichPerson, tracks, receivers, limiter, outbox, settled,
                schedule, link, clock, reach, platforms, names, marks, contacts);
        SentSongs sentSongs = new SentSongs(stores.shares(), stores.users(), outbox, settled,
                id -> stores.groups().findGroupSend(id).map(GroupSend::groupName),
                new ShownPendingList(stores.choices(), clock,
                        outbox.holdLimit().plus(schedule.watchPeriod()).plus(schedule.grace())), marks, clock, names,
                inviting, stores.preferences());
        ReceiverControls controls = new ReceiverControls(stores.preferences(), stores.shares(), stores.users(),
                friends, whichPerson, outbox, settled, (receiver, senders) -> {
                    groupSummary.receiptsStopped(receiver, senders); // marks the plays the chats' messages then drop
                    chatSongs.receiptsStopped(receiver, senders);
                }, names);
        LinkShare linkShare = new LinkShare(stores.drafts(), tracks, stores.users(), contacts, groups, friends,
                whichPerson, stores.choices(), sendSong, names, clock);
        GroupShareWithdrawal withdrawal = new GroupShareWithdrawal(stores.shares(), stores.groups(), outbox, settled);
        Roster roster = new Roster(stores.groupChats(), withdrawal, clock);
        ForgetMe forgetMe = new ForgetMe(stores.shares(), stores.housekeeping(), stores.choices(), outbox, groups,
                roster, chatSongs, groupSummary,
                new NamesakeCautions(contacts, stores.shares(), stores.users(), outbox), invites, stores.users(), marks,
                clock);
        GroupChats groupChats = new GroupChats(groupChatPlatforms, roster, new ChatSend(roster, stores.groups(),
                stores.shares(), stores.users(), tracks, receivers, limiter, outbox, chatSongs, schedule, clock, reach,
                marks),
                stores.users(), outbox, new ChatMove(roster, stores.groupChats(), stores.groups(), stores.shares(),
                stores.inbox()),
                chatSongs, new Headcount(roster, stores.users(), reach), marks);
        this.bot = new Bot(stores.inbound(), stores.users(), stores.choices(), outbox, reach,
                new Bot.Features(registration, sendSong, whichPerson, linkShare, sentSongs, controls, forgetMe, groups,
                        groupChats, invites, handles,
                        new SongsThatWaited(stores.shares(), stores.users(), names, outbox)), planner, clock,
                Settings.DEDUPE_WINDOW);
        registration.onNewcomer(bot::registered); // through the chat, Bot.handle does it after its answer
        this.inbox = stores.inbox();
        this.inboxWork = new InboxWork(stores.inbox(), bot, clock, settings.lease());
    }

    private static Groups groups(Stores stores, GroupFinder finder, FriendFinder friends, WhichPerson whichPerson,
                                 TrackLookup tracks, GroupReceivers receivers, SendLimiter limiter, Outbox outbox,
                                 ShareSettled summary, WatchSchedule schedule, ConnectLink link, Clock clock,
                                 Reachability reach, ChatPlatforms platforms, TellingNames names,
                                 HandlingMarks marks, Contacts contacts) {
        GroupShareWithdrawal withdrawal = new GroupShareWithdrawal(stores.shares(), stores.groups(), outbox, summary);
        GroupLimits limits = GroupLimits.standard();
        GroupMembership membership = new GroupMembership(stores.groups(), stores.users(), stores.preferences(),
                finder, withdrawal, friends, whichPerson, outbox, limits, link, marks, contacts, clock);
        WhichGroup whichGroup = new WhichGroup(stores.choices(), stores.groups(), finder, clock);
        GroupLifecycle lifecycle = new GroupLifecycle(stores.groups(), finder, withdrawal, outbox, limits,
                stores.choices(), marks, clock);
        return new Groups(lifecycle, membership,
                new GroupListing(stores.groups(), stores.users(), finder),
                new GroupSong(finder, stores.groups(), stores.users(), stores.shares(), receivers, tracks, limiter,
                        outbox, schedule, clock, reach, platforms, withdrawal, whichGroup, names), whichGroup, finder,
                stores.choices(), clock);
    }

    /**
     * Keeps the handle a platform showed with a person's update, when it changed ({@link PersonHandles#seen}); the
     * runtime hands it over with the update's event, as the platform's adapter read it.
     */
    public void handleSeen(HandleSeen seen) {
        handles.seen(seen);
    }

    public Bot bot() {
        return bot;
    }

    public Registration registration() {
        return registration;
    }

    /**
     * A worker's step through the store's inbox: claims the next person whose events wait and hands
     * them to the {@link #bot()} (see {@link InboxWork}).
     */
    public InboxWork inboxWork() {
        return inboxWork;
    }

    /**
     * Opens the intake that keeps webhook events in the store's inbox before they are acknowledged
     * (its writer thread runs until it is closed); {@code whenKept} is told how many events a write
     * kept, to wake as many workers.
     */
    public DurableInbox openInbox(DurableInbox.Limits limits, IntConsumer whenKept) {
        return new DurableInbox(inbox, outbox, clock, Settings.DEDUPE_WINDOW, limits, whenKept);
    }

    /**
     * The platform echoed these ids of messages the bot sent: those still in the outbox went out and
     * are not sent again (for a runtime whose intake is not {@link #openInbox}).
     */
    public void confirmSent(List<String> echoedMessageIds) {
        outbox.confirmSent(echoedMessageIds);
    }

    /**
     * Does the work that fell due: retries of held messages and of group chat messages held back, invites whose time
     * ran out, (hourly) purging of expired registration leftovers, then listen checks (in batches until none is due, or
     * until {@code budget} allows no more: the checks claimed and not started are then due again at once). The checks
     * come last: each waits on a listening source, so while one is slow they can outlast a tick that is cut off at a
     * deadline (AWS Lambda kills the tick function at its timeout), and the rest must not wait behind them.
     * Returns the number of listen checks run.
     */
    public int tick(CheckBudget budget) {
        outbox.retryDue(RETRY_BATCH);
        chatSongs.updateDue(RETRY_BATCH);
        invites.expireDue();
        purgeHourly();
        int total = 0;
        int ran;
        do {
            ran = watcher.runDue(TICK_BATCH, budget);
            total += ran;
        } while (ran == TICK_BATCH);
        return total;
    }

    /** {@link #tick(CheckBudget)} with no limit on its listen checks, for a runtime whose time never runs out. */
    public int tick() {
        return tick(CheckBudget.UNLIMITED);
    }

    /**
     * A server that takes over the store from an earlier run calls this as it starts: what the earlier run may have sent
     * waits one lease for its echo before it is sent again ({@link Outbox#waitForEchoesOfEarlierRuns}).
     */
    public void waitForEchoesOfEarlierRuns() {
        outbox.waitForEchoesOfEarlierRuns();
    }

    /**
     * Retries the held messages whose wait, given by this process, is over ({@link Outbox#retryWaited}), batch after
     * batch while batches come back full. A server calls this every second, so that a message a platform asked to
     * wait a few seconds for (Telegram's {@code retry_after}, a chat's pace) goes out then and not at the next tick;
     * when no such wait is over, it costs no store query. The tick retries every message due, whoever held it.
     */
    public void retryHeld() {
        int due = outbox.retryWaited(RETRY_BATCH);
        for (int batch = 1; batch < MOST_RETRY_BATCHES && due == RETRY_BATCH; batch++) {
            due = outbox.retryDue(RETRY_BATCH);
        }
    }

    private void purgeHourly() {
        Instant now = clock.instant();
        if (!now.isBefore(nextPurge)) {
            nextPurge = now.plus(PURGE_EVERY);
            housekeeping.purgeBefore(now.minus(KEEP_EXPIRED));
        }
    }

    /**
     * What the core needs to know besides its ports.
     *
     * @param limits     how many songs one person may send (see {@link SendLimits})
     * @param signingKey signs connect states and personal links; every process serving one store needs the same key
     *                   (runtimes derive it from {@code TOKEN_ENCRYPTION_KEY})
     * @param holdLimit  how long a message may wait for someone who has not written lately before it is given up
     *                   (a song's sender is told)
     */
    public record Settings(ConnectLink connectLink, WatchSchedule schedule, Duration lease, SendLimits limits,
                           SigningKey signingKey, Duration holdLimit) {
        /** With the default hold limit, {@link Outbox#HOLD_LIMIT}. */
        public Settings(ConnectLink connectLink, WatchSchedule schedule, Duration lease, SendLimits limits,
                        SigningKey signingKey) {
            this(connectLink, schedule, lease, limits, signingKey, Outbox.HOLD_LIMIT);
        }

        /**
         * How long a worker holds what it claimed (a listen check, a person's inbound events, a message it is
         * sending): longer than the work can take (the Graph and Spotify clients give up within seconds), and for
         * a message long enough for the platform's echo of it to come back, so no other worker takes it meanwhile.
         */
        public static final Duration LEASE = Duration.ofMinutes(2);

        /**
         * How long an inbound event's handled mark, and the id of a message that left the outbox, are
         * remembered: far longer than a platform delivers an event again (Messenger retries a failing
         * webhook for 8 hours, then disables it: https://developers.facebook.com/docs/messenger-platform/webhooks).
         * Events older than this are ignored, since their mark may be gone.
         */
        public static final Duration DEDUPE_WINDOW = Duration.ofDays(7);

        /** The standard schedule, lease and sending limits, and a random signing key (links die with the process). */
        public static Settings defaults(String publicBaseUrl) {
            return new Settings(new ConnectLink(publicBaseUrl), WatchSchedule.standard(), LEASE, SendLimits.standard(),
                    SigningKey.random());
        }
    }
}

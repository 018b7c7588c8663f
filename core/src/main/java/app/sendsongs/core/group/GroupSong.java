package app.sendsongs.core.group;

import app.sendsongs.core.chat.ChatPlatforms;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.chat.Outbox.Delivery;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.share.SendLimiter;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.share.SongMessage;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Reachability;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code send_song group:...}: every member but the sender gets the song with the {@code pre}
 * note, as a share of their own that is delivered and watched like any other; all the shares
 * belong to one {@link GroupSend}, which the sender's summary is about. Members who already have the song from the
 * sender while it is watched, who had as many songs from them as a day allows, or who blocked them are left out
 * (the last without saying why).
 */
public final class GroupSong {
    /** What a send to a group makes, for {@link Cause#id}: one group send per event (and a share per member). */
    private static final String GROUP_SEND = "group send";

    private final TellingNames names;
    private final GroupFinder finder;
    private final GroupStore groups;
    private final UserStore users;
    private final ShareStore shares;
    private final GroupReceivers receivers;
    private final TrackLookup tracks;
    private final SendLimiter limiter;
    private final Outbox outbox;
    private final WatchSchedule schedule;
    private final Clock clock;
    private final Reachability reach;
    private final WaitingMembers waitingMembers;

    private final GroupShareWithdrawal withdrawal;
    private final WhichGroup whichGroup;

    public GroupSong(GroupFinder finder, GroupStore groups, UserStore users, ShareStore shares,
                     GroupReceivers receivers, TrackLookup tracks, SendLimiter limiter, Outbox outbox,
                     WatchSchedule schedule, Clock clock, Reachability reach, ChatPlatforms chats,
                     GroupShareWithdrawal withdrawal, WhichGroup whichGroup, TellingNames names) {
        this.withdrawal = withdrawal;
        this.names = names;
        this.whichGroup = whichGroup;
        this.reach = reach;
        this.waitingMembers = new WaitingMembers(chats, reach);
        this.finder = finder;
        this.groups = groups;
        this.users = users;
        this.shares = shares;
        this.receivers = receivers;
        this.tracks = tracks;
        this.limiter = limiter;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * {@code send_song group:…}; when the name fits several of the sender's groups, none theirs, asks which one,
     * keeping {@code commandText} to finish it with the answer ({@link Groups#chooseGroup}).
     */
    public Message send(User sender, Command.SendToGroup command, String commandText) {
        return switch (finder.find(sender, command.group())) {
            case GroupFinder.Lookup.Missing(String reply) -> Message.text(reply);
            case GroupFinder.Lookup.Several(var named, String reply) ->
                    whichGroup.ask(sender, named, commandText, Optional.empty());
            case GroupFinder.Lookup.Found(Group group) -> Message.text(sendTo(sender, group, command.song(),
                    command.pre(), command.post()));
        };
    }

    /** Sends {@code song} to everyone in {@code group} but the sender; the reply to the sender. */
    public String sendTo(User sender, Group group, SongLink song, String pre, String post) {
        Optional<GroupSend> earlier = groups.findGroupSend(Cause.id(GROUP_SEND));
        if (earlier.isPresent()) {
            return resume(sender, earlier.get());
        }
        List<User> others = groups.membersOf(group.id()).stream()
                .filter(m -> !m.member().equals(sender.address()))
                .flatMap(m -> users.findUser(m.member()).stream()).toList();
        String groupName = finder.reference(sender, group);
        if (others.isEmpty()) {
            return "Nobody else is in " + groupName + " yet. Add people with: "
                    + CommandStyle.of(sender.address()).spell("add_to_group") + " "
                    + GroupNames.argument(groupName) + " \"<full name>\"";
        }
        List<User> unreachable = others.stream().filter(u -> !u.needsReconnect() && reach.unreachable(u)).toList();
        List<User> reachable = others.stream().filter(u -> !u.needsReconnect() && !unreachable.contains(u)).toList();
        if (reachable.isEmpty()) {
            return "Everyone else in " + groupName + " has disconnected their listening or can't get messages from "
                    + "me, so nothing was sent." + Reachability.skipped(unreachable);
        }
        SendLimiter.Allowance allowance = limiter.allowance(sender.address());
        Optional<String> overLimit = allowance.refusal();
        if (overLimit.isPresent()) {
            return overLimit.get();
        }
        List<User> disconnected = others.stream().filter(User::needsReconnect).toList();
        return switch (tracks.find(song)) {
            case TrackLookup.Result.Refused(String reply) -> reply;
            case TrackLookup.Result.Found(Track track) -> {
                GroupReceivers.MadeBefore before = receivers.madeBefore(reachable, GroupSong::shareIdFor);
                yield deliver(sender, group, groupName, before.stored(),
                        receivers.sort(sender, before.rest(), track, allowance), track, pre, post)
                        + skipped(disconnected) + Reachability.skipped(unreachable);
            }
        };
    }

    private String deliver(User sender, Group group, String groupName, List<Share> madeBefore,
                           GroupReceivers.Sorted receivers, Track track, String pre, String post) {
        List<User> all = receivers.all();
        if (all.isEmpty() && madeBefore.isEmpty()) {
            return "Nothing was sent to " + groupName + "." + receivers.leftOut();
        }
        Instant now = clock.instant();
        GroupSend send = GroupSend.of(Cause.id(GROUP_SEND), group.id(), group.name(), sender.address(), now);
        List<Share> created = new ArrayList<>(madeBefore);
        all.forEach(receiver -> created.add(receivers.receiptsAsChosen(Share.forGroupMember(shareIdFor(receiver),
                send.id(), sender.address(), receiver.address(), track, pre, post, now), receiver)));
        // Every share is stored before any is delivered, so no summary can be made from part of the send; the group
        // send last, so a run that finds it knows every share of it is stored.
        created.forEach(shares::insertShare);
        groups.insertGroupSend(send);
        return deliver(sender, send, groupName, stillMembers(group, created)) + receivers.leftOut()
                + receivers.notToldText();
    }

    /**
     * The shares of those still in the group now that every share is stored: someone who left since the members were
     * read (on another worker) took back the group's open songs before theirs existed, so theirs is taken back here.
     * Whoever leaves from now on finds it stored and takes it back themselves.
     */
    private List<Share> stillMembers(Group group, List<Share> created) {
        Set<ChatAddress> members = groups.membersOf(group.id()).stream().map(GroupMember::member)
                .collect(Collectors.toSet());
        List<Share> staying = new ArrayList<>();
        for (Share share : created) {
            if (members.contains(share.receiver())) {
                staying.add(share);
            } else {
                withdrawal.withdraw(group.id(), share.receiver());
            }
        }
        return staying;
    }

    /** The id of the share this event makes for {@code member}: the same however often the event is handled. */
    private static String shareIdFor(User member) {
        return Cause.id("share to " + member.address().key());
    }

    /**
     * An earlier run of this event stored the group send, and so every share of it, and was cut short: deliver
     * the shares (the outbox sends each song once however often it is handed over) and answer as it would have.
     */
    private String resume(User sender, GroupSend send) {
        List<Share> stored = shares.sharesOfGroupSend(send.id()).stream()
                .sorted(Comparator.comparing(share -> share.receiver().key())).toList();
        if (stored.isEmpty()) {
            return "Nobody else was in " + send.groupName() + ", so the song went to nobody.";
        }
        return deliver(sender, send, send.groupName(), stored);
    }

    private String deliver(User sender, GroupSend send, String groupName, List<Share> stored) {
        List<User> waiting = new ArrayList<>();
        List<String> retrying = new ArrayList<>();
        // The holders of the sender's name read once: each member who knows another of it is told which sent it.
        TellingNames.Holders senderNamesakes = names.holdersOf(List.of(sender));
        for (Share share : stored) {
            if (!share.status().isOpen()) {
                continue;
            }
            String heading = names.to(share.receiver(), senderNamesakes).of(sender) + " sent a song to "
                    + send.groupName();
            Delivery delivery = outbox.deliverShare(share.receiver(),
                    SongMessage.of(heading, share, sender.name(), !share.receiptsOff()), share.id(), sender.address());
            switch (delivery) {
                case SENT, SENDING, QUEUED -> { }
                case WAITING_FOR_PERSON -> users.findUser(share.receiver()).ifPresent(waiting::add);
                case RETRYING -> retrying.add(nameOf(share));
            }
        }
        boolean anyTells = stored.stream().anyMatch(share -> !share.receiptsOff());
        return confirmation(stored.getFirst().track(), groupName, stored.size(), anyTells, waiting, retrying);
    }

    private String nameOf(Share share) {
        return users.findUser(share.receiver()).map(User::name).orElse(User.SOMEONE_WHO_LEFT);
    }

    /** {@code anyTells}: whether one of them shares their plays, else there is nothing to promise to tell. */
    private String confirmation(Track track, String groupName, int receivers, boolean anyTells, List<User> waiting,
                                List<String> retrying) {
        StringBuilder text = new StringBuilder("Sent " + track.title() + " to " + groupName + " ("
                + Texts.people(receivers) + ")." + (anyTells ? " " + Texts.tellingPlays(receivers,
                schedule.watchPeriod()) : ""));
        text.append(waitingMembers.told(waiting));
        if (!retrying.isEmpty()) {
            text.append(" Their chat app didn't take it for ").append(Texts.names(retrying, WaitingMembers.NAMES_SHOWN))
                    .append(" just now; I'll keep trying.");
        }
        return text.toString();
    }

    private static String skipped(List<User> disconnected) {
        return disconnected.isEmpty() ? "" : " Not sent to " + String.join(", ", disconnected.stream().map(User::name)
                .toList()) + ": they've disconnected " + sourcesOf(disconnected) + ", so I couldn't tell when they "
                + "play it.";
    }

    /** The one source they all disconnected ("Last.fm"), or, when they used different ones, what those are. */
    private static String sourcesOf(List<User> people) {
        List<SourceKind> kinds = people.stream().map(user -> user.connection().kind()).distinct().toList();
        return kinds.size() == 1 ? kinds.getFirst().displayName() : "the services that show what they play";
    }
}

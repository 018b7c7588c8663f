package app.sendsongs.core.group;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.music.Track;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.share.SongMessage;
import app.sendsongs.core.share.TrackLookup;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import app.sendsongs.core.watch.WatchSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code send_song group:...}: every member but the sender gets the song with the {@code pre}
 * note, as a share of their own that is delivered and watched like any other; all the shares
 * belong to one {@link GroupSend}, which the sender's summary is about.
 */
public final class GroupSong {
    /** What a send to a group makes, for {@link Cause#id}: one group send per event (and a share per member). */
    private static final String GROUP_SEND = "group send";

    private final GroupFinder finder;
    private final GroupStore groups;
    private final UserStore users;
    private final ShareStore shares;
    private final TrackLookup tracks;
    private final Outbox outbox;
    private final WatchSchedule schedule;
    private final Clock clock;

    public GroupSong(GroupFinder finder, GroupStore groups, UserStore users, ShareStore shares, TrackLookup tracks,
                     Outbox outbox, WatchSchedule schedule, Clock clock) {
        this.finder = finder;
        this.groups = groups;
        this.users = users;
        this.shares = shares;
        this.tracks = tracks;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = clock;
    }

    public String send(User sender, Command.SendToGroup command) {
        Optional<GroupSend> earlier = groups.findGroupSend(Cause.id(GROUP_SEND));
        if (earlier.isPresent()) {
            return resume(sender, earlier.get());
        }
        return switch (finder.find(sender, command.group())) {
            case GroupFinder.Lookup.Missing(String reply) -> reply;
            case GroupFinder.Lookup.Found(Group group) -> sendTo(sender, group, command);
        };
    }

    private String sendTo(User sender, Group group, Command.SendToGroup command) {
        List<User> others = groups.membersOf(group.id()).stream()
                .filter(m -> !m.member().equals(sender.address()))
                .flatMap(m -> users.findUser(m.member()).stream()).toList();
        String groupName = finder.reference(sender, group);
        if (others.isEmpty()) {
            return "Nobody else is in " + groupName + " yet. Add people with: add_to_group "
                    + GroupNames.argument(groupName) + " \"<full name>\"";
        }
        List<User> reachable = others.stream().filter(u -> !u.needsReconnect()).toList();
        if (reachable.isEmpty()) {
            return "Everyone else in " + groupName + " has disconnected Spotify, so I couldn't tell when they play "
                    + "it. Nothing was sent.";
        }
        List<String> disconnected = others.stream().filter(User::needsReconnect).map(User::name).toList();
        return switch (tracks.find(command.track())) {
            case TrackLookup.Result.Refused(String reply) -> reply;
            case TrackLookup.Result.Found(Track track) ->
                    deliver(sender, group, groupName, reachable, track, command) + skipped(disconnected);
        };
    }

    private String deliver(User sender, Group group, String groupName, List<User> receivers, Track track,
                           Command.SendToGroup command) {
        Instant now = clock.instant();
        GroupSend send = GroupSend.of(Cause.id(GROUP_SEND), group.id(), group.name(), sender.address(), now);
        groups.insertGroupSend(send);
        List<Share> created = receivers.stream().map(receiver -> Share.forGroupMember(
                Cause.id("share to " + receiver.address().key()), send.id(), sender.address(), receiver.address(),
                track, command.pre(), command.post(), now)).toList();
        // Every share is stored before any is delivered, so no summary can be made from part of the send.
        created.forEach(shares::insertShare);
        return deliver(sender, send, groupName, created);
    }

    /**
     * An earlier run of this event stored the group send and was cut short: deliver the shares it
     * stored (the outbox sends each song once however often it is handed over) and answer as it would
     * have. (A member whose share it had not stored yet, a moment's work, is not sent the song.)
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
        List<String> waiting = new ArrayList<>();
        List<String> retrying = new ArrayList<>();
        String heading = sender.name() + " sent a song to " + send.groupName() + ": ";
        for (Share share : stored) {
            if (!share.status().isOpen()) {
                continue;
            }
            switch (outbox.deliverShare(share.receiver(), SongMessage.of(heading, share), share.id(), sender.address())) {
                case SENT -> { }
                case WAITING_FOR_PERSON -> waiting.add(nameOf(share));
                case RETRYING -> retrying.add(nameOf(share));
            }
        }
        return confirmation(stored.getFirst().track(), groupName, stored.size(), waiting, retrying);
    }

    private String nameOf(Share share) {
        return users.findUser(share.receiver()).map(User::name).orElse("someone who left");
    }

    private String confirmation(Track track, String groupName, int receivers, List<String> waiting,
                                List<String> retrying) {
        StringBuilder text = new StringBuilder("Sent " + track.title() + " to " + groupName + " (" + receivers
                + (receivers == 1 ? " person). " : " people). ") + "I'll tell you as each of them plays it, and sum up "
                + "when all have played it or " + Texts.duration(schedule.watchPeriod()) + " have passed.");
        if (!waiting.isEmpty()) {
            text.append(" It waits for ").append(String.join(", ", waiting)).append(" until they next write to "
                    + "me (they haven't lately); I'll start watching then.");
        }
        if (!retrying.isEmpty()) {
            text.append(" Their chat app didn't take it for ").append(String.join(", ", retrying))
                    .append(" just now; I'll keep trying.");
        }
        return text.toString();
    }

    private static String skipped(List<String> disconnected) {
        return disconnected.isEmpty() ? "" : " Not sent to " + String.join(", ", disconnected)
                + ": they've disconnected Spotify, so I couldn't tell when they play it.";
    }
}

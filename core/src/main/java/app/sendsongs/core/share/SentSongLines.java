package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.RelativeTime;
import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The line that says where each song a person sent went and what became of it, for {@link SentSongs}. */
final class SentSongLines {
    private final UserStore users;
    private final TellingNames names;
    private final GroupSendNames groupNames;
    private final Clock clock;

    SentSongLines(UserStore users, TellingNames names, GroupSendNames groupNames, Clock clock) {
        this.users = users;
        this.names = names;
        this.groupNames = groupNames;
        this.clock = clock;
    }

    /**
     * The line of each of {@code listed} ({@link #describe(Share, Optional, String)}): each receiver read once, and
     * named as the sender knows them ({@link TellingNames}, one read for the whole list).
     */
    List<String> describe(User sender, List<Share> listed) {
        return describe(sender, listed, this::describe);
    }

    List<String> describe(User sender, List<Share> listed, Line line) {
        Map<ChatAddress, Optional<User>> receivers = new HashMap<>();
        listed.forEach(share -> receivers.computeIfAbsent(share.receiver(), users::findUser));
        TellingNames.Shown shown = names.to(sender.address(), receivers.values().stream()
                .flatMap(Optional::stream).toList());
        return listed.stream().map(share -> line.of(share, receivers.get(share.receiver()),
                shown.of(receivers.get(share.receiver()), User.SOMEONE_WHO_LEFT))).toList();
    }

    /** What is said of one share, its receiver and their name as the sender is shown it. */
    interface Line {
        String of(Share share, Optional<User> receiver, String receiverName);
    }

    private String describe(Share share, Optional<User> receiver, String receiverName) {
        String head = share.track().title() + " → " + receiverName + inGroup(share) + ": ";
        if (SentSongs.keptPrivate(share)) {
            return head + "delivered " + ago(share.deliveredAt().orElseThrow()) + " (they don't share plays)";
        }
        return head + switch (share.status()) {
            case HELD -> "waiting to be delivered (sent " + ago(share.createdAt()) + ")";
            case WATCHING -> "delivered " + ago(share.deliveredAt().orElseThrow()) + ", " + watching(share)
                    + (receiver.map(User::grantState).orElse(null) == GrantState.NEEDS_RECONNECT
                    ? ", but I can't see their plays until they reconnect" : "");
            case PLAYED -> "played " + ago(share.playedAt().orElseThrow());
            case EXPIRED -> "not played in time" + (share.uncertain() ? " (as far as I could see)" : "");
            case CANCELLED -> "cancelled";
            case LEFT_GROUP -> "stopped: no longer in the group";
            case UNDELIVERED -> "never delivered";
        };
    }

    /**
     * How much longer a song is watched. Its watch period over, it is still open until its last check, a grace period
     * later (plays reach a history late): "watching for … more" would name no time left. The period runs on while the
     * friend's listening connection has ended (their plays are read once they reconnect, and the song ends as any
     * other), so that time is said then too, with why no play can be seen meanwhile.
     */
    private String watching(Share share) {
        Instant until = share.expiresAt().orElseThrow();
        return until.isAfter(clock.instant()) ? "watching " + RelativeTime.forMore(until, clock.instant())
                : "watching ended " + ago(until) + "; last check for late plays soon";
    }

    String ago(Instant at) {
        return RelativeTime.ago(at, clock.instant());
    }

    /** " (in Family)" for a song sent to a group, so a group's members read as one send. */
    private String inGroup(Share share) {
        return share.groupSendId().flatMap(groupNames::groupNameOf).map(name -> " (in " + name + ")").orElse("");
    }
}

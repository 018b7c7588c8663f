package app.sendsongs.core.group;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.share.Repeats;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops the songs sent through a group to someone who is no longer in it (they left, were
 * removed, or the group was deleted): their open shares of that group become
 * {@link ShareStatus#LEFT_GROUP}, a song still waiting to reach them is taken back, and their
 * watch no longer looks for it. Their direct songs and other groups' songs are not touched.
 */
public final class GroupShareWithdrawal {
    private final ShareStore shares;
    private final GroupStore groups;
    private final Outbox outbox;
    private final ShareSettled settled;

    public GroupShareWithdrawal(ShareStore shares, GroupStore groups, Outbox outbox, ShareSettled settled) {
        this.shares = shares;
        this.groups = groups;
        this.outbox = outbox;
        this.settled = settled;
    }

    /** Withdraws the open shares sent through {@code groupId} to {@code member}; returns them as they were. */
    public List<Share> withdraw(String groupId, ChatAddress member) {
        Map<String, Boolean> sentToGroup = new HashMap<>();
        List<Share> stopped = new ArrayList<>();
        for (Share share : shares.openSharesTo(member)) {
            boolean ofThisGroup = share.groupSendId()
                    .map(sendId -> sentToGroup.computeIfAbsent(sendId, id -> sendBelongsTo(id, groupId)))
                    .orElse(false);
            if (ofThisGroup && stop(share)) {
                stopped.add(share);
            }
        }
        return stopped;
    }

    /** The groups whose songs to {@code person} are still open: those of the group sends they came through. */
    public List<String> groupsOfOpenSongsTo(ChatAddress person) {
        return shares.openSharesTo(person).stream().flatMap(share -> share.groupSendId().stream()).distinct()
                .flatMap(sendId -> groups.findGroupSend(sendId).stream()).map(GroupSend::groupId).distinct().toList();
    }

    /**
     * How many of the {@code stopped} songs {@code sender} sent and saw being watched (their {@code pending} listed
     * them). That a song was still open tells whether it was played: those sent by others are theirs to know, and
     * those delivered to someone who keeps their plays from the sender are that person's.
     */
    public static long watchedBy(ChatAddress sender, List<Share> stopped) {
        return stopped.stream().filter(share -> share.sender().equals(sender) && !Repeats.keptPrivate(share)).count();
    }

    /**
     * How many songs {@code sender} sent through {@code groupId} its end stopped, as {@link #watchedBy} counts them:
     * those to its {@code members} sent since they joined (one stopped by an earlier leaving went to a membership
     * before), stopped now. Read from the songs rather than from what one run stopped, so an end done again after a
     * crash cut it short counts those the first run stopped too.
     */
    public long stoppedWithTheGroup(String groupId, ChatAddress sender, List<GroupMember> members) {
        Map<ChatAddress, Instant> joined = new HashMap<>();
        members.forEach(member -> joined.put(member.member(), member.joinedAt()));
        Map<String, Boolean> sentToGroup = new HashMap<>();
        return shares.sharesSentBy(sender).stream()
                .filter(share -> share.status() == ShareStatus.LEFT_GROUP && !Repeats.keptPrivate(share))
                .filter(share -> joined.containsKey(share.receiver())
                        && !share.createdAt().isBefore(joined.get(share.receiver())))
                .filter(share -> share.groupSendId()
                        .map(sendId -> sentToGroup.computeIfAbsent(sendId, id -> sendBelongsTo(id, groupId)))
                        .orElse(false))
                .count();
    }

    /**
     * The songs sent through {@code groupId} to {@code member} since they joined that were stopped since, read from the
     * songs: while they are still in the group, only their leaving or removal being handled stops them. For that
     * leaving or removal handled again after a crash cut it short, whose first run stopped some of them.
     */
    public List<Share> stoppedSinceJoining(String groupId, GroupMember member) {
        Map<String, Boolean> sentToGroup = new HashMap<>();
        return shares.sharesReceivedBy(member.member()).stream()
                .filter(share -> share.status() == ShareStatus.LEFT_GROUP
                        && !share.createdAt().isBefore(member.joinedAt()))
                .filter(share -> share.groupSendId()
                        .map(sendId -> sentToGroup.computeIfAbsent(sendId, id -> sendBelongsTo(id, groupId)))
                        .orElse(false))
                .toList();
    }

    private boolean sendBelongsTo(String groupSendId, String groupId) {
        return groups.findGroupSend(groupSendId).filter(send -> send.groupId().equals(groupId)).isPresent();
    }

    private boolean stop(Share share) {
        Share left = share.leftGroup();
        if (!shares.updateShare(left, share.status())) {
            return false;
        }
        if (share.status() == ShareStatus.HELD) {
            outbox.withdrawShare(share.receiver(), share.id());
        }
        settled.settled(left);
        return true;
    }
}

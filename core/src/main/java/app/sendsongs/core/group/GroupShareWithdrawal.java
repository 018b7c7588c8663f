package app.sendsongs.core.group;

import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareSettled;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import java.util.HashMap;
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

    /** Withdraws the open shares sent through {@code groupId} to {@code member}; returns how many. */
    public int withdraw(String groupId, ChatAddress member) {
        Map<String, Boolean> sentToGroup = new HashMap<>();
        int stopped = 0;
        for (Share share : shares.openSharesTo(member)) {
            boolean ofThisGroup = share.groupSendId()
                    .map(sendId -> sentToGroup.computeIfAbsent(sendId, id -> sendBelongsTo(id, groupId)))
                    .orElse(false);
            if (ofThisGroup && stop(share)) {
                stopped++;
            }
        }
        return stopped;
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

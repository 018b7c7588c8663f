package app.sendsongs.core.group;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One song sent to a group: every member but the sender got a share of it (each share's
 * {@code groupSendId} is this {@code id}). {@code groupName} is kept so the summary can name the
 * group even after it was deleted. {@code summarizedAt} is set, once, when the sender has been
 * told how many members played it.
 */
public record GroupSend(String id, String groupId, String groupName, ChatAddress sender, Instant sentAt,
                        Optional<Instant> summarizedAt) {

    /** A group send just made, not summarized yet. */
    public static GroupSend of(String id, String groupId, String groupName, ChatAddress sender, Instant sentAt) {
        return new GroupSend(id, groupId, groupName, sender, sentAt, Optional.empty());
    }

    public GroupSend summarized(Instant at) {
        return new GroupSend(id, groupId, groupName, sender, sentAt, Optional.of(at));
    }
}

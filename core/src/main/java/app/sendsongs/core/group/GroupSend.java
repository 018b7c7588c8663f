package app.sendsongs.core.group;

import java.time.Instant;
import java.util.Optional;

/**
 * One song sent to a group: every member but the sender got a share of it (each share's
 * {@code groupSendId} is this {@code id}). {@code groupName} is kept so the summary can name the
 * group even after it was deleted. {@code summarizedAt} is set, once, when the sender has been
 * told how many members played it.
 */
public record GroupSend(String id, String groupId, String groupName, String senderPsid, Instant sentAt,
                        Optional<Instant> summarizedAt) {
}

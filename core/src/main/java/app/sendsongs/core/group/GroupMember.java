package app.sendsongs.core.group;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/** One person's membership of one group, since {@code joinedAt}. */
public record GroupMember(String groupId, ChatAddress member, Instant joinedAt) {
}

package app.sendsongs.core.group;

import java.time.Instant;

/** One person's membership of one group, since {@code joinedAt}. */
public record GroupMember(String groupId, String memberPsid, Instant joinedAt) {
}

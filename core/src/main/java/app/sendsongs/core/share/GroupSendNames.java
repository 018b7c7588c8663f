package app.sendsongs.core.share;

import java.util.Optional;

/** The name of the group a song was sent to, by the id of that group send (see {@link Share#groupSendId()}). */
@FunctionalInterface
public interface GroupSendNames {
    Optional<String> groupNameOf(String groupSendId);
}

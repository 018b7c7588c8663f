package app.sendsongs.core.user;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: people their chat platform said cannot be reached (they blocked the bot, their account is gone), and since
 * when. A person who writes to the bot afterwards is reachable again: the mark is older than their last message. One who
 * unblocks the bot is reachable again too: the mark goes.
 */
public interface ReachStore {
    /** Records that the person could not be reached at {@code at}; a later mark replaces an earlier one. */
    void markUnreachable(ChatAddress person, Instant at);

    /** The person can be reached again (they unblocked the bot): their mark, if any, goes. */
    void markReachable(ChatAddress person);

    /** When the person was last found unreachable; empty when never. */
    Optional<Instant> unreachableSince(ChatAddress person);
}

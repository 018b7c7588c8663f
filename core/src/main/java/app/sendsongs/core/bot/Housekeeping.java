package app.sendsongs.core.bot;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/**
 * Port: the store's work across all its parts, which no single feature's port owns. A store adapter
 * implements it over the same data as its parts (see {@link app.sendsongs.core.Stores}).
 */
public interface Housekeeping {

    /**
     * Deletes everything about one person: their user, the shares they sent or received, their
     * watch, the messages held for them, their open question, their unfinished share, their choices about
     * senders (blocks, receipts), the groups they own (with all their memberships), their memberships of other
     * groups, and the group sends they made, the invites they sent and what became of those they sent or used.
     * Nothing of anybody else changes (someone else's choice about them,
     * such as a block, stays theirs); forgetting someone unknown changes nothing. If it is interrupted, calling it
     * again finishes it.
     */
    void forgetPerson(ChatAddress person);

    /**
     * Deletes what can no longer matter, so the store does not grow forever: OAuth states,
     * registration codes, open questions and unfinished shares that expired before {@code cutoff}, what became of
     * invites that ended ({@code EndedInvite}) kept until before it, and the
     * handled marks of inbound events and the remembered ids of messages that left the outbox whose
     * {@code keepUntil} is before it. Whatever expires (or is kept until) at or after {@code cutoff} stays.
     */
    void purgeBefore(Instant cutoff);
}

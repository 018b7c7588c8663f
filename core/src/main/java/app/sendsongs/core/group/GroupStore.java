package app.sendsongs.core.group;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: groups, their members, and the songs sent to them. Owners are members of their own groups
 * (the store records that when a group is created). Group names are unique per owner, compared by
 * {@link Group#nameKey()}. Orders are fixed so listings read the same every time.
 */
public interface GroupStore {
    /**
     * Creates the group and makes its owner its first member (joined at {@code createdAt}).
     * Refused (false), storing nothing, when the owner already has a group whose name has the same
     * {@link Group#nameKey() key}; of two concurrent creations of one name, one wins.
     */
    boolean createGroup(Group group);

    Optional<Group> findGroup(String groupId);

    /** The groups a person is a member of (including those they own), oldest first, ties by id. */
    List<Group> groupsOf(ChatAddress member);

    /**
     * Adds a member. Refused (false), changing nothing, when they are already a member (their
     * {@code joinedAt} stays the first one) or the group does not exist.
     */
    boolean addMember(GroupMember member);

    /** Removes a member; false when they were not one. */
    boolean removeMember(String groupId, ChatAddress member);

    /** The members of a group, earliest joined first (ties by
     * {@link ChatAddress#key()}); empty for an unknown group. */
    List<GroupMember> membersOf(String groupId);

    /**
     * Deletes the group and every membership of it. The group sends made to it stay: their
     * summaries may still be due. Deleting an unknown group does nothing.
     */
    void deleteGroup(String groupId);

    /**
     * Stores a new group send; true if it did. One with the same id already stored is kept as it is
     * (false): ids derived from a cause are inserted again when the cause is handled again.
     */
    boolean insertGroupSend(GroupSend send);

    Optional<GroupSend> findGroupSend(String id);

    /**
     * Files the group send under another group id (a group chat that goes on at a new address), keeping everything
     * else; false, changing nothing, for an unknown id.
     */
    boolean moveGroupSend(String id, String groupId);

    /**
     * Marks the group send as summarized at {@code at}: true for the first call only, false ever
     * after and for an unknown id. This single-use mark is what makes the sender's summary go out
     * exactly once when several workers settle its last shares at the same time.
     */
    boolean markGroupSendSummarized(String id, Instant at);
}

package app.sendsongs.core.group;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.user.User;

/** Answers the group commands (see {@link Command.GroupCommand}) of a registered person. */
public final class Groups {
    private final GroupLifecycle lifecycle;
    private final GroupMembership membership;
    private final GroupListing listing;
    private final GroupSong song;

    public Groups(GroupLifecycle lifecycle, GroupMembership membership, GroupListing listing, GroupSong song) {
        this.lifecycle = lifecycle;
        this.membership = membership;
        this.listing = listing;
        this.song = song;
    }

    /** {@code commandText} is kept to finish the command if the bot must ask which person was meant. */
    public String handle(User user, Command.GroupCommand command, String commandText) {
        return switch (command) {
            case Command.CreateGroup create -> lifecycle.create(user, create.name());
            case Command.AddToGroup add -> membership.add(user, add.group(), add.personName(), commandText);
            case Command.RemoveFromGroup remove ->
                    membership.remove(user, remove.group(), remove.personName(), commandText);
            case Command.LeaveGroup leave -> membership.leave(user, leave.group());
            case Command.DeleteGroup delete -> lifecycle.delete(user, delete.group());
            case Command.ListGroups list -> listing.groups(user);
            case Command.ListMembers members -> listing.members(user, members.group());
            case Command.SendToGroup send -> song.send(user, send);
        };
    }

    /** The answer to "which one?" asked while adding or removing someone. */
    public String choose(User user, PendingChoice choice, Command.GroupCommand command, int number) {
        return membership.choose(user, choice, command, number);
    }

    /** Before a person is forgotten: the groups they made are deleted and they leave the others. */
    public void forget(User user) {
        lifecycle.forget(user);
    }
}

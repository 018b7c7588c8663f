package app.sendsongs.core.command;

import app.sendsongs.core.music.TrackId;
import java.util.Optional;

/** A command a person typed, understood. */
public sealed interface Command {
    record Register(String code, Optional<String> name) implements Command {
    }

    /** {@code pre} and {@code post} are empty strings when not given. */
    record SendSong(String friendName, TrackId track, String pre, String post) implements Command {
    }

    record Help(Optional<String> topic) implements Command {
    }

    record Pending() implements Command {
    }

    record History() implements Command {
    }

    /** {@code which}: empty for "the only one", a position in the pending list, or "all". */
    record Cancel(Optional<String> which) implements Command {
    }

    record ForgetMe() implements Command {
    }

    /** {@code connect [source]}: connect or change the listening source; {@code source} as typed, if given. */
    record Connect(Optional<String> source) implements Command {
    }

    /** {@code name "<new name>"}: change the name friends find the person by. */
    record Rename(String name) implements Command {
    }

    /** A bare number: the answer to a question the bot asked. */
    record Choose(int number) implements Command {
    }

    /** The commands about groups. {@code group} is how the person named it, perhaps "Family (Bob Fisher's)". */
    sealed interface GroupCommand extends Command {
    }

    record CreateGroup(String name) implements GroupCommand {
    }

    record AddToGroup(String group, String personName) implements GroupCommand {
    }

    record RemoveFromGroup(String group, String personName) implements GroupCommand {
    }

    record LeaveGroup(String group) implements GroupCommand {
    }

    record DeleteGroup(String group) implements GroupCommand {
    }

    record ListGroups() implements GroupCommand {
    }

    record ListMembers(String group) implements GroupCommand {
    }

    /** {@code send_song group:...}; {@code pre} and {@code post} are empty strings when not given. */
    record SendToGroup(String group, TrackId track, String pre, String post) implements GroupCommand {
    }
}

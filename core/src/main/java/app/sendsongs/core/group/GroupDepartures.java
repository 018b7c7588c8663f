package app.sendsongs.core.group;

import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.share.FriendFinder;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Someone stops being in a group: they leave it ({@code leave_group}) or its owner removes them
 * ({@code remove_from_group}). The songs sent to them through it stop being watched, and the membership goes before
 * anyone is told: the other side's notice and the answer are held only once it went, so nothing sent to the group
 * once they are read reaches the person. What each step needs when the event is handled again after a crash cut it
 * short is marked before the step ({@link HandlingMarks}): the group (and, for a removal, the person) its first run
 * chose, and the count its answer gives, so the run handled again finishes with them and answers as the first would
 * have, once.
 */
final class GroupDepartures {
    /**
     * What a leaving or a removal marks before it stops the songs sent through the group ({@link HandlingMarks}), with
     * the group's id: run again after a crash, the songs its first run stopped are no longer open, and are counted too.
     */
    private static final String WITHDREW = "stopped the songs of group ";
    /**
     * What a leaving or a removal keeps ({@link HandlingMarks#keep}) once it stopped the songs, before the membership
     * goes, with the group's id: how many of them its answer tells of, which are no longer read from the songs once
     * the membership (and the time it began) is gone.
     */
    private static final String STOPPED = "counted the stopped songs of group ";
    /**
     * What a {@code leave_group} keeps before it stops anything: the id of the group it leaves. Handled again after a
     * crash, once the membership went or the member's groups changed (they joined another of that name), it finishes
     * with that group, not one the name means now.
     */
    private static final String LEFT = "leave_group left the group";
    /** What a leaving marks, with the group's id, when its answer names the group with its owner's name. */
    private static final String LEFT_NAMED_WITH_OWNER = "leave_group named it with its owner's name, group ";
    /** What a removal marks before it stops anything: that it removes someone, with whom below. */
    private static final String REMOVED_SOMEONE = "remove_from_group removed someone";
    /**
     * What a removal marks, with the group's id, then with the group's id and the person's address key (an id derived
     * from them, as the outbox's ids of end notices are): handled again after a crash, once the person is out of the
     * group, it finds whom it removed among the people the name typed can mean.
     */
    private static final String REMOVED = "remove_from_group removed from group ";

    private final GroupStore groups;
    private final UserStore users;
    private final GroupFinder finder;
    private final GroupShareWithdrawal withdrawal;
    private final FriendFinder friends;
    private final Outbox outbox;
    private final HandlingMarks marks;

    GroupDepartures(GroupStore groups, UserStore users, GroupFinder finder, GroupShareWithdrawal withdrawal,
                    FriendFinder friends, Outbox outbox, HandlingMarks marks) {
        this.groups = groups;
        this.users = users;
        this.finder = finder;
        this.withdrawal = withdrawal;
        this.friends = friends;
        this.outbox = outbox;
        this.marks = marks;
    }

    /**
     * {@code leave_group} handled again after a crash cut a run of it short once that run chose its group: finished
     * with that group, whatever the member's groups are now, and answered as that run would have.
     */
    Optional<String> leftBefore(User member) {
        return marks.kept(LEFT).map(groupId -> groups.findGroup(groupId).map(group -> leaving(member, group))
                .orElse("That group no longer exists."));
    }

    /** {@code leave_group}: the member leaves {@code group}, unless they made it. */
    String leave(User member, Group group) {
        Optional<String> before = leftBefore(member);
        if (before.isPresent()) {
            return before.get();
        }
        String name = finder.reference(member, group);
        if (group.ownedBy(member.address())) {
            return "You made " + name + ", so you can't leave it. To end it for everyone, send: "
                    + CommandStyle.of(member.address()).spell("delete_group") + " " + name;
        }
        if (membership(group, member.address()).isEmpty()) {
            return "You're not in " + name + " any more.";
        }
        if (!name.equals(group.name())) {
            marks.mark(LEFT_NAMED_WITH_OWNER + group.id(), member.lastMessageAt());
        }
        marks.keep(LEFT, group.id(), member.lastMessageAt());
        return leaving(member, group);
    }

    /**
     * The member leaves {@code group}, the one the event chose; each step finds what a run of it cut short did. The
     * songs are stopped and counted first; only once the membership went is the owner told and the member answered,
     * so that nothing sent to the group once they read it comes to them.
     */
    private String leaving(User member, Group group) {
        String name = marks.marked(LEFT_NAMED_WITH_OWNER + group.id()) ? finder.withOwner(group) : group.name();
        Optional<Long> stopped = stoppedOnce(group, member.address(), member, songs -> (long) songs.size());
        if (stopped.isEmpty()) {
            return "You're not in " + name + " any more."; // the owner removed them meanwhile
        }
        groups.removeMember(group.id(), member.address());
        outbox.notify(group.owner(), Message.text(member.name() + " left your group " + group.name() + "."),
                List.of(member.address()));
        return left(name, stopped.get());
    }

    private static String left(String name, long stopped) {
        String reply = "You've left " + name + ". Songs sent to it won't come to you any more.";
        if (stopped == 0) {
            return reply;
        }
        return reply + (stopped == 1 ? " I've stopped watching the song from it you hadn't played yet."
                : " I've stopped watching the " + stopped + " songs from it you hadn't played yet.");
    }

    /** {@code remove_from_group}: the owner removes {@code person}, found in {@code group} by the name typed. */
    String remove(User owner, Group group, User person) {
        if (membership(group, person.address()).isEmpty()) {
            return person.name() + " isn't in " + group.name() + ".";
        }
        marks.mark(REMOVED_SOMEONE, owner.lastMessageAt());
        marks.mark(REMOVED + group.id(), owner.lastMessageAt());
        marks.mark(REMOVED + group.id() + " " + person.address().key(), owner.lastMessageAt());
        return removing(owner, group, person);
    }

    /**
     * {@code remove_from_group} handled again after a crash cut a run of it short once it chose whom to remove: that
     * person, looked for among those the name typed can mean (the owner's groups' members, the people
     * {@link FriendFinder#find} finds by it), out of that group, answered as that run would have.
     */
    Optional<String> removedBefore(User owner, String personName) {
        if (!marks.marked(REMOVED_SOMEONE)) {
            return Optional.empty();
        }
        for (Group group : groups.groupsOf(owner.address())) {
            if (!group.ownedBy(owner.address()) || !marks.marked(REMOVED + group.id())) {
                continue;
            }
            Optional<User> removed = mayBeMeant(owner, group, personName).stream()
                    .filter(person -> marks.marked(REMOVED + group.id() + " " + person.address().key())).findFirst();
            if (removed.isPresent()) {
                return Optional.of(removing(owner, group, removed.get()));
            }
            // Out of the group, and not found by the name typed: a first name of someone the owner no longer has
            // songs or a group in common with. Named as typed; told only if that run got so far.
            Optional<Long> stopped = marks.kept(STOPPED + group.id()).map(Long::parseLong);
            if (stopped.isPresent()) {
                return Optional.of(removed(group, personName, stopped.get()));
            }
        }
        return Optional.empty();
    }

    /** Who {@code personName} may mean for the owner of {@code group}: its members of that name, and whom it finds. */
    private List<User> mayBeMeant(User owner, Group group, String personName) {
        List<User> people = new ArrayList<>(groups.membersOf(group.id()).stream()
                .flatMap(member -> users.findUser(member.member()).stream())
                .filter(friends.naming(owner, personName)).toList());
        switch (friends.find(owner, personName)) {
            case FriendFinder.Lookup.Found(User person) -> people.add(person);
            case FriendFinder.Lookup.Several(var candidates) -> people.addAll(candidates);
            default -> {
            }
        }
        return people;
    }

    /**
     * The owner removes {@code person} from {@code group}, as the event chose; each step finds what a run of it cut
     * short did. The songs are stopped and counted first; only once the membership went is the person told and the
     * owner answered, so that nothing sent to the group once the person reads it comes to them.
     */
    private String removing(User owner, Group group, User person) {
        Optional<Long> stopped = stoppedOnce(group, person.address(), owner,
                songs -> GroupShareWithdrawal.watchedBy(owner.address(), songs));
        if (stopped.isEmpty()) {
            return person.name() + " isn't in " + group.name() + "."; // they left meanwhile
        }
        groups.removeMember(group.id(), person.address());
        outbox.notify(person.address(), Message.text(owner.name() + " removed you from the group " + group.name()
                + ". Songs sent to it won't come to you any more."), List.of(owner.address()));
        return removed(group, person.name(), stopped.get());
    }

    private static String removed(Group group, String personName, long stopped) {
        String reply = "Removed " + personName + " from " + group.name() + ".";
        if (stopped == 0) {
            return reply;
        }
        return reply + (stopped == 1 ? " I've stopped watching the song you sent them through it."
                : " I've stopped watching the " + stopped + " songs you sent them through it.");
    }

    private Optional<GroupMember> membership(Group group, ChatAddress person) {
        return groups.membersOf(group.id()).stream().filter(m -> m.member().equals(person)).findFirst();
    }

    /**
     * How many of the songs sent through {@code group} to {@code person}, leaving or being removed by the event {@code
     * actor} sent, its answer tells of ({@code counted} from those stopped): kept by a run of it before, or stopped now
     * and kept before the membership goes. Empty when they are no longer in the group and no run of it kept a count.
     */
    private Optional<Long> stoppedOnce(Group group, ChatAddress person, User actor,
                                       Function<List<Share>, Long> counted) {
        Optional<Long> kept = marks.kept(STOPPED + group.id()).map(Long::parseLong);
        if (kept.isPresent()) {
            return kept;
        }
        return membership(group, person).map(member -> {
            long stopped = counted.apply(withdrawOnce(group, member, actor.lastMessageAt()));
            marks.keep(STOPPED + group.id(), Long.toString(stopped), actor.lastMessageAt());
            return stopped;
        });
    }

    /**
     * Stops the songs sent through {@code group} to {@code member}, who is leaving or being removed by the event being
     * handled (sent at {@code sentAt}), and returns them as they were; handled again after a crash cut a run of it
     * short, also those that run stopped, so the answer counts what the first run would have. Only then are the
     * member's songs read again.
     */
    private List<Share> withdrawOnce(Group group, GroupMember member, Instant sentAt) {
        boolean cutShortBefore = marks.marked(WITHDREW + group.id());
        marks.mark(WITHDREW + group.id(), sentAt);
        List<Share> stopped = withdrawal.withdraw(group.id(), member.member());
        return cutShortBefore ? withdrawal.stoppedSinceJoining(group.id(), member) : stopped;
    }
}

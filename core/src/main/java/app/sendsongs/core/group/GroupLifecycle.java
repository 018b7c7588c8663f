package app.sendsongs.core.group;

import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.command.Help;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.ShownPendingList;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.shared.Cause;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Making and ending groups. The person who makes a group owns it and is its first member; only
 * they can delete it. Ending a group tells its members and stops the songs sent through it.
 */
public final class GroupLifecycle {
    /** What {@code create_group} makes, for {@link Cause#id}: one group per event. */
    private static final String GROUP = "group";
    /**
     * What the Yes of {@code delete_group} keeps ({@link HandlingMarks#keep}), with the group's id, once its members are
     * told and the songs stopped, before they go: the counts its answer gives, which can no longer be read once the
     * members are gone.
     */
    private static final String TOLD = "delete_group told the members of group ";
    private static final String OWNERS_SONGS_STOPPED = "delete_group stopped the owner's songs through group ";

    /** What {@code forget_me} marks, with the group's id, before the person leaves a group someone else made. */
    private static final String LEFT_WHEN_FORGOTTEN = "forget_me left group ";
    private final GroupStore groups;
    private final GroupFinder finder;
    private final GroupShareWithdrawal withdrawal;
    private final Outbox outbox;
    private final GroupLimits limits;
    private final ChoiceStore choices;
    private final HandlingMarks marks;
    private final Clock clock;

    public GroupLifecycle(GroupStore groups, GroupFinder finder, GroupShareWithdrawal withdrawal, Outbox outbox,
                          GroupLimits limits, ChoiceStore choices, HandlingMarks marks, Clock clock) {
        this.groups = groups;
        this.marks = marks;
        this.choices = choices;
        this.finder = finder;
        this.withdrawal = withdrawal;
        this.outbox = outbox;
        this.limits = limits;
        this.clock = clock;
    }

    public String create(User owner, String name) {
        Optional<Group> earlier = groups.findGroup(Cause.id(GROUP));
        if (earlier.isPresent()) {
            return created(owner, earlier.get().name()); // a run of this event that was cut short made it
        }
        Optional<String> problem = GroupNames.problem(name);
        if (problem.isPresent()) {
            return problem.get() + "\n" + Help.usage("create_group", CommandStyle.of(owner.address()));
        }
        String tidy = Names.tidy(name);
        List<Group> theirs = groups.groupsOf(owner.address());
        List<Group> owned = theirs.stream().filter(g -> g.ownedBy(owner.address())).toList();
        if (owned.stream().anyMatch(g -> g.nameKey().equals(Names.key(tidy)))) {
            return alreadyHave(tidy);
        }
        if (owned.size() >= limits.groupsOwned()) {
            return "You already have " + owned.size() + " groups, the most one person can make. Delete one first "
                    + "with: " + CommandStyle.of(owner.address()).spell("delete_group") + " <group>";
        }
        if (theirs.size() >= limits.groupsJoined()) {
            return "You're in " + theirs.size() + " groups, the most one person can be in. Leave one first with: "
                    + CommandStyle.of(owner.address()).spell("leave_group") + " <group>";
        }
        if (!groups.createGroup(new Group(Cause.id(GROUP), owner.address(), tidy, clock.instant()))) {
            return alreadyHave(tidy);
        }
        return created(owner, tidy);
    }

    /** Whether the person made a group of this name already (compared as {@link #create} compares). */
    boolean madeOneCalled(User owner, String name) {
        String key = Names.key(Names.tidy(name));
        return groups.groupsOf(owner.address()).stream()
                .anyMatch(group -> group.ownedBy(owner.address()) && group.nameKey().equals(key));
    }

    /** The group the event being handled made ({@link #create}), if it made one. */
    Optional<Group> madeNow() {
        return groups.findGroup(Cause.id(GROUP));
    }

    private static String created(User owner, String tidy) {
        CommandStyle style = CommandStyle.of(owner.address());
        return "Created the group " + tidy + ". Add people who have registered with me: " + style.spell("add_to_group")
                + " " + GroupNames.argument(tidy) + " \"<full name>\" (or in words: add <full name> to " + tidy
                + ")\nThen share a song with all of them: paste its link and tap 👥 " + tidy + " (or "
                + style.spell("send_song") + " group:\"" + tidy + "\" <Spotify link>)";
    }

    /**
     * {@code delete_group <group>}: asks first, as its members are told and the songs sent through it stop. The
     * question is kept as the person's open question ({@link DeleteQuestion}), so that a no typed at it is its No tap.
     */
    public Message askToDelete(User owner, String groupReference) {
        return switch (finder.findOwn(owner, groupReference, "delete it")) {
            case GroupFinder.Lookup.Missing(String reply) -> Message.text(reply);
            case GroupFinder.Lookup.Several(var named, String reply) -> Message.text(reply);
            case GroupFinder.Lookup.Found(Group group) -> deleteQuestion(owner, group);
        };
    }

    private Message deleteQuestion(User owner, Group group) {
        choices.saveChoice(DeleteQuestion.of(owner.address(), group,
                clock.instant().plus(WhichPerson.CHOICE_LIFETIME)));
        long others = groups.membersOf(group.id()).stream().filter(m -> !group.ownedBy(m.member())).count();
        String told = switch ((int) Math.min(others, 2)) {
            case 0 -> "Nobody else is in it.";
            case 1 -> "Its other member is told, and the songs sent through it that haven't been played stop being "
                    + "watched.";
            default -> "Its " + others + " other members are told, and the songs sent through it that haven't been "
                    + "played stop being watched.";
        };
        return Message.text("Delete the group " + group.name() + "? " + told).withChoices(List.of(
                DeleteQuestion.yes(group), DeleteQuestion.NO));
    }

    /**
     * The Yes tap of {@link #askToDelete}: the group, if it still exists and is the person's own, while the question
     * about it is open. A Yes under a question answered no, replaced by another or asked too long ago (Telegram keeps
     * the buttons of older messages) asks again: the deletion tells the members and cannot be undone.
     */
    public Message delete(User owner, String groupId) {
        Optional<PendingChoice> question = choices.openChoice(owner.address())
                .filter(open -> DeleteQuestion.about(open, groupId));
        Optional<Group> group = groups.findGroup(groupId).filter(found -> found.ownedBy(owner.address()));
        if (group.isEmpty()) {
            // Left open by a yes whose run a crash cut short once the group was gone, if this is that yes again.
            question.ifPresent(left -> ShownPendingList.take(choices, left));
            return Message.text("That group no longer exists.");
        }
        if (question.filter(open -> answeredInTime(owner, open)).isEmpty()) {
            return deleteQuestion(owner, group.get());
        }
        String reply = delete(owner, group.get());
        // Taken last: a run cut short before finds the question open, handled again, and finishes the deletion.
        ShownPendingList.take(choices, question.get());
        return Message.text(reply);
    }

    /**
     * Whether the person answered while {@code question} was open: judged by the time of the answer (the event's own,
     * on the user the bot hands over), so that the yes handled again after a crash, minutes later, is judged as it was
     * the first time.
     */
    private static boolean answeredInTime(User owner, PendingChoice question) {
        return question.expiresAt().isAfter(owner.lastMessageAt());
    }

    /**
     * Ends {@code group}: its members told and the songs stopped, the counts kept, the other members out of it; only then
     * is the owner answered, so nobody else sends through it or gets what is sent once they read it is deleted. The
     * answer is held before the group itself goes: the yes handled again after a crash once it went finds no group,
     * and its "That group no longer exists.", the answer of the same event, is not held a second time. A mark could
     * keep the group's id for that run, but not the group's name, which the answer gives: marks keep no name.
     */
    private String delete(User owner, Group group) {
        Ended ended = endedBefore(group).orElseGet(() -> end(owner, group));
        groups.membersOf(group.id()).stream().filter(member -> !group.ownedBy(member.member()))
                .forEach(member -> groups.removeMember(group.id(), member.member()));
        String reply = deleted(group, ended);
        outbox.reply(owner.address(), Message.text(reply));
        groups.deleteGroup(group.id());
        return reply;
    }

    /** Tells the members and stops the songs, then keeps the counts for a run handled again ({@link #endedBefore}). */
    private Ended end(User owner, Group group) {
        Ended ended = stopAndTell(group, owner.name() + " deleted the group " + group.name() + ".",
                List.of(owner.address()));
        marks.keep(OWNERS_SONGS_STOPPED + group.id(), Long.toString(ended.ownersSongsStopped()), owner.lastMessageAt());
        marks.keep(TOLD + group.id(), Integer.toString(ended.othersTold()), owner.lastMessageAt());
        return ended;
    }

    /** What a run of the yes being handled, cut short once it kept the counts, ended. */
    private Optional<Ended> endedBefore(Group group) {
        return marks.kept(TOLD + group.id()).flatMap(told -> marks.kept(OWNERS_SONGS_STOPPED + group.id())
                .map(stopped -> new Ended(Integer.parseInt(told), Long.parseLong(stopped))));
    }

    private static String deleted(Group group, Ended ended) {
        String reply = "Deleted the group " + group.name() + switch (ended.othersTold()) {
            case 0 -> ".";
            case 1 -> " and told its other member.";
            default -> " and told its " + ended.othersTold() + " other members.";
        };
        long stopped = ended.ownersSongsStopped();
        if (stopped == 0) {
            return reply;
        }
        return reply + " I've stopped watching " + (stopped == 1 ? "your song" : "your " + stopped + " songs")
                + " sent through it that had not been played yet.";
    }

    /**
     * The person is being forgotten: the groups they made end (their members are told, without
     * the person's name) and they leave the others, so the songs sent through those groups stop
     * being watched before their records go; the owner of each of those is told, as of a member who leaves it, without
     * the person's name.
     */
    public void forget(User person) {
        for (Group group : groups.groupsOf(person.address())) {
            if (group.ownedBy(person.address())) {
                stopAndTell(group, "The group " + group.name() + " no longer exists: the person who made it has left "
                        + "Send Songs.", List.of());
                groups.deleteGroup(group.id());
            } else {
                // Told before the membership goes, under an id of the group: cut short after it, forget_me done again
                // still finds the membership, and tells the owner once.
                outbox.notifyOnce(Cause.id("forgotten member of group " + group.id()), group.owner(),
                        Message.text("Someone who left Send Songs is no longer in your group " + group.name() + "."),
                        List.of());
                // Marked before the membership goes: cut short before its songs stopped, forget_me done again no
                // longer finds the group among theirs, but finds it by the mark from the songs still open.
                marks.mark(LEFT_WHEN_FORGOTTEN + group.id(), person.lastMessageAt());
                groups.removeMember(group.id(), person.address());
                withdrawal.withdraw(group.id(), person.address());
            }
        }
        withdrawal.groupsOfOpenSongsTo(person.address()).stream()
                .filter(groupId -> marks.marked(LEFT_WHEN_FORGOTTEN + groupId))
                .forEach(groupId -> withdrawal.withdraw(groupId, person.address()));
    }

    /** What ending a group did: the members told, and the owner's songs it stopped, those a run cut short did too. */
    private record Ended(int othersTold, long ownersSongsStopped) {
    }

    /**
     * Stops every member's songs from the group and tells the members other than the owner ({@code notice},
     * naming the people {@code about}), before the group is deleted: cut short, the command finds the group
     * again and finishes (songs already stopped and notices already held are not done twice).
     */
    private Ended stopAndTell(Group group, String notice, List<ChatAddress> about) {
        List<GroupMember> members = groups.membersOf(group.id());
        int told = 0;
        for (GroupMember member : members) {
            withdrawal.withdraw(group.id(), member.member());
            if (!group.ownedBy(member.member())) {
                // Named by the group, not numbered: forget_me ends several, and run again after a crash it no
                // longer finds those it ended, so numbering would give a later group's notices the earlier's ids.
                outbox.notifyOnce(Cause.id("end of group " + group.id() + " to " + member.member().key()),
                        member.member(), Message.text(notice), about);
                told++;
            }
        }
        return new Ended(told, withdrawal.stoppedWithTheGroup(group.id(), group.owner(), members));
    }

    private static String alreadyHave(String name) {
        return "You already have a group called " + name + ". See your groups with: groups";
    }
}

package app.sendsongs.core.group;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.ShownPendingList;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Answers the group commands (see {@link Command.GroupCommand}) of a registered person. */
public final class Groups {
    private static final Set<String> FINISHED_BY_A_GROUP = Set.of(GroupListing.LEAVE, "members");

    private final GroupLifecycle lifecycle;
    private final GroupMembership membership;
    private final GroupListing listing;
    private final GroupSong song;
    private final WhichGroup whichGroup;
    private final GroupAddTaps addTaps;
    private final GroupFinder finder;
    private final ChoiceStore choices;
    private final Clock clock;

    public Groups(GroupLifecycle lifecycle, GroupMembership membership, GroupListing listing, GroupSong song,
                  WhichGroup whichGroup, GroupFinder finder, ChoiceStore choices, Clock clock) {
        this.addTaps = membership.addTaps();
        this.finder = finder;
        this.choices = choices;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.membership = membership;
        this.listing = listing;
        this.song = song;
        this.whichGroup = whichGroup;
    }

    /** {@code commandText} is kept to finish the command if the bot must ask which person, or group, was meant. */
    public Message handle(User user, Command.GroupCommand command, String commandText) {
        return switch (command) {
            case Command.CreateGroup create -> create(user, create.name());
            case Command.NameNewGroup name -> askName(user, "");
            case Command.AddToGroup add -> membership.add(user, add.group(), add.personName(), commandText);
            case Command.RemoveFromGroup remove ->
                    membership.remove(user, remove.group(), remove.personName(), commandText);
            case Command.LeaveGroup leave -> membership.leftBefore(user).map(Message::text).orElseGet(() ->
                    withGroup(user, leave.group(), commandText, group -> membership.leave(user, group)));
            case Command.DeleteGroup delete -> lifecycle.askToDelete(user, delete.group());
            case Command.ConfirmDeleteGroup delete -> lifecycle.delete(user, delete.groupId());
            case Command.ListGroups list -> listing.groups(user);
            case Command.ListMembers members -> withGroupMessage(user, members.group(), commandText,
                    group -> membersOf(user, group));
            case Command.SendToGroup send -> song.send(user, send, commandText);
        };
    }

    /**
     * Runs {@code command} on the group of the person's {@code reference} names; when it names several, none theirs,
     * asks which one, keeping {@code commandText} to finish it with the answer ({@link #chooseGroup}).
     */
    private Message withGroup(User user, String reference, String commandText, Function<Group, String> command) {
        return withGroupMessage(user, reference, commandText, group -> Message.text(command.apply(group)));
    }

    private Message withGroupMessage(User user, String reference, String commandText,
                                     Function<Group, Message> command) {
        return switch (listing.lookup(user, reference)) {
            case GroupFinder.Lookup.Found(Group group) -> command.apply(group);
            case GroupFinder.Lookup.Missing(String reply) -> Message.text(reply);
            case GroupFinder.Lookup.Several(var named, String reply) ->
                    whichGroup.ask(user, named, commandText, Optional.empty());
        };
    }

    /**
     * {@code create_group}: the group made, with taps that add the owner's latest contacts to it; the open "What should
     * the group be called?" ends once a group is made.
     */
    private Message create(User owner, String name) {
        String reply = lifecycle.create(owner, name);
        Optional<Group> made = lifecycle.madeNow();
        if (made.isEmpty()) {
            return Message.text(reply);
        }
        choices.openChoice(owner.address()).filter(GroupNameQuestion::asks)
                .ifPresent(question -> ShownPendingList.take(choices, question));
        List<Choice> taps = addTaps.forGroup(owner, made.get());
        return taps.isEmpty() ? Message.text(reply)
                : Message.text(reply + "\nOr tap someone you've shared songs with to add them:").withChoices(taps);
    }

    /**
     * "What should the group be called?", kept as the person's open question ({@link GroupNameQuestion}) so that the
     * words typed next name the group ({@link #nameGiven}).
     */
    private Message askName(User person, String lead) {
        choices.saveChoice(GroupNameQuestion.of(person.address(), clock.instant().plus(WhichPerson.CHOICE_LIFETIME)));
        return GroupNameQuestion.asked(lead);
    }

    /**
     * {@code typed}, words that name no command, answers the open "What should the group be called?": the group is made
     * with that name. A name groups cannot have, or one of the person's groups has, is said, and the question asked
     * again. The question ends once the group is made, before the answer goes out: the answer handled again after a
     * crash ({@link #namedBefore}) finds the group its first run made and says so again.
     */
    public Message nameGiven(User owner, String typed) {
        if (lifecycle.madeNow().isEmpty()) {
            Optional<String> problem = GroupNames.problem(typed);
            if (problem.isPresent()) {
                return askName(owner, problem.get() + "\n");
            }
            if (lifecycle.madeOneCalled(owner, typed)) {
                return askName(owner, "You already have a group called " + Names.tidy(typed) + ".\n");
            }
        }
        Message reply = create(owner, typed);
        // not made for another reason (the most groups one can make): the question is answered all the same
        choices.openChoice(owner.address()).filter(GroupNameQuestion::asks)
                .ifPresent(open -> ShownPendingList.take(choices, open));
        return reply;
    }

    /**
     * Whether the event being handled made a group already: the name typed at "What should the group be called?",
     * handled again after a crash cut its run short once the question had ended.
     */
    public boolean namedBefore() {
        return lifecycle.madeNow().isPresent();
    }

    /** The open "What should the group be called?" asked again after {@code lead}, a line. */
    public Message askNameAgain(String lead) {
        return GroupNameQuestion.asked(lead);
    }

    /** {@code members}: who is in the group; its owner can tap to add people, anyone else to leave it. */
    private Message membersOf(User person, Group group) {
        Message list = Message.text(listing.members(person, group));
        if (group.ownedBy(person.address())) {
            return list.withChoices(addTaps.forGroup(person, group));
        }
        String leave = GroupListing.LEAVE + " " + finder.reference(person, group);
        return Payload.fits(leave) ? list.withChoices(List.of(new Choice("Leave " + group.name(), leave))) : list;
    }

    /** Whether the person is in the group {@code groupId} still (it may have been deleted, or they left it). */
    public boolean isIn(User person, String groupId) {
        return listing.find(person, groupId).isPresent();
    }

    /** Sends {@code song} to a group the person is in (a share finished step by step); the reply. */
    public String sendTo(User sender, String groupId, SongLink songLink, String pre, String post) {
        return listing.find(sender, groupId).map(group -> song.sendTo(sender, group, songLink, pre, post))
                .orElse("You're no longer in that group.");
    }

    /** The group a person means by a name they typed, among the groups they are in. */
    public GroupFinder.Lookup findGroup(User person, String reference) {
        return listing.lookup(person, reference);
    }

    /** Whether {@code name} is the name of a group the person is in (of one or more: see {@link #findGroup}). */
    public boolean namesAGroup(User person, String name) {
        return listing.namesAGroup(person, name);
    }

    /** The groups a person is in, most recent first, with the name they know each by. */
    public List<GroupChoice> groupsOf(User person) {
        return listing.choices(person);
    }

    /**
     * Taps that finish {@code command} typed without its group, when it is {@code leave_group} or {@code members}: a
     * tap on "/leave_group" in a Telegram message sends just that. One per group it can name, at most {@code most}.
     */
    public List<Choice> finishingTaps(User person, String command, int most) {
        return FINISHED_BY_A_GROUP.contains(command) ? listing.taps(person, command, most) : List.of();
    }

    /** The answer to "which one?" asked while adding or removing someone. */
    public Message choose(User user, PendingChoice choice, Command.GroupCommand command, int number) {
        return membership.choose(user, choice, command, number);
    }

    /**
     * The answer to "which one?" asked about the groups a name fits ({@link WhichGroup#asks}): the command that named
     * them runs on the group picked, as if its name had told it alone (a song goes there, its members are listed, it
     * is left); the last tap, or a no, does nothing. The question ends once the command is done, so a run cut short
     * and handled again finishes a send once (its ids come from the event).
     */
    public Message chooseGroup(User user, PendingChoice choice, int number) {
        return switch (whichGroup.answer(user, choice, number)) {
            case WhichGroup.Answer.Picked(Group group, Command command) -> {
                Message reply = Message.text(finish(user, group, command));
                whichGroup.answered(user);
                yield reply;
            }
            case WhichGroup.Answer.Dropped(Command command) ->
                    Message.text(WhichGroup.sends(command) ? "OK, I didn't send it." : "OK, never mind.");
            case WhichGroup.Answer.Unusable(Message reply) -> reply;
        };
    }

    private String finish(User user, Group group, Command command) {
        return switch (command) {
            case Command.SendToGroup send -> song.sendTo(user, group, send.song(), send.pre(), send.post());
            case Command.ListMembers members -> listing.members(user, group);
            case Command.LeaveGroup leave -> membership.leave(user, group);
            default -> "I'm not waiting for an answer from you.";
        };
    }

    /**
     * Asks which of {@code named}, the groups a name typed for the song being shared ({@code sharedSong}) fits, was
     * meant, keeping {@code commandText} (a {@code to}) to finish it with the answer ({@link #answerWhichGroup}).
     */
    public Message askWhichGroup(User user, List<Group> named, String commandText, String sharedSong) {
        return whichGroup.ask(user, named, commandText, Optional.of(sharedSong));
    }

    /**
     * Reads the answer {@code number} to a "which one?" about groups whose command is finished elsewhere (a {@code to}
     * for the song being shared): when a group is picked, the question stays open until {@link #whichGroupAnswered}.
     */
    public WhichGroup.Answer answerWhichGroup(User user, PendingChoice choice, int number) {
        return whichGroup.answer(user, choice, number);
    }

    /** The command of the open "which one?" about groups is done: the question ends. */
    public void whichGroupAnswered(User user) {
        whichGroup.answered(user);
    }

    /** The song being shared has who it is for: a "which one?" about groups asked for it ends. */
    public void shareAddressed(User user) {
        whichGroup.shareAddressed(user);
    }

    /** The open "which one?" about groups, {@code choice}, asked again after {@code lead}. */
    public Message askWhichGroupAgain(PendingChoice choice, String lead) {
        return whichGroup.askAgain(choice, lead);
    }

    /**
     * The payload of the tap {@code typed} means when it answers the open {@code question}, a "which one?" about groups,
     * in words: a group's name with its owner's, its owner's name, or a no. Empty when the question is another, or the
     * words are none of those.
     */
    public Optional<String> groupTapMeant(PendingChoice question, String typed) {
        return whichGroup.tapMeant(question, typed);
    }

    /** Before a person is forgotten: the groups they made are deleted and they leave the others. */
    public void forget(User user) {
        lifecycle.forget(user);
    }
}

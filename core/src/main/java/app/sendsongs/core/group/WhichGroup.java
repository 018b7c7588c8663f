package app.sendsongs.core.group;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.ShownPendingList;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.share.WordsForTaps;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * When the group name a command gives fits several of the person's groups, none of them their own: asks which one,
 * each group a tap numbered as its line is (told apart by its owner, and by its size when owners share a name) and a
 * last tap not to run it (Don't send, for a song); keeps the question with the command, as "which one?" about people
 * is kept ({@link GroupQuestion}); and reads the answer: a tap, a number, or words naming one of the groups (its name
 * with its owner's, or the owner's name). The command is a song sent with {@code send_song group:…}, the name typed for who the song
 * being shared is for, {@code members} or {@code leave_group}; who asked runs it on the group picked.
 */
public final class WhichGroup {
    private static final String DONT_SEND = "Don't send";
    private static final String NEVER_MIND = "Never mind";

    private final ChoiceStore choices;
    private final GroupStore groups;
    private final GroupFinder finder;
    private final Clock clock;

    public WhichGroup(ChoiceStore choices, GroupStore groups, GroupFinder finder, Clock clock) {
        this.choices = choices;
        this.groups = groups;
        this.finder = finder;
        this.clock = clock;
    }

    /**
     * The answer to the question: the group picked with the command it finishes, a no to that command, or a reply
     * instead.
     */
    public sealed interface Answer {
        record Picked(Group group, Command command) implements Answer {
        }

        record Dropped(Command command) implements Answer {
        }

        record Unusable(Message reply) implements Answer {
        }
    }

    /** Whether {@code choice} is a question about groups (see {@link GroupQuestion}). */
    public static boolean asks(PendingChoice choice) {
        return GroupQuestion.of(choice).isPresent();
    }

    /** Whether {@code command}, which a question about groups finishes, sends a song (its last tap: Don't send). */
    public static boolean sends(Command command) {
        return command instanceof Command.SendToGroup || command instanceof Command.DraftTo;
    }

    /** The command {@code choice} finishes, when it is a question about groups whose command can be read. */
    public static Optional<Command> command(PendingChoice choice) {
        return GroupQuestion.of(choice).flatMap(GroupQuestion::command);
    }

    /**
     * Keeps the question about {@code named} (with {@code commandText}, to finish it, and the song being shared it is
     * about, if it is) and returns it with its taps.
     */
    Message ask(User asker, List<Group> named, String commandText, Optional<String> sharedSong) {
        List<Group> offered = named.subList(0, Math.min(named.size(), Message.MAX_CHOICES - 1));
        PendingChoice question = new GroupQuestion(offered.stream().map(Group::id).toList(), commandText, sharedSong)
                .asChoice(asker.address(), clock.instant().plus(WhichPerson.CHOICE_LIFETIME));
        choices.saveChoice(question);
        List<Group> left = named.subList(offered.size(), named.size());
        Message asked = question(question, left.size()).orElseThrow();
        return left.isEmpty() ? asked : asked.withText(asked.text() + "\n" + leftOut(left, question));
    }

    /** How to pick one of the groups a question has no room for: by its name with its owner's, which finds it. */
    private String leftOut(List<Group> left, PendingChoice question) {
        boolean sharing = command(question).filter(Command.DraftTo.class::isInstance).isPresent();
        return "Not listed here: " + String.join(", ", left.stream()
                .map(group -> "\"" + GroupNames.withOwner(group.name(), finder.ownerName(group)) + "\"").toList())
                + (sharing ? ". To pick one of those, type it that way."
                : ". To pick one of those, send your command again with the group written that way.");
    }

    /** The open question {@code choice} asked again after {@code lead}, with its taps, as it stands. */
    Message askAgain(PendingChoice choice, String lead) {
        return question(choice, 0).map(question -> question.withLead(lead))
                .orElseGet(() -> Message.text(lead));
    }

    /**
     * The payload of the tap that {@code typed} means, when the open {@code question} is about groups: a tap's title, a
     * group's name with its owner's ("Family (Bob Fisher's)"), or its owner's name, whole or first, with or without
     * "'s", that fits one group offered; or a no, for the last tap.
     */
    Optional<String> tapMeant(PendingChoice question, String typed) {
        if (!asks(question)) {
            return Optional.empty();
        }
        List<Offered> offered = offered(question);
        if (offered.isEmpty()) {
            // nothing left to pick: "cancel" and the like are read as they are without a question
            ShownPendingList.take(choices, question);
            return Optional.empty();
        }
        String words = WordsForTaps.key(typed);
        List<Offered> named = offered.stream().filter(group -> group.calledBy().contains(words)).toList();
        if (named.size() == 1) {
            return Optional.of(named.getFirst().tap().payload());
        }
        Choice last = lastTap(question);
        return WordsForTaps.tapMeant(typed, List.of(last), Optional.empty(), Optional.of(last.payload()));
    }

    /**
     * Reads the answer {@code number} to {@code choice}, the open question, read and left open. A number out of range,
     * or a group left since, keeps it open, and its taps come again: on Messenger only the newest message has them;
     * once the person is in none of the groups offered, the question ends, as it does at its last tap. A group picked
     * leaves it open until the command is done ({@link #answered}): a run cut short and handled again finds it, and
     * finishes a send once, as the send's ids come from the event.
     */
    Answer answer(User asker, PendingChoice choice, int number) {
        GroupQuestion question = GroupQuestion.of(choice).orElseThrow();
        int offered = question.groupIds().size();
        Optional<Command> command = question.command();
        if (command.isEmpty()) {
            answered(asker);
            return new Answer.Unusable(Message.text("I'm not waiting for an answer from you."));
        }
        if (number == offered + 1) {
            answered(asker);
            return new Answer.Dropped(command.get());
        }
        if (number < 1 || number > offered) {
            return new Answer.Unusable(askAgain(choice, "Please answer with a number from 1 to " + offered + ".\n"));
        }
        String groupId = question.groupIds().get(number - 1);
        String nothingSent = sends(command.get()) ? ", so nothing was sent." : ".";
        Optional<Group> picked = groups.groupsOf(asker.address()).stream()
                .filter(group -> group.id().equals(groupId)).findFirst();
        if (picked.isPresent()) {
            return new Answer.Picked(picked.get(), command.get());
        }
        if (offered(choice).isEmpty()) {
            answered(asker);
            return new Answer.Unusable(Message.text("You're no longer in any of those groups" + nothingSent));
        }
        return new Answer.Unusable(askAgain(choice, "You're no longer in that group" + nothingSent + "\n"));
    }

    /** The command of the question answered is done: the question ends. */
    void answered(User asker) {
        endQuestion(asker, choice -> true);
    }

    /** The song being shared has who it is for: a question asked about the name typed for it ends. */
    void shareAddressed(User asker) {
        endQuestion(asker, choice -> command(choice).filter(Command.DraftTo.class::isInstance).isPresent());
    }

    /** Ends the person's open question if it is about groups and {@code which}; any other stays. */
    private void endQuestion(User asker, Predicate<PendingChoice> which) {
        choices.openChoice(asker.address()).filter(WhichGroup::asks).filter(which)
                .ifPresent(question -> ShownPendingList.take(choices, question));
    }

    /**
     * The question {@code choice} keeps, with a line and a tap for each group offered the person is still in; {@code
     * notOffered} more groups have the name, which it had no room for.
     */
    private Optional<Message> question(PendingChoice choice, int notOffered) {
        List<Offered> offered = offered(choice);
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        int named = offered.size() + notOffered;
        StringBuilder text = new StringBuilder(named == 1 ? "Which group?" : "You're in " + named
                + " groups called " + offered.getFirst().group().name() + ". Which one?");
        List<Choice> taps = new ArrayList<>();
        for (Offered group : offered) {
            text.append("\n").append(group.number()).append(". ").append(group.line());
            taps.add(group.tap());
        }
        taps.add(lastTap(choice));
        return Optional.of(Message.text(text.toString()).withChoices(taps));
    }

    /** The tap after the groups': not to run the command (Don't send, for a song; else Never mind). */
    private static Choice lastTap(PendingChoice choice) {
        GroupQuestion question = GroupQuestion.of(choice).orElseThrow();
        String title = question.command().filter(WhichGroup::sends).isPresent() ? DONT_SEND : NEVER_MIND;
        return new Choice(title, Command.Choose.payload(question.groupIds().size() + 1, choice.key()));
    }

    /** The groups {@code choice} offered that the person is still in, each with its number in the question. */
    private List<Offered> offered(PendingChoice choice) {
        List<String> ids = GroupQuestion.of(choice).orElseThrow().groupIds();
        Map<String, Group> theirs = groups.groupsOf(choice.person()).stream()
                .collect(Collectors.toMap(Group::id, group -> group));
        List<Described> described = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Group group = theirs.get(ids.get(i));
            if (group != null) {
                described.add(new Described(i + 1, group, finder.ownerName(group),
                        groups.membersOf(group.id()).size()));
            }
        }
        return described.stream().map(group -> group.offered(described, choice.key())).toList();
    }

    /** A group offered, as the question shows it: its line, its tap, and the words that name it when typed. */
    private record Offered(int number, Group group, String line, Choice tap, Set<String> calledBy) {
    }

    /**
     * What tells a group offered apart: its owner's name; when another's owner has that name too, how many are in it;
     * when that is the same too, when it was made.
     */
    private record Described(int number, Group group, String owner, int members) {
        Offered offered(List<Described> all, String key) {
            boolean ownerShared = count(all, Described::ownerKey) > 1;
            boolean sizeShared = count(all, d -> d.ownerKey() + " " + d.members()) > 1;
            String made = "made " + Texts.when(group.createdAt());
            String first = Names.firstName(owner) + "'s";
            String told = ownerShared ? first + " · " + (sizeShared ? made : members(members)) : owner + "'s";
            // numbered as the question's lines are: a platform that cuts long titles (Messenger: 20 characters)
            // would otherwise show "Bob's · made 6 Dec…" twice
            String title = number + ". " + told;
            String reference = GroupNames.withOwner(group.name(), owner);
            String line = reference + " — made by " + owner + ", " + members(members) + (sizeShared ? ", " + made : "");
            Set<String> calledBy = Stream.of(title, told, reference, owner, owner + "'s", Names.firstName(owner), first)
                    .map(WordsForTaps::key).collect(Collectors.toSet());
            return new Offered(number, group, line, new Choice(title, Command.Choose.payload(number, key)), calledBy);
        }

        private String ownerKey() {
            return Names.key(owner);
        }

        private long count(List<Described> all, Function<Described, String> key) {
            String mine = key.apply(this);
            return all.stream().filter(other -> key.apply(other).equals(mine)).count();
        }

        private static String members(int count) {
            return count == 1 ? "1 member" : count + " members";
        }
    }
}

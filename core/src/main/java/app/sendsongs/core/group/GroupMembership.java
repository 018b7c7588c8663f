package app.sendsongs.core.group;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.HandlingMarks;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Outbox;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.share.FriendFinder;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Spaces;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Who is in a group. Only the owner adds and removes; the owner cannot leave or be removed
 * (deleting ends the group). Anyone added is told by whom and how to leave, and anyone else can
 * leave. When someone stops being in a group ({@link GroupDepartures}), the songs sent to them through it stop being
 * watched; nothing else of theirs changes. Someone who blocked the owner is not added (nor told of it), and the owner
 * is not told why, as with a song.
 */
public final class GroupMembership {
    private static final String ADD = "add people to it";
    private static final String REMOVE = "remove people from it";
    private static final String ADDED = "Added ";
    /** What joins the names of several people typed in one add: a comma, an ampersand or "and". */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:,|&|\\band\\b)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final GroupStore groups;
    private final UserStore users;
    private final PreferenceStore preferences;
    private final GroupFinder finder;
    private final GroupDepartures departures;
    private final FriendFinder friends;
    private final WhichPerson whichPerson;
    private final Outbox outbox;
    private final GroupLimits limits;
    private final ConnectLink connectLink;
    private final GroupAddTaps addTaps;
    private final Clock clock;

    public GroupMembership(GroupStore groups, UserStore users, PreferenceStore preferences, GroupFinder finder,
                           GroupShareWithdrawal withdrawal, FriendFinder friends, WhichPerson whichPerson,
                           Outbox outbox, GroupLimits limits, ConnectLink connectLink, HandlingMarks marks,
                           Contacts contacts, Clock clock) {
        this.addTaps = new GroupAddTaps(groups, users, preferences, contacts, finder);
        this.groups = groups;
        this.users = users;
        this.preferences = preferences;
        this.finder = finder;
        this.departures = new GroupDepartures(groups, users, finder, withdrawal, friends, outbox, marks);
        this.friends = friends;
        this.whichPerson = whichPerson;
        this.outbox = outbox;
        this.limits = limits;
        this.connectLink = connectLink;
        this.clock = clock;
    }

    /**
     * {@code commandText} is kept to finish the command if the bot must ask which person was meant. A first name is
     * enough for one of the owner's contacts.
     */
    public Message add(User owner, String typedGroup, String typedPerson, String commandText) {
        if (typedGroup.isBlank()) {
            return toWhichGroup(owner, typedPerson);
        }
        if (typedPerson.isBlank()) {
            return withOwnGroup(owner, typedGroup, ADD, group -> whoToAdd(owner, group));
        }
        GroupAndPerson meant = GroupAndPerson.read(finder, owner, typedGroup, typedPerson);
        String personName = meant.person();
        return withOwnGroup(owner, meant.group(), ADD, group -> switch (friends.find(owner, personName)) {
            case FriendFinder.Lookup.Found(User person) -> addPerson(owner, group, person);
            case FriendFinder.Lookup.Several(var candidates) -> whichPerson.ask(owner, candidates, commandText);
            case FriendFinder.Lookup.Yourself() -> Message.text("You're in " + group.name() + " already: you made it.");
            case FriendFinder.Lookup.Nobody() -> listed(personName).map(people -> oneAtATime(owner, group, people))
                    .orElseGet(() -> Message.text(nobodyToAdd(owner, group, personName)));
        });
    }

    /**
     * The people {@code personName} lists when it is several names joined ("Bob Fisher and Carol King", "Bob, Carol",
     * "Bob & Carol"), which no one person is called: empty for a single name.
     */
    private static Optional<List<String>> listed(String personName) {
        List<String> names = Arrays.stream(LIST_SEPARATOR.split(personName)).map(Names::tidy)
                .filter(name -> !name.isEmpty()).toList();
        return names.size() > 1 ? Optional.of(names) : Optional.empty();
    }

    /** Several people named in one add: a tap that adds each, rather than telling the owner they must register. */
    private Message oneAtATime(User owner, Group group, List<String> people) {
        String reference = finder.reference(owner, group);
        List<Choice> taps = people.stream().map(person -> new Choice("Add " + person, addCommand(reference, person)))
                .filter(tap -> Payload.fits(tap.payload())).limit(Message.MAX_CHOICES).toList();
        return Message.text("Please add one person at a time: tap each, or send: "
                + CommandStyle.of(owner.address()).spell("add_to_group") + " " + GroupNames.argument(reference) + " \""
                + people.getFirst() + "\"").withChoices(taps);
    }

    /**
     * An add that named no group ("add Bob"): to the owner's only group, or the question which one, each of their
     * groups a tap that finishes it; with none, how to make one, and a tap that does.
     */
    private Message toWhichGroup(User owner, String typedPerson) {
        List<Group> own = groups.groupsOf(owner.address()).reversed().stream()
                .filter(group -> group.ownedBy(owner.address())).toList();
        if (own.isEmpty()) {
            return Message.text("You haven't made a group yet. Make one first, then add people to it. To send "
                    + "someone a song, there's nobody to add first: paste its link and type their name.")
                    .withChoices(List.of(GroupListing.MAKE_ONE));
        }
        if (own.size() == 1) {
            String group = finder.reference(owner, own.getFirst());
            return typedPerson.isBlank() ? whoToAdd(owner, own.getFirst())
                    : add(owner, group, typedPerson, addCommand(group, typedPerson));
        }
        List<Choice> taps = own.stream().map(group -> finder.reference(owner, group))
                .map(group -> new Choice(group, typedPerson.isBlank() ? "add people to " + group
                        : addCommand(group, typedPerson)))
                .filter(tap -> Payload.fits(tap.payload())).limit(Message.MAX_CHOICES).toList();
        String who = typedPerson.isBlank() ? "people" : Names.quoted(typedPerson);
        return Message.text("Add " + who + " to which group? Tap one, or send: "
                + CommandStyle.of(owner.address()).spell("add_to_group") + " <group> \"<full name>\"")
                .withChoices(taps);
    }

    private static String addCommand(String group, String person) {
        return "add_to_group " + GroupNames.argument(group) + " \"" + person + "\"";
    }

    /** An add that named nobody ("add people to Family"): the owner's latest contacts not in it, as taps. */
    private Message whoToAdd(User owner, Group group) {
        String command = CommandStyle.of(owner.address()).spell("add_to_group") + " "
                + GroupNames.argument(finder.reference(owner, group)) + " \"<full name>\"";
        List<Choice> taps = addTaps.forGroup(owner, group);
        return Message.text(taps.isEmpty() ? "Who should I add to " + group.name() + "? Send: " + command
                : "Who should I add to " + group.name() + "? Tap someone you've shared songs with, or send: " + command)
                .withChoices(taps);
    }

    /**
     * Why nobody called {@code personName} can be added. A first name alone is looked up only among the owner's
     * contacts, so someone registered whom they have not met yet is found by their whole name: said, so the owner does
     * not take them for someone to sign up.
     */
    private String nobodyToAdd(User owner, Group group, String personName) {
        String firstNameOnly = Spaces.words(personName).size() != 1 ? "" : "A first name alone finds only people "
                + "you've shared songs or a group with: if they have registered with me, add them by their whole name: "
                + CommandStyle.of(owner.address()).spell("add_to_group") + " "
                + GroupNames.argument(finder.reference(owner, group)) + " \"<full name>\". ";
        return Handles.typed(personName).map(handle -> FriendFinder.unknownHandle(handle) + " Add them once they have.")
                .orElseGet(() -> "I don't know anyone called " + Names.quoted(personName) + ", so I can't add them. "
                        + firstNameOnly + "Only people registered with me can be in a group: they write to me and connect Spotify at "
                        + connectLink.url() + ", then send me the register command shown there. Add them once they "
                        + "have.");
    }

    /** {@code commandText} is kept to finish the command if the bot must ask which person was meant. */
    public Message remove(User owner, String typedGroup, String typedPerson, String commandText) {
        if (typedGroup.isBlank()) {
            return fromWhichGroup(owner, typedPerson);
        }
        GroupAndPerson meant = GroupAndPerson.read(finder, owner, typedGroup, typedPerson);
        String personName = meant.person();
        Optional<String> removedBefore = departures.removedBefore(owner, personName);
        if (removedBefore.isPresent()) {
            return Message.text(removedBefore.get());
        }
        return withOwnGroup(owner, meant.group(), REMOVE, group -> {
            // Their whole name, their first as adding takes it (members are the owner's contacts), or their @username.
            List<User> named = groups.membersOf(group.id()).stream()
                    .flatMap(m -> users.findUser(m.member()).stream())
                    .filter(friends.naming(owner, personName)).toList();
            List<User> others = named.stream().filter(u -> !u.address().equals(owner.address())).toList();
            if (named.isEmpty()) {
                return Message.text("Nobody called " + Names.quoted(personName) + " is in " + group.name()
                        + ". See who is with: " + CommandStyle.of(owner.address()).spell("members") + " "
                        + group.name());
            }
            if (others.isEmpty()) {
                return Message.text("You made " + group.name() + ", so you can't be removed from it. To end it for "
                        + "everyone, send: " + CommandStyle.of(owner.address()).spell("delete_group") + " "
                        + group.name());
            }
            return others.size() > 1 ? whichPerson.ask(owner, others, commandText)
                    : Message.text(departures.remove(owner, group, others.getFirst()));
        });
    }

    /**
     * A removal that named no group ("kick Bob"): from the only group the owner made that has someone of that name in
     * it, or the question which, each such group a tap that finishes it.
     */
    private Message fromWhichGroup(User owner, String typedPerson) {
        List<String> with = groups.groupsOf(owner.address()).reversed().stream()
                .filter(group -> group.ownedBy(owner.address()))
                .filter(group -> groups.membersOf(group.id()).stream()
                        .filter(member -> !member.member().equals(owner.address()))
                        .flatMap(member -> users.findUser(member.member()).stream())
                        .anyMatch(friends.naming(owner, typedPerson)))
                .map(group -> finder.reference(owner, group)).toList();
        if (with.isEmpty()) {
            return Message.text("Nobody called " + Names.quoted(typedPerson) + " is in a group you made. See your "
                    + "groups with: " + CommandStyle.of(owner.address()).spell("groups"));
        }
        String command = "remove_from_group ";
        if (with.size() == 1) {
            return remove(owner, with.getFirst(), typedPerson, command + GroupNames.argument(with.getFirst()) + " \""
                    + typedPerson + "\"");
        }
        List<Choice> taps = with.stream().map(group -> new Choice(group, command + GroupNames.argument(group) + " \""
                + typedPerson + "\"")).filter(tap -> Payload.fits(tap.payload())).limit(Message.MAX_CHOICES).toList();
        return Message.text("Remove " + Names.quoted(typedPerson) + " from which group? Tap one, or send: "
                + CommandStyle.of(owner.address()).spell("remove_from_group") + " <group> \"<full name>\"")
                .withChoices(taps);
    }

    /**
     * Finishes an add or remove the bot had to ask about: {@code number} picks one of the offered people; the one after
     * them, the question's last tap (Never mind), does nothing.
     */
    public Message choose(User owner, PendingChoice choice, Command.GroupCommand command, int number) {
        return switch (whichPerson.answer(choice, number)) {
            case WhichPerson.Answer.Unusable(String reply) -> Message.text(reply);
            case WhichPerson.Answer.Dropped() -> Message.text("OK, never mind.");
            case WhichPerson.Answer.Picked(User person) -> switch (command) {
                case Command.AddToGroup add -> withOwnGroup(owner,
                        GroupAndPerson.read(finder, owner, add.group(), add.personName()).group(), ADD,
                        group -> addPerson(owner, group, person));
                case Command.RemoveFromGroup remove -> withOwnGroup(owner,
                        GroupAndPerson.read(finder, owner, remove.group(), remove.personName()).group(), REMOVE,
                        group -> Message.text(departures.remove(owner, group, person)));
                default -> Message.text("I'm not waiting for an answer from you.");
            };
        };
    }

    /**
     * {@code leave_group} handled again after a crash cut a run of it short once that run chose its group: finished
     * with that group, whatever the member's groups are now, and answered as that run would have.
     */
    public Optional<String> leftBefore(User member) {
        return departures.leftBefore(member);
    }

    /** {@code leave_group}: the member leaves {@code group}, unless they made it. */
    String leave(User member, Group group) {
        return departures.leave(member, group);
    }

    /**
     * Adds {@code person} to {@code group}; once added, the answer has taps that add the next of the owner's latest
     * contacts, and one to see who is in it.
     */
    private Message addPerson(User owner, Group group, User person) {
        String reply = addedOrWhyNot(owner, group, person);
        if (!reply.startsWith(ADDED + person.name() + " to ")) {
            return Message.text(reply);
        }
        List<Choice> taps = new ArrayList<>(addTaps.forGroup(owner, group));
        String members = "members " + finder.reference(owner, group);
        if (Payload.fits(members)) {
            taps.add(new Choice("See members", members));
        }
        return Message.text(reply).withChoices(taps);
    }

    private String addedOrWhyNot(User owner, Group group, User person) {
        List<GroupMember> members = groups.membersOf(group.id());
        if (members.stream().anyMatch(m -> m.member().equals(person.address()))) {
            return person.name() + " is already in " + group.name() + ".";
        }
        if (preferences.preferencesOf(person.address()).blocks(owner.address())) {
            return "I couldn't add " + person.name() + " to " + group.name() + ".";
        }
        if (members.size() >= limits.membersPerGroup()) {
            return group.name() + " already has " + members.size() + " members, the most a group can have.";
        }
        int theirGroups = groups.groupsOf(person.address()).size();
        if (theirGroups >= limits.groupsJoined()) {
            return person.name() + " is already in " + theirGroups + " groups, the most one person can be in.";
        }
        if (!groups.addMember(new GroupMember(group.id(), person.address(), clock.instant()))) {
            return groups.findGroup(group.id()).isEmpty() ? group.name() + " was deleted a moment ago."
                    : person.name() + " is already in " + group.name() + ".";
        }
        String theirName = finder.reference(person, group);
        Outbox.Delivery notice = outbox.notify(person.address(), addedNotice(owner, person, theirName),
                List.of(owner.address()));
        return ADDED + person.name() + " to " + group.name() + " (" + (members.size() + 1) + " members). "
                + told(notice);
    }

    /** What the person added is told: by whom, and how to leave, with a tap that does when its command fits one. */
    private static Message addedNotice(User owner, User person, String theirName) {
        Message notice = Message.text("👥 " + owner.name() + " added you to the group " + theirName + ". Songs sent to "
                + "the group will come to you too. If you'd rather not be in it, send: "
                + CommandStyle.of(person.address()).spell("leave_group") + " " + theirName);
        String leave = "leave_group " + theirName;
        return Payload.fits(leave) ? notice.withChoices(List.of(new Choice("Leave " + theirName, leave))) : notice;
    }

    /** What the owner hears of the notice to the person added: told only once it went (or is going) out. */
    private static String told(Outbox.Delivery notice) {
        String howToLeave = "and how to leave if they'd rather not be in it";
        return switch (notice) {
            case SENT, SENDING, QUEUED -> "I've told them, " + howToLeave + ".";
            case WAITING_FOR_PERSON, RETRYING -> "I'll tell them, " + howToLeave + ", as soon as I can reach them.";
        };
    }

    /** Runs {@code action} on the group the owner means, or says why not (not found, or not theirs). */
    private Message withOwnGroup(User owner, String reference, String ownerOnly, Function<Group, Message> action) {
        return switch (finder.findOwn(owner, reference, ownerOnly)) {
            case GroupFinder.Lookup.Missing(String reply) -> Message.text(reply);
            case GroupFinder.Lookup.Several(var named, String reply) -> Message.text(reply);
            case GroupFinder.Lookup.Found(Group group) -> action.apply(group);
        };
    }

    /** The taps that add the owner's latest contacts to a group, as this class offers them. */
    GroupAddTaps addTaps() {
        return addTaps;
    }
}

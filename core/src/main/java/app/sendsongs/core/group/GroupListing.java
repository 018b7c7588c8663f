package app.sendsongs.core.group;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code groups} and {@code members} commands: what a person can see of the groups they are in. */
public final class GroupListing {
    static final String LEAVE = "leave_group";
    private static final String MEMBERS = "members";
    /** What asks the name of a new group ({@link GroupNameQuestion}). */
    static final Choice MAKE_ONE = new Choice("Make a group", "create_group");
    private static final Choice NEW_ONE = new Choice("New group", "create_group");

    private final GroupStore groups;
    private final UserStore users;
    private final GroupFinder finder;

    public GroupListing(GroupStore groups, UserStore users, GroupFinder finder) {
        this.groups = groups;
        this.users = users;
        this.finder = finder;
    }

    /**
     * {@code groups}: the groups the person is in, each a tap that lists its members, and a tap that makes a new one
     * (which asks its name); with none, how to make one, and that tap.
     */
    public Message groups(User person) {
        List<Group> theirs = groups.groupsOf(person.address());
        if (theirs.isEmpty()) {
            return Message.text("You're not in any group yet. Make one with: "
                    + CommandStyle.of(person.address()).spell("create_group") + " name:\"<group>\"")
                    .withChoices(List.of(MAKE_ONE));
        }
        List<Choice> taps = new ArrayList<>(taps(person, MEMBERS, Message.MAX_CHOICES - 1));
        taps.add(NEW_ONE);
        return Message.text(listed(person, theirs)).withChoices(taps);
    }

    private String listed(User person, List<Group> theirs) {
        StringBuilder text = new StringBuilder("Your groups:");
        for (Group group : theirs) {
            text.append("\n• ").append(finder.reference(person, group, theirs)).append(" — ")
                    .append(group.ownedBy(person.address()) ? "yours" : "made by " + finder.ownerName(group))
                    .append(", ").append(members(groups.membersOf(group.id()).size()));
        }
        String members = CommandStyle.of(person.address()).spell(MEMBERS);
        return text.append("\nSee who is in one with: ").append(members).append(" <group>").toString();
    }

    /** {@code members}: who is in {@code group}, one of the person's. */
    String members(User person, Group group) {
        List<GroupMember> members = groups.membersOf(group.id());
        StringBuilder text = new StringBuilder(finder.reference(person, group) + " — "
                + (group.ownedBy(person.address()) ? "your group" : "made by " + finder.ownerName(group)) + ", "
                + members(members.size()) + ":");
        List<Optional<User>> people = members.stream().map(member -> users.findUser(member.member())).toList();
        for (int i = 0; i < members.size(); i++) {
            ChatAddress member = members.get(i).member();
            String name = people.get(i).map(User::name).orElse(User.SOMEONE_WHO_LEFT);
            text.append("\n• ").append(name).append(group.ownedBy(member) ? " (made the group)" : "")
                    .append(people.get(i).map(user -> platformOfNamesake(user, people)).orElse(""));
        }
        return text.toString();
    }

    /**
     * " (on Telegram)" after a member who has the name of another member on another chat app: two Bob Fishers, one on
     * each, would otherwise be listed alike. Empty for everyone else.
     */
    private static String platformOfNamesake(User member, List<Optional<User>> people) {
        boolean namesakeElsewhere = people.stream().flatMap(Optional::stream)
                .anyMatch(other -> other.nameKey().equals(member.nameKey())
                        && !other.address().platform().equals(member.address().platform()));
        return namesakeElsewhere ? " (on " + member.address().platform().displayName() + ")" : "";
    }

    GroupFinder.Lookup lookup(User person, String reference) {
        return finder.find(person, reference);
    }

    boolean namesAGroup(User person, String reference) {
        return finder.namesAGroup(person, reference);
    }

    /** The group of this id if the person is in it. */
    Optional<Group> find(User person, String groupId) {
        return groups.groupsOf(person.address()).stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    /** The person's groups, the newest first, each with the name they know it by. */
    List<GroupChoice> choices(User person) {
        List<Group> theirs = groups.groupsOf(person.address());
        return theirs.reversed().stream()
                .map(group -> new GroupChoice(group.id(), finder.reference(person, group, theirs))).toList();
    }

    /**
     * One tap a group of the person's that sends {@code command} with it, most recent first, at most {@code most}: for
     * {@link #LEAVE}, only groups they can leave (not their own).
     */
    List<Choice> taps(User person, String command, int most) {
        List<Group> theirs = groups.groupsOf(person.address());
        return theirs.reversed().stream()
                .filter(group -> !command.equals(LEAVE) || !group.ownedBy(person.address()))
                .map(group -> finder.reference(person, group, theirs))
                .filter(name -> Payload.fits(command + " " + name))
                .map(name -> new Choice(name, command + " " + name)).limit(most).toList();
    }

    private static String members(int count) {
        return count == 1 ? "1 member" : count + " members";
    }
}

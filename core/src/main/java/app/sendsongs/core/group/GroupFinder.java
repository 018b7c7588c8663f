package app.sendsongs.core.group;

import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.List;
import java.util.Optional;

/**
 * Finds the group a person means by a name they typed, among the groups they are in. Their own
 * group of that name comes first; otherwise the name must fit one group, or be written with the
 * owner, "Family (Bob Fisher's)", when they are in several groups of that name. Nobody can reach a
 * group they are not in.
 */
public final class GroupFinder {
    private final GroupStore groups;
    private final UserStore users;

    public GroupFinder(GroupStore groups, UserStore users) {
        this.groups = groups;
        this.users = users;
    }

    /** The group meant, or the reply that says why there is none. */
    public sealed interface Lookup {
        record Found(Group group) implements Lookup {
        }

        record Missing(String reply) implements Lookup {
        }

        /**
         * The name fits several of the person's groups, none of them their own: {@code named}, in the order they
         * joined them; {@code reply} says how to name one of them.
         */
        record Several(List<Group> named, String reply) implements Lookup {
            public Several {
                named = List.copyOf(named);
            }
        }
    }

    public Lookup find(User person, String reference) {
        List<Group> mine = groups.groupsOf(person.address());
        if (mine.isEmpty()) {
            // Not "yet": they may have been in it until it was deleted or they left.
            return new Lookup.Missing("You're not in a group called " + Names.quoted(reference) + ", and you're in no "
                    + "group now. Make one with: " + CommandStyle.of(person.address()).spell("create_group")
                    + " name:\"<group>\"");
        }
        List<Group> named = named(mine, reference);
        Optional<Group> own = named.stream().filter(g -> g.ownedBy(person.address())).findFirst();
        if (own.isPresent()) {
            return new Lookup.Found(own.get());
        }
        if (named.size() == 1) {
            return new Lookup.Found(named.getFirst());
        }
        if (named.size() > 1) {
            return new Lookup.Several(named, "You're in " + named.size() + " groups called " + named.getFirst().name()
                    + ". Say which one: " + String.join(" or ", named.stream().map(g -> "\"" + withOwner(g) + "\"")
                    .toList()) + ".");
        }
        return findWithOwner(mine, reference).orElseGet(() -> new Lookup.Missing("You're not in a group called "
                + Names.quoted(reference) + ". Your groups: " + String.join(", ", references(person, mine)) + "."));
    }

    /**
     * Whether {@code reference} is the name of one or more of the person's groups (or a group's with its owner's, as
     * "Family (Bob Fisher's)"), whether or not it tells which.
     */
    public boolean namesAGroup(User person, String reference) {
        List<Group> mine = groups.groupsOf(person.address());
        return !named(mine, reference).isEmpty() || findWithOwner(mine, reference).isPresent();
    }

    /**
     * How many of the first {@code words} name one of the person's groups, the most that do ("Road Trip Cat Power":
     * 2, for someone in a group called Road Trip); 0 when none do.
     */
    public int wordsOfAGroupName(User person, List<String> words) {
        List<Group> mine = groups.groupsOf(person.address());
        for (int count = words.size(); count > 0; count--) {
            if (!named(mine, String.join(" ", words.subList(0, count))).isEmpty()) {
                return count;
            }
        }
        return 0;
    }

    /**
     * Like {@link #find}, for what only the owner may do ({@code ownerOnly}, e.g. "add people to
     * it"): a group the person is in but does not own is refused with who owns it, and so is a name
     * that fits several of their groups, none of them theirs, without asking which.
     */
    public Lookup findOwn(User person, String reference, String ownerOnly) {
        Lookup lookup = find(person, reference);
        String leave = CommandStyle.of(person.address()).spell("leave_group") + " ";
        if (lookup instanceof Lookup.Found(Group group) && !group.ownedBy(person.address())) {
            return new Lookup.Missing("Only " + ownerName(group) + ", who made " + group.name() + ", can " + ownerOnly
                    + ". To leave it yourself, send: " + leave + reference(person, group));
        }
        if (lookup instanceof Lookup.Several(List<Group> named, String reply)
                && named.stream().noneMatch(group -> group.ownedBy(person.address()))) {
            return new Lookup.Missing("You're in " + named.size() + " groups called " + named.getFirst().name()
                    + " and made none of them: only the person who made a group can " + ownerOnly + ". To leave one "
                    + "yourself, send: " + leave + named.getFirst().name());
        }
        return lookup;
    }

    /** How {@code person} names {@code group} so that it means this group (see {@link #find}). */
    public String reference(User person, Group group) {
        return reference(person, group, groups.groupsOf(person.address()));
    }

    String reference(User person, Group group, List<Group> theirGroups) {
        List<Group> sameName = named(theirGroups, group.name());
        boolean ownsOneOfThem = sameName.stream().anyMatch(g -> g.ownedBy(person.address()));
        boolean nameIsEnough = group.ownedBy(person.address()) || (!ownsOneOfThem && sameName.size() <= 1);
        return nameIsEnough ? group.name() : withOwner(group);
    }

    private List<String> references(User person, List<Group> theirGroups) {
        return theirGroups.stream().map(g -> reference(person, g, theirGroups)).toList();
    }

    private Optional<Lookup> findWithOwner(List<Group> mine, String reference) {
        return GroupNames.parseWithOwner(reference).flatMap(parsed -> {
            List<Group> matching = named(mine, parsed.groupName()).stream()
                    .filter(g -> Names.key(ownerName(g)).equals(Names.key(parsed.ownerName()))).toList();
            if (matching.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(matching.size() == 1 ? new Lookup.Found(matching.getFirst())
                    : new Lookup.Several(matching, "You're in " + matching.size() + " groups called "
                    + Names.quoted(reference) + " (their owners share a name), so I can't tell them apart."));
        });
    }

    String withOwner(Group group) {
        return GroupNames.withOwner(group.name(), ownerName(group));
    }

    /** The owner's name; every group has an owner, since forgetting a person deletes the groups they made. */
    String ownerName(Group group) {
        return users.findUser(group.owner()).map(User::name).orElse(User.SOMEONE_WHO_LEFT);
    }

    /**
     * The groups called {@code name}; when none is, and {@code name} has no emoji, the one group whose name is those
     * words with emoji ("road trip" for Road Trip 🚗, as people type it on a phone). Never several so: a person may
     * own Road Trip 🚗 and Road Trip 🚌, and neither is meant more than the other.
     */
    private static List<Group> named(List<Group> groups, String name) {
        String key = Names.key(name);
        List<Group> exactly = groups.stream().filter(g -> g.nameKey().equals(key)).toList();
        if (!exactly.isEmpty() || !GroupNames.withoutEmoji(key).equals(key)) {
            return exactly;
        }
        List<Group> byWords = groups.stream().filter(g -> GroupNames.withoutEmoji(g.nameKey()).equals(key)).toList();
        return byWords.size() == 1 ? byWords : List.of();
    }
}

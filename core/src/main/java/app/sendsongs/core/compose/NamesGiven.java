package app.sendsongs.core.compose;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandStyle;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.group.GroupFinder;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.share.FriendFinder;
import app.sendsongs.core.share.WordsForWho;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the words given for who a song is for name: someone, one of the sender's groups, several of them at once
 * ("Bob and Carol"), the sender themselves, or everyone; and what the bot says first when they name no one person or
 * group to send to.
 */
final class NamesGiven {
    private static final String ONE_AT_A_TIME = "A song goes to one friend or one group at a time: tap the first, "
            + "then share the song again for the next. To send songs to several friends at once, make them a group "
            + "({create_group} Friends, then {add_to_group}). ";

    private final FriendFinder friends;
    private final Groups groups;

    NamesGiven(FriendFinder friends, Groups groups) {
        this.friends = friends;
        this.groups = groups;
    }

    /**
     * Whether {@code name} is one of the person's groups' and none of their contacts' (nor a username): nobody's, or
     * only a stranger's, who may have taken it after the group was made.
     */
    boolean namesOnlyAGroup(User person, String name) {
        return Handles.typed(name).isEmpty() && groups.namesAGroup(person, name)
                && friends.meansNoContact(person, name);
    }

    /** Whether {@code name} joins several names ("Bob and Carol"), each someone's or one of the person's groups'. */
    boolean namesSeveral(User person, String name) {
        List<String> names = WordsForWho.names(name);
        return names.size() > 1 && names.stream()
                .allMatch(one -> !friends.matchesNobody(person, one) || groups.namesAGroup(person, one));
    }

    /**
     * Whether {@code name} is one as {@code to} takes it: someone's whole name or username, a contact's first name
     * (several people's too), one of the person's groups; not the person, nor a near miss.
     */
    boolean namesSomeoneOrAGroup(User person, String name) {
        return switch (friends.find(person, name)) {
            case FriendFinder.Lookup.Found found -> true;
            case FriendFinder.Lookup.Several several -> true;
            case FriendFinder.Lookup.Yourself yourself -> false;
            case FriendFinder.Lookup.Nobody nobody -> groups.namesAGroup(person, name);
        };
    }

    /**
     * What to say first when {@code name}, which names nobody and no group of the person's, means the person
     * themselves ("me", their first name), everyone ("all") or several people ("Bob and Carol"): no name to send to,
     * nor to invite.
     */
    Optional<String> notAName(User person, String name) {
        if (WordsForWho.meansThemselves(person, name)) {
            return Optional.of(WordsForWho.themselvesLead(person, name));
        }
        if (WordsForWho.meansEveryone(name)) {
            return Optional.of(oneAtATime(person, !groups.groupsOf(person).isEmpty()));
        }
        return namesSeveral(person, name) ? Optional.of(severalAtOnce(person)) : Optional.empty();
    }

    /**
     * A name typed at "Who is it for?" without the "for" it may start with, as the question's answer often does ("for
     * Bob"), unless the whole words are someone's or a group's name.
     */
    String withoutFor(User person, String name) {
        String rest = name.regionMatches(true, 0, "for ", 0, 4) ? name.substring(4).strip() : "";
        return rest.isEmpty() || !friends.matchesNobody(person, name) || groups.namesAGroup(person, name) ? name : rest;
    }

    /**
     * Whom the words beside a link name, as {@code to} would take them: a person (several fit only after "for": the
     * bot asks which one), else, after "for", one of the sender's groups. A name by itself must be someone's whole
     * name (or their username): after "for", a first name will do.
     */
    Optional<Command.DraftTo> named(User person, Command.ForWhom forWhom) {
        String name = forWhom.name();
        String groupName = Handles.mentioned(name).orElse(name);
        if (aGroupAlone(person, forWhom) && friends.contactsNamed(person, groupName).isEmpty()) {
            return Optional.of(new Command.DraftTo(Optional.empty(), Optional.of(groupName), "", "", false));
        }
        FriendFinder.Lookup lookup = friends.find(person, name);
        boolean aPerson = switch (lookup) {
            case FriendFinder.Lookup.Found(User friend) -> forWhom.saidFor() || Handles.typed(name).isPresent()
                    || friend.nameKey().equals(Names.key(name));
            case FriendFinder.Lookup.Several(var candidates) -> forWhom.saidFor();
            case FriendFinder.Lookup.Yourself() -> false;
            case FriendFinder.Lookup.Nobody() -> false;
        };
        if (aPerson) {
            return Optional.of(new Command.DraftTo(Optional.of(name), Optional.empty(), "", "", false));
        }
        boolean aGroup = forWhom.saidFor() && lookup instanceof FriendFinder.Lookup.Nobody
                && !(groups.findGroup(person, groupName) instanceof GroupFinder.Lookup.Missing);
        return aGroup ? Optional.of(new Command.DraftTo(Optional.empty(), Optional.of(name), "", "", false))
                : Optional.empty();
    }

    /**
     * The contacts and then the groups of the person's that a name beside a link names, by itself or after "for" or
     * "to", when it is the name of one of their groups and of someone they know ("Carol" for the group Carol and Carol
     * King): which one is meant is asked, never guessed. Empty when the name is no group's, or no contact's (then it is
     * the group's, {@link #named}).
     */
    List<Recipient> groupAndSomeoneNamed(User person, Command.ForWhom forWhom) {
        String typed = forWhom.name();
        if (Handles.typed(typed).isPresent() || !groups.namesAGroup(person, Handles.mentioned(typed).orElse(typed))) {
            return List.of();
        }
        String name = Handles.mentioned(forWhom.name()).orElse(forWhom.name());
        List<Recipient> contacts = friends.contactsNamed(person, name).stream()
                .<Recipient>map(friend -> new Recipient.Person(friend.address())).toList();
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<Recipient> groupsNamed = switch (groups.findGroup(person, name)) {
            case GroupFinder.Lookup.Found(Group group) -> List.of(new Recipient.Group(group.id()));
            case GroupFinder.Lookup.Several(List<Group> named, String reply) ->
                    named.stream().<Recipient>map(group -> new Recipient.Group(group.id())).toList();
            case GroupFinder.Lookup.Missing missing -> List.<Recipient>of();
        };
        return Stream.concat(contacts.stream(), groupsNamed.stream()).toList();
    }

    /**
     * Whether the words beside a link are, by themselves (no "for"), the name of one of the person's groups ("Book
     * Club", "@Book Club"), as a friend's whole name by itself is theirs.
     */
    private boolean aGroupAlone(User person, Command.ForWhom forWhom) {
        String name = forWhom.name();
        return !forWhom.saidFor() && Handles.typed(name).isEmpty()
                && groups.namesAGroup(person, Handles.mentioned(name).orElse(name));
    }

    /** The one person, else the one group of the person's, {@code name} names. */
    Optional<Recipient> recipientNamed(User person, String name) {
        if (friends.find(person, name) instanceof FriendFinder.Lookup.Found(User friend)) {
            return Optional.of(new Recipient.Person(friend.address()));
        }
        return groups.findGroup(person, name) instanceof GroupFinder.Lookup.Found(Group group)
                ? Optional.of(new Recipient.Group(group.id())) : Optional.empty();
    }

    /** That {@code name} is one of the person's groups' and someone's they know, before "Who is it for?". */
    static String groupAndSomeone(String name) {
        return Names.quoted(name) + " is the name of one of your groups and of someone you know. ";
    }

    /** That a song goes to one friend or group at a time, and how to make a group, before "Who is it for?". */
    static String severalAtOnce(User person) {
        return CommandStyle.of(person.address()).write(ONE_AT_A_TIME);
    }

    /** That a song goes to one person or one group, before "Who is it for?"; without groups, how to make one. */
    static String oneAtATime(User person, boolean hasGroups) {
        return hasGroups ? "A song goes to one person, or to everyone in one of your groups: tap the group. "
                : CommandStyle.of(person.address()).write("A song goes to one person, or to everyone in a group you "
                + "make ({create_group} Friends, then {add_to_group}). ");
    }
}

package app.sendsongs.core.group;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Add Bob Fisher" taps under what the owner of a group is told about it (made, someone added, its members), so that
 * it is filled by tapping: the owner's most recent contacts ({@link Contacts}) who are registered and not in it yet.
 * Each tap sends the {@code add_to_group} command with the person's whole name; two contacts with one name get one
 * tap, and the add asks which of them was meant, as it does typed. Someone who blocked the owner, whom the add would
 * refuse, is not offered.
 */
final class GroupAddTaps {
    /** The most people offered at once: a few, leaving room for the message's other taps. */
    static final int MOST = 3;
    /** Messenger shows a quick reply's first 20 characters. */
    private static final int SHORT_TITLE = 20;
    private static final String ADD = "Add ";

    private final GroupStore groups;
    private final UserStore users;
    private final PreferenceStore preferences;
    private final Contacts contacts;
    private final GroupFinder finder;

    GroupAddTaps(GroupStore groups, UserStore users, PreferenceStore preferences, Contacts contacts,
                 GroupFinder finder) {
        this.groups = groups;
        this.users = users;
        this.preferences = preferences;
        this.contacts = contacts;
        this.finder = finder;
    }

    /** Up to {@value #MOST} taps that add one of the owner's latest contacts to {@code group}, the latest first. */
    List<Choice> forGroup(User owner, Group group) {
        Set<ChatAddress> members = groups.membersOf(group.id()).stream().map(GroupMember::member)
                .collect(Collectors.toSet());
        String command = "add_to_group " + GroupNames.argument(finder.reference(owner, group)) + " ";
        List<User> offered = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ChatAddress contact : contacts.contactsOf(owner.address())) {
            if (offered.size() == MOST) {
                break;
            }
            if (members.contains(contact)) {
                continue;
            }
            users.findUser(contact).filter(person -> !person.name().contains("\""))
                    // the add would fail ("I couldn't add …"): someone who blocked the owner is not offered
                    .filter(person -> !preferences.preferencesOf(person.address()).blocks(owner.address()))
                    .filter(person -> Payload.fits(command + "\"" + person.name() + "\""))
                    .filter(person -> names.add(person.nameKey())).ifPresent(offered::add);
        }
        return offered.stream().map(person -> new Choice(title(person, offered),
                command + "\"" + person.name() + "\"")).toList();
    }

    /** "Add Bob Fisher", or "Add Bob" when the whole name would be cut and no other person offered is a Bob. */
    private static String title(User person, List<User> offered) {
        String whole = ADD + person.name();
        String first = Names.firstName(person.name());
        boolean firstTellsApart = offered.stream().filter(other -> Names.key(Names.firstName(other.name()))
                .equals(Names.key(first))).count() == 1;
        return whole.length() > SHORT_TITLE && firstTellsApart ? ADD + first : whole;
    }
}

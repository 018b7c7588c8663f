package app.sendsongs.core.group;

import app.sendsongs.core.share.Acquaintances;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.UserStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A person's contacts: the people they sent songs to or had songs from (the latest exchange first), then the members
 * of their groups. At most {@value #MAX_CONTACTS}, so a first-name lookup stays a bounded number of reads.
 */
public final class Contacts implements Acquaintances {
    static final int MAX_CONTACTS = 500;

    private final ShareStore shares;
    private final GroupStore groups;
    private final GroupFinder finder;
    private final UserStore users;

    public Contacts(ShareStore shares, GroupStore groups, GroupFinder finder, UserStore users) {
        this.shares = shares;
        this.groups = groups;
        this.finder = finder;
        this.users = users;
    }

    @Override
    public List<ChatAddress> contactsOf(ChatAddress person) {
        Set<ChatAddress> contacts = new LinkedHashSet<>();
        Stream.concat(shares.sharesSentBy(person).stream(), shares.sharesReceivedBy(person).stream())
                .sorted(Comparator.comparing(Share::createdAt).reversed())
                .forEach(share -> contacts.add(share.sender().equals(person) ? share.receiver() : share.sender()));
        for (Group group : groups.groupsOf(person)) {
            groups.membersOf(group.id()).forEach(member -> contacts.add(member.member()));
        }
        contacts.remove(person);
        return new ArrayList<>(contacts).subList(0, Math.min(MAX_CONTACTS, contacts.size()));
    }

    @Override
    public List<String> groupsInCommon(ChatAddress person, ChatAddress other) {
        List<Group> theirs = groups.groupsOf(other);
        return users.findUser(person).map(asker -> groups.groupsOf(person).stream()
                .filter(group -> theirs.stream().anyMatch(g -> g.id().equals(group.id())))
                .map(group -> finder.reference(asker, group)).toList()).orElse(List.of());
    }
}

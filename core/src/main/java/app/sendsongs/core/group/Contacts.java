package app.sendsongs.core.group;

import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Acquaintances;
import app.sendsongs.core.share.Exchange;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.UserStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A person's contacts: the people of their latest shares, sent or received (the latest exchange first), then the
 * members of their groups. At most {@value #MAX_CONTACTS}, so a first-name lookup stays a bounded number of reads.
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

    /**
     * Read from the person's latest {@value #MAX_CONTACTS} shares each way, not their whole history: every pasted
     * link and every name typed as a first name asks for this, and a person's shares only grow.
     */
    @Override
    public List<ChatAddress> contactsOf(ChatAddress person) {
        Set<ChatAddress> contacts = new LinkedHashSet<>(shares.latestCounterparts(person, MAX_CONTACTS));
        for (Group group : groups.groupsOf(person)) {
            groups.membersOf(group.id()).forEach(member -> contacts.add(member.member()));
        }
        contacts.remove(person);
        return new ArrayList<>(contacts).subList(0, Math.min(MAX_CONTACTS, contacts.size()));
    }

    /** The latest {@value #MAX_CONTACTS} songs each way, as {@link #contactsOf} reads them: one read of the shares. */
    @Override
    public List<Exchange> exchangesOf(ChatAddress person) {
        return shares.latestExchanges(person, MAX_CONTACTS);
    }

    /** Reads the latest {@value #MAX_CONTACTS} songs each sent, as {@link #contactsOf} does. */
    @Override
    public boolean knownApartFrom(ChatAddress person, ChatAddress other, String shareId) {
        boolean otherSongs = Stream.concat(latestSent(person, other), latestSent(other, person))
                .anyMatch(share -> !share.id().equals(shareId));
        if (otherSongs) {
            return true;
        }
        Set<String> theirs = groups.groupsOf(other).stream().map(Group::id).collect(Collectors.toSet());
        return groups.groupsOf(person).stream().anyMatch(group -> theirs.contains(group.id()));
    }

    private Stream<Share> latestSent(ChatAddress sender, ChatAddress receiver) {
        return shares.latestSentBy(sender, MAX_CONTACTS).stream().filter(share -> share.receiver().equals(receiver));
    }

    /**
     * Read from the person's latest {@value #MAX_CONTACTS} songs received, as {@link #contactsOf} reads them: every
     * pasted link asks for this.
     */
    @Override
    public List<ChatAddress> sendersOf(ChatAddress person, TrackId track) {
        return shares.latestReceivedBy(person, MAX_CONTACTS).stream()
                .filter(share -> share.track().id().equals(track)).map(Share::sender).distinct().toList();
    }

    @Override
    public List<String> groupsInCommon(ChatAddress person, ChatAddress other) {
        List<Group> theirs = groups.groupsOf(other);
        return users.findUser(person).map(asker -> groups.groupsOf(person).stream()
                .filter(group -> theirs.stream().anyMatch(g -> g.id().equals(group.id())))
                .map(group -> finder.reference(asker, group)).toList()).orElse(List.of());
    }
}

package app.sendsongs.core.compose;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.group.GroupChoice;
import app.sendsongs.core.group.Groups;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Acquaintances;
import app.sendsongs.core.share.TellingNames;
import app.sendsongs.core.share.WhichPerson;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the people and groups a song may go to are shown: what "Who is it for?" offers as taps (recent contacts, then
 * groups, then "Someone else"), and the name of who it is for in a sentence.
 */
final class RecipientTaps {
    static final int PEOPLE_OFFERED = 9;
    private static final int GROUPS_OFFERED = 3;
    /** The last tap of "Who is it for?": the name is typed ("Type a name" when nobody is offered). */
    static final Choice SOMEONE_ELSE = new Choice("Someone else", "to");
    static final Choice TYPE_A_NAME = new Choice("Type a name", "to");
    /** What a group's tap shows before its name. */
    private static final String GROUP_MARK = "👥";

    private final UserStore users;
    private final Acquaintances acquaintances;
    private final Groups groups;
    private final WhichPerson whichPerson;
    private final TellingNames names;

    RecipientTaps(UserStore users, Acquaintances acquaintances, Groups groups, WhichPerson whichPerson,
                  TellingNames names) {
        this.users = users;
        this.acquaintances = acquaintances;
        this.groups = groups;
        this.whichPerson = whichPerson;
        this.names = names;
    }

    /** The people and groups offered as taps, in order, and the title of each one's tap. */
    record Offer(List<Recipient> recipients, List<String> titles) {
    }

    /**
     * What "Who is it for?" offers for {@code track}: {@code first}, then the person's recent contacts, {@code people}
     * people at most, then their groups, {@value #GROUPS_OFFERED} at most. A contact who sent the person this song is
     * left out (they have it: passing on a song just got would offer its sender first); one named in {@code first}
     * stays.
     */
    Offer offerOf(User person, TrackId track, List<Recipient> first, int people) {
        List<Recipient> offered = new ArrayList<>();
        List<User> friends = new ArrayList<>();
        List<ChatAddress> haveIt = acquaintances.sendersOf(person.address(), track);
        Stream<ChatAddress> contacts = acquaintances.contactsOf(person.address()).stream()
                .filter(contact -> !haveIt.contains(contact));
        Stream.concat(first.stream().flatMap(recipient -> recipient instanceof Recipient.Person(var address)
                        ? Stream.of(address) : Stream.empty()), contacts)
                .distinct().map(users::findUser).flatMap(Optional::stream).limit(people).forEach(friend -> {
                    offered.add(new Recipient.Person(friend.address()));
                    friends.add(friend);
                });
        List<GroupChoice> theirs = groups.groupsOf(person);
        List<String> firstGroups = first.stream().flatMap(recipient -> recipient instanceof Recipient.Group(var id)
                ? Stream.of(id) : Stream.empty()).toList();
        Stream.concat(firstGroups.stream(), theirs.stream().map(GroupChoice::groupId)).distinct()
                .filter(id -> theirs.stream().anyMatch(group -> group.groupId().equals(id))).limit(GROUPS_OFFERED)
                .forEach(id -> offered.add(new Recipient.Group(id)));
        List<Recipient> ordered = new ArrayList<>(first.stream().filter(offered::contains).toList());
        offered.stream().filter(recipient -> !ordered.contains(recipient)).forEach(ordered::add);
        // two friends of one name (one on each chat app, say) are told apart as "which one?" tells them
        List<String> told = whichPerson.tapTitles(person, friends);
        List<String> titles = ordered.stream().map(recipient -> switch (recipient) {
            case Recipient.Person(ChatAddress address) -> told.get(offered.indexOf(recipient));
            case Recipient.Group(String groupId) -> theirs.stream().filter(group -> group.groupId().equals(groupId))
                    .map(group -> GROUP_MARK + " " + group.name()).findFirst().orElseThrow();
        }).toList();
        return new Offer(ordered, titles);
    }

    /** The taps of "Who is it for?" asked again: the people and groups it offered, then "Someone else". */
    List<Choice> whoTaps(ShareDraft draft) {
        List<Choice> taps = new ArrayList<>(taps(draft));
        taps.add(draft.offered().isEmpty() ? TYPE_A_NAME : SOMEONE_ELSE);
        return taps;
    }

    /** The people and groups offered when the share began, as taps again, titled as they were. */
    List<Choice> taps(ShareDraft draft) {
        return offeredTaps(draft, titles(draft.person(), draft.offered()));
    }

    /** A tap for each of the people and groups {@code draft} offers, titled {@code titles}, in order. */
    static List<Choice> offeredTaps(ShareDraft draft, List<String> titles) {
        List<Choice> taps = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            taps.add(new Choice(titles.get(i), Command.Choose.payload(i + 1, draft.offerKey(), draft.track())));
        }
        return taps;
    }

    /**
     * The titles of the taps for {@code offered}, in order: a person's name, or, when two of them share it, what tells
     * them apart ({@link WhichPerson#tapTitles}); a group's name after its mark.
     */
    private List<String> titles(ChatAddress asker, List<Recipient> offered) {
        List<User> people = offered.stream().flatMap(recipient -> recipient instanceof Recipient.Person(var address)
                ? users.findUser(address).stream() : Stream.empty()).toList();
        List<String> told = users.findUser(asker).map(person -> whichPerson.tapTitles(person, people))
                .orElseGet(() -> people.stream().map(User::name).toList());
        Map<ChatAddress, String> titleOf = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            titleOf.put(people.get(i).address(), told.get(i));
        }
        return offered.stream().map(recipient -> recipient instanceof Recipient.Person(var address)
                && titleOf.containsKey(address) ? titleOf.get(address) : tapTitle(asker, recipient)).toList();
    }

    /**
     * Who the song is for, named in a sentence: a person's name, told apart from anyone else of that name, whom "which
     * one?" offered with them ("Bob Fisher (on Telegram)"), a group's as the asker knows it ("Family").
     */
    String name(ChatAddress asker, Recipient recipient) {
        return switch (recipient) {
            case Recipient.Person(ChatAddress address) -> users.findUser(address)
                    .map(person -> names.amongAllOfTheirName(asker, person).of(person))
                    .orElse(User.SOMEONE_WHO_LEFT);
            case Recipient.Group(String groupId) -> groupName(asker, groupId).orElse("a group you're no longer in");
        };
    }

    /** The title of {@code recipient}'s tap: a person's name, a group's after its mark ("👥 Family"). */
    private String tapTitle(ChatAddress asker, Recipient recipient) {
        return switch (recipient) {
            case Recipient.Person(ChatAddress address) ->
                    users.findUser(address).map(User::name).orElse(User.SOMEONE_WHO_LEFT);
            case Recipient.Group(String groupId) ->
                    groupName(asker, groupId).map(name -> GROUP_MARK + " " + name).orElse("a group you're no longer in");
        };
    }

    private Optional<String> groupName(ChatAddress asker, String groupId) {
        return users.findUser(asker).flatMap(person -> groups.groupsOf(person).stream()
                .filter(g -> g.groupId().equals(groupId)).map(GroupChoice::name).findFirst());
    }

    /** A group's name typed as its tap shows it ("👥 Family"), without the mark; other names as they are. */
    static String withoutGroupMark(String name) {
        return name.startsWith(GROUP_MARK) ? name.substring(GROUP_MARK.length()).strip() : name;
    }
}

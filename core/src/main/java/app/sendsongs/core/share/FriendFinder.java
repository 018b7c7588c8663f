package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Typos;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.LookAlikes;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.PersonHandles;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the friend a person means by the name they typed: everyone registered under that name (compared by
 * {@link Names#key}), and, for a single word, every one of the person's contacts with that first name. Several
 * matches are never settled by picking one: the person is asked. A term that is '@' and a handle
 * ({@link Handles#typed}: "@carolk") means the one registered person who has that handle on their platform now.
 * A name that matches nobody may be a typo of a contact's: {@link #closeContacts} finds those. A name written as a
 * mention, '@' and what no username can be ("@Bob", "@Carol King"), or ending as a sentence does ("Carol King!"), is
 * read without the '@' or the marks when it finds nobody as typed ("Bob F." is a name).
 */
public final class FriendFinder {
    /** Contacts offered at most for a name that matches nobody. */
    static final int MOST_CLOSE = 3;
    /** Names this long or shorter are close to a contact's with one typo; longer ones with two. */
    private static final int SHORT_NAME = 5;
    /** The fewest letters of a first name typed that are read as its short form ({@link #closeContacts}). */
    private static final int SHORT_FORM = 2;
    /** The marks a sentence ends with, after a name typed as one ("Carol King!"). */
    private static final Pattern FINAL_MARKS = Pattern.compile("[.!?…]+$");

    private final UserStore users;
    private final Acquaintances acquaintances;
    private final PersonHandles handles;

    public FriendFinder(UserStore users, Acquaintances acquaintances, PersonHandles handles) {
        this.users = users;
        this.acquaintances = acquaintances;
        this.handles = handles;
    }

    /**
     * What to tell someone who typed a handle no registered person has now: how that person becomes one they can name
     * so (the handle is theirs only once they have started the bot and connected).
     */
    public static String unknownHandle(String handle) {
        return "Nobody with the username @" + handle + " has connected with me yet: they need to start me in their "
                + "chat app and connect their music first.";
    }

    /** Who a typed name means. */
    public sealed interface Lookup {
        record Found(User friend) implements Lookup {
        }

        /** Several people fit; oldest registration first, full-name matches before first-name ones. */
        record Several(List<User> candidates) implements Lookup {
        }

        /** The name is the person's own, and nobody else's. */
        record Yourself() implements Lookup {
        }

        record Nobody() implements Lookup {
        }
    }

    public Lookup find(User asker, String typed) {
        Lookup asTyped = findAsTyped(asker, typed);
        return asTyped instanceof Lookup.Nobody ? meant(typed).map(name -> find(asker, name)).orElse(asTyped)
                : asTyped;
    }

    /**
     * The name {@code typed} means when it finds nobody as typed: without the '@' of a mention ("@Bob"; no username
     * has that shape), or without the marks a sentence ends with ("Carol King!", "Bob?").
     */
    private static Optional<String> meant(String typed) {
        Optional<String> mentioned = Handles.mentioned(typed);
        if (mentioned.isPresent()) {
            return mentioned;
        }
        String unmarked = FINAL_MARKS.matcher(typed.strip()).replaceAll("").strip();
        return unmarked.isEmpty() || unmarked.equals(typed.strip()) ? Optional.empty() : Optional.of(unmarked);
    }

    private Lookup findAsTyped(User asker, String typed) {
        Optional<String> handle = Handles.typed(typed);
        if (handle.isPresent()) {
            return byHandle(asker, handle.get());
        }
        List<User> byName = users.findUsersByName(typed);
        List<User> candidates = new ArrayList<>(byName.stream()
                .filter(u -> !u.address().equals(asker.address())).toList());
        String key = Names.key(typed);
        if (!key.isEmpty() && !key.contains(" ")) {
            Predicate<User> named = knownAs(asker, key);
            for (ChatAddress contact : acquaintances.contactsOf(asker.address())) {
                if (candidates.stream().noneMatch(u -> u.address().equals(contact))) {
                    users.findUser(contact).filter(named).ifPresent(candidates::add);
                }
            }
        }
        contactsOnceNamed(asker, typed).stream()
                .filter(u -> candidates.stream().noneMatch(c -> c.address().equals(u.address())))
                .forEach(candidates::add);
        if (candidates.isEmpty()) {
            return byName.isEmpty() ? new Lookup.Nobody() : new Lookup.Yourself();
        }
        return candidates.size() == 1 ? new Lookup.Found(candidates.getFirst()) : new Lookup.Several(candidates);
    }

    /**
     * The people who had this whole name before they changed it and exchanged a song with the asker while they had
     * it: friends who knew someone by it still find them, and nobody else learns it. One read of the name's former
     * holders; the asker's exchanges only when there are some.
     */
    private List<User> contactsOnceNamed(User asker, String typed) {
        List<User> onceNamed = users.findUsersOnceNamed(typed).stream()
                .filter(u -> !u.address().equals(asker.address())).toList();
        if (onceNamed.isEmpty()) {
            return List.of();
        }
        String key = Names.key(typed);
        KnownFormerNames known = new KnownFormerNames(acquaintances, asker.address());
        return onceNamed.stream().filter(u -> known.knowsBy(u, former -> former.key().equals(key))).toList();
    }

    /**
     * Whether {@code typed} names {@code person} as {@link #find} reads a name: their whole name, or their first, now
     * or before they changed it (whoever knew them by it: this tells apart the people a question already offered).
     */
    public static boolean isNamed(User person, String typed) {
        if (Handles.typed(typed).isPresent()) {
            return false; // a handle names whoever has it now, never someone by their name
        }
        String key = Names.key(typed);
        return isNamed(person.name(), key) || wasNamed(person, key);
    }

    private static boolean wasNamed(User person, String key) {
        return person.formerNames().stream().anyMatch(former -> isNamed(former.name(), key));
    }

    /**
     * Who {@code key} (of a name, not a handle) names as the asker knows people: by their whole name or first name,
     * now, or before they changed it while the two exchanged a song.
     */
    private Predicate<User> knownAs(User asker, String key) {
        KnownFormerNames known = new KnownFormerNames(acquaintances, asker.address());
        return person -> isNamed(person.name(), key) || known.knowsBy(person, former -> isNamed(former.name(), key));
    }

    private static boolean isNamed(String name, String key) {
        return Names.key(name).equals(key) || !key.contains(" ") && Names.key(Names.firstName(name)).equals(key);
    }

    /**
     * Whether {@code typed} names {@code person} among people the asker already has in view (a group's members): their
     * whole name or first name, now or before they changed it while they exchanged a song with the asker, or, for a
     * handle, whether they are the one who has it now.
     */
    public Predicate<User> naming(User asker, String typed) {
        if (Handles.typed(typed).isEmpty()) {
            return knownAs(asker, Names.key(typed));
        }
        Optional<ChatAddress> holder = switch (find(asker, typed)) {
            case Lookup.Found(User friend) -> Optional.of(friend.address());
            case Lookup.Yourself() -> Optional.of(asker.address());
            default -> Optional.empty(); // a handle is one person's or nobody's
        };
        return person -> holder.filter(person.address()::equals).isPresent();
    }

    /** Whether the typed name (or handle) means nobody, the asker included. */
    public boolean matchesNobody(User asker, String typed) {
        return find(asker, typed) instanceof Lookup.Nobody;
    }

    /**
     * Whether the typed name (not a handle) means none of the asker's contacts: nobody at all, or only people the asker
     * never exchanged a song with nor shares a group with. Anyone may take any name, so a stranger who took the name of
     * one of the asker's groups must not come between the asker and that group.
     */
    public boolean meansNoContact(User asker, String typed) {
        if (Handles.typed(typed).isPresent()) {
            return false; // a handle names whoever has it, whatever group has the same letters
        }
        return switch (find(asker, typed)) {
            case Lookup.Nobody() -> true;
            case Lookup.Yourself() -> false;
            case Lookup.Found(User friend) -> noneKnown(asker, List.of(friend));
            case Lookup.Several(List<User> candidates) -> noneKnown(asker, candidates);
        };
    }

    /**
     * The asker's contacts the typed name (not a handle) finds, whole or as a first name; none for anyone else's, so
     * that a stranger who took a name is never offered for it.
     */
    public List<User> contactsNamed(User asker, String typed) {
        if (Handles.typed(typed).isPresent()) {
            return List.of();
        }
        List<User> found = switch (find(asker, typed)) {
            case Lookup.Found(User friend) -> List.of(friend);
            case Lookup.Several(List<User> candidates) -> candidates;
            case Lookup.Yourself() -> List.<User>of();
            case Lookup.Nobody() -> List.<User>of();
        };
        List<ChatAddress> contacts = acquaintances.contactsOf(asker.address());
        return found.stream().filter(person -> contacts.contains(person.address())).toList();
    }

    private boolean noneKnown(User asker, List<User> people) {
        List<ChatAddress> contacts = acquaintances.contactsOf(asker.address());
        return people.stream().noneMatch(person -> contacts.contains(person.address()));
    }

    /**
     * The asker's contacts (never anyone else: that would tell who is registered) whose name is a typo or two from
     * the typed one ({@link Typos#distance}, one for a name of up to {@value #SHORT_NAME} letters, two for a longer
     * one): the full name, or the first name when one word was typed; or whose first name the one word typed is a
     * short form of ("Al", "Tom" for Thomas), after those; closest first, then most recent contact. For a name that
     * matched nobody. A handle nobody has is read as a name ("@carol", "@carol_king"): people mention
     * friends so in other apps.
     */
    public List<User> closeContacts(User asker, String typed) {
        String key = Names.key(Handles.typed(typed).map(handle -> handle.replace('_', ' '))
                .or(() -> Handles.mentioned(typed)).orElse(typed));
        if (key.isEmpty()) {
            return List.of();
        }
        int allowed = key.length() <= SHORT_NAME ? 1 : 2;
        Map<User, Integer> close = new LinkedHashMap<>();
        for (ChatAddress contact : acquaintances.contactsOf(asker.address())) {
            users.findUser(contact).filter(u -> !u.address().equals(asker.address())).ifPresent(u -> {
                int typos = typos(key, u);
                if (typos <= allowed) {
                    close.putIfAbsent(u, typos);
                } else if (shortFormOfFirstName(key, u)) {
                    close.putIfAbsent(u, allowed + 1);
                }
            });
        }
        return close.keySet().stream().sorted(Comparator.comparing(close::get)).limit(MOST_CLOSE).toList();
    }

    /**
     * Whether one typed word is a short form of the person's first name: its start ("Al" for Alice, "Rob" for
     * Roberto), or, from the same first letter, some of its letters in order ("Tom" for Thomas, "Kate" for Katherine).
     */
    private static boolean shortFormOfFirstName(String key, User person) {
        String firstName = Names.key(Names.firstName(person.name()));
        if (key.contains(" ") || key.length() < SHORT_FORM || key.length() >= firstName.length()
                || key.charAt(0) != firstName.charAt(0)) {
            return false;
        }
        int at = 0;
        for (char letter : key.toCharArray()) {
            at = firstName.indexOf(letter, at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }

    /** How many typos turn the typed name into the person's, or into their first name when one word was typed. */
    private static int typos(String key, User person) {
        int full = Typos.distance(key, person.nameKey());
        String firstName = Names.key(Names.firstName(person.name()));
        return key.contains(" ") ? full : Math.min(full, Typos.distance(key, firstName));
    }

    private Lookup byHandle(User asker, String handle) {
        return handles.find(handle).<Lookup>map(holder -> holder.address().equals(asker.address())
                ? new Lookup.Yourself() : new Lookup.Found(holder)).orElseGet(Lookup.Nobody::new);
    }

    /**
     * What {@link #knownNamesake} found: the contact of the person's whom the stranger could pass for, if any, and
     * everyone registered under the stranger's name now, the stranger too (read for it anyway: {@link TellingNames}
     * needs no read of its own to name the stranger to the person).
     */
    public record NamesakeLook(Optional<User> known, List<User> holders) {
    }

    /**
     * Someone {@code person} knows (a contact) who has {@code stranger}'s name or a name that looks like it
     * ({@link LookAlikes#alike}), or had one before changing it while the two exchanged a song (the person's
     * exchanges are read only for such a one), when {@code stranger} is not a contact of theirs. Two
     * reads (the name's holders now and before) when nobody else has it, as for most names, and two more for each
     * other name it could pass for ({@link LookAlikes#spellings}: "Bob Fisher" for a "ВоЬ Fisher" in Cyrillic letters
     * or a "B0b Fisher" with a zero).
     */
    public NamesakeLook knownNamesake(User stranger, ChatAddress person) {
        return knownNamesake(stranger, person, contacts -> contacts.contains(stranger.address()));
    }

    /**
     * As {@link #knownNamesake}, as it was before {@code theirSong}, the stranger's song to the person, was stored:
     * for a run finishing a send cut short after that, when the song itself has made them a contact.
     */
    public NamesakeLook knownNamesakeBefore(User stranger, Share theirSong) {
        ChatAddress person = theirSong.receiver();
        return knownNamesake(stranger, person, contacts -> contacts.contains(stranger.address())
                && acquaintances.knownApartFrom(person, stranger.address(), theirSong.id()));
    }

    private NamesakeLook knownNamesake(User stranger, ChatAddress person, Predicate<List<ChatAddress>> known) {
        List<User> holders = users.findUsersByName(stranger.name());
        List<String> spellings = LookAlikes.spellings(stranger.name());
        List<User> namesakes = Stream.of(holders.stream(),
                        spellings.stream().flatMap(name -> users.findUsersByName(name).stream()),
                        Stream.concat(Stream.of(stranger.name()), spellings.stream())
                                .flatMap(name -> users.findUsersOnceNamed(name).stream()))
                .flatMap(found -> found)
                .filter(u -> !u.address().equals(stranger.address()))
                .filter(u -> nowOrBefore(u).anyMatch(name -> LookAlikes.alike(name, stranger.name()))).toList();
        if (namesakes.isEmpty()) {
            return new NamesakeLook(Optional.empty(), holders);
        }
        List<ChatAddress> contacts = acquaintances.contactsOf(person);
        if (known.test(contacts)) {
            return new NamesakeLook(Optional.empty(), holders);
        }
        KnownFormerNames formerNames = new KnownFormerNames(acquaintances, person);
        String name = stranger.name();
        return new NamesakeLook(namesakes.stream().filter(u -> contacts.contains(u.address()))
                .filter(u -> LookAlikes.alike(u.name(), name)
                        || formerNames.knowsBy(u, former -> LookAlikes.alike(former.name(), name)))
                .findFirst(), holders);
    }

    private static Stream<String> nowOrBefore(User person) {
        return Stream.concat(Stream.of(person.name()), person.formerNames().stream().map(FormerName::name));
    }

    /**
     * Who a whole name means in a choice about senders ({@code block}, {@code unblock}, {@code receipts}): when some of
     * {@code known} (the people who sent {@code receiver} songs or whom they made a choice about, the likeliest first)
     * have it, those, then the receiver's other contacts of that name; one is found, several are asked about, as
     * {@link #find} asks: a choice already made about one of them does not settle which one the receiver means now.
     * Else as {@link #find}. Reads the name's holders and the receiver's contacts only when one of {@code known} has
     * it.
     */
    public Lookup findSender(User receiver, String typed, List<User> known) {
        String key = Names.key(typed);
        List<User> people = new ArrayList<>(known.stream().filter(u -> u.nameKey().equals(key)).toList());
        if (people.isEmpty()) {
            return find(receiver, typed);
        }
        List<ChatAddress> contacts = acquaintances.contactsOf(receiver.address());
        users.findUsersByName(typed).stream()
                .filter(u -> !u.address().equals(receiver.address()) && contacts.contains(u.address()))
                .filter(u -> people.stream().noneMatch(person -> person.address().equals(u.address())))
                .forEach(people::add);
        return people.size() == 1 ? new Lookup.Found(people.getFirst()) : new Lookup.Several(people);
    }
}

package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Texts;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What tells people of one name apart, as a friend would know it ({@link WhichPerson}'s "which one?", and
 * {@link TellingNames}): the groups they share with the asker, songs exchanged, the name the asker knew them by before
 * they changed it (someone who took a friend's name), their platform, and when they joined: the day, the time when
 * that would leave two alike, and which of them joined first when even the minute would.
 */
final class TellingApart {
    private static final int GROUPS_SHOWN = 2;
    /** The order people alike in all else joined in, up to the most "which one?" offers. */
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth");

    private TellingApart() {
    }

    /**
     * What tells each of {@code people} apart from the others of their name, as the asker's "which one?" would say
     * it on its own, the chat app first ("on Telegram", when none of the others is on it), else as the question's taps
     * do ("in Family with you", "joined 1 May 2030"): for naming one of two people of one name the asker knows
     * anywhere else ({@link TellingNames}). {@code contacts} are the asker's; groups in common are read only when the
     * chat app does not tell someone apart.
     */
    static List<String> tellingLines(Acquaintances acquaintances, ChatAddress asker, List<ChatAddress> contacts,
                                     List<User> people) {
        List<Boolean> byApp = people.stream().map(person -> {
            List<User> namesakes = people.stream()
                    .filter(other -> other != person && other.nameKey().equals(person.nameKey())).toList();
            return !namesakes.isEmpty() && namesakes.stream()
                    .noneMatch(other -> other.address().platform().equals(person.address().platform()));
        }).toList();
        List<Description> described = byApp.contains(false) ? describe(acquaintances, asker, contacts, people)
                : List.of();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            lines.add(byApp.get(i) ? "on " + people.get(i).address().platform().displayName()
                    : described.get(i).tellingLine());
        }
        return lines;
    }

    private static List<Description> describe(Acquaintances acquaintances, ChatAddress asker,
                                              List<ChatAddress> contacts, List<User> offered) {
        return describe(acquaintances, asker, contacts, offered, person -> List.of());
    }

    static List<Description> describe(Acquaintances acquaintances, ChatAddress asker,
                                              List<ChatAddress> contacts, List<User> offered,
                                              Function<User, List<Fact>> first) {
        boolean platformsDiffer = offered.stream().map(user -> user.address().platform()).distinct().count() > 1;
        KnownFormerNames formerNames = new KnownFormerNames(acquaintances, asker);
        List<List<Fact>> facts = offered.stream().map(candidate -> {
            List<Fact> all = new ArrayList<>(first.apply(candidate));
            all.addAll(facts(acquaintances, asker, candidate, contacts, formerNames, platformsDiffer));
            return List.copyOf(all);
        }).toList();
        List<Description> described = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Instant joined = offered.get(i).registeredAt();
            if (!lookAlike(i, offered, facts, Texts::day)) {
                described.add(new Description(facts.get(i), telling(i, offered, facts), Texts.day(joined)));
                continue;
            }
            List<User> sameMinute = alike(i, offered, facts, Texts::when);
            described.add(sameMinute.size() < 2
                    ? new Description(facts.get(i), telling(i, offered, facts), Texts.when(joined))
                    : inOrder(facts.get(i), offered.get(i), sameMinute));
        }
        return described;
    }

    /**
     * {@code person}, who looks like the others of {@code sameMinute} in all else and joined in the same minute, told
     * apart by the order they joined in ("the first of the two"): nothing else the bot may tell is left, never an
     * account id. The same people come in the same order each time (by when they joined, then by something fixed).
     */
    private static Description inOrder(List<Fact> facts, User person, List<User> sameMinute) {
        List<User> ordered = sameMinute.stream().sorted(Comparator.comparing(User::registeredAt)
                .thenComparing(user -> user.address().key())).toList();
        int place = ordered.indexOf(person);
        String ordinal = place < ORDINALS.size() ? ORDINALS.get(place) : "number " + (place + 1);
        String of = ordered.size() == 2 ? "two" : Integer.toString(ordered.size());
        return new Description(facts, Optional.empty(), Texts.when(person.registeredAt()) + ", the " + ordinal
                + " of the " + of, "joined " + ordinal);
    }

    /**
     * The first of the facts of the person at {@code index} that some other person of their name lacks: the one that
     * tells them apart on a tap (a group both Bob Fishers share with the asker does not, the app each is on does).
     */
    private static Optional<Fact> telling(int index, List<User> offered, List<List<Fact>> facts) {
        String name = offered.get(index).nameKey();
        List<Set<String>> others = new ArrayList<>();
        for (int other = 0; other < offered.size(); other++) {
            if (other != index && offered.get(other).nameKey().equals(name)) {
                others.add(facts.get(other).stream().map(Fact::onTap).collect(Collectors.toSet()));
            }
        }
        return facts.get(index).stream()
                .filter(fact -> others.isEmpty() || others.stream().anyMatch(their -> !their.contains(fact.onTap())))
                .findFirst();
    }

    private static List<Fact> facts(Acquaintances acquaintances, ChatAddress asker, User candidate,
                                    List<ChatAddress> contacts, KnownFormerNames formerNames,
                                    boolean platformsDiffer) {
        List<Fact> facts = new ArrayList<>();
        // first: what best tells someone who took a friend's name from that friend, or a friend who left a name
        formerNames.lastKnownOtherName(candidate)
                .ifPresent(name -> facts.add(new Fact("you knew them as " + name, "was " + Names.firstName(name))));
        List<String> groups = acquaintances.groupsInCommon(asker, candidate.address());
        if (!groups.isEmpty()) {
            facts.add(new Fact("in " + String.join(", ", groups.subList(0, Math.min(GROUPS_SHOWN, groups.size())))
                    + " with you", groups.getFirst()));
        } else if (contacts.contains(candidate.address())) {
            facts.add(new Fact("exchanged songs with you", "a contact"));
        }
        if (platformsDiffer) {
            String platform = candidate.address().platform().displayName();
            facts.add(new Fact("on " + platform, platform));
        }
        return facts;
    }

    /** Whether another person offered has the same name and facts and joined when {@code joined} says the same. */
    private static boolean lookAlike(int index, List<User> offered, List<List<Fact>> facts,
                                     Function<Instant, String> joined) {
        return alike(index, offered, facts, joined).size() > 1;
    }

    /**
     * The person offered at {@code index} and everyone offered who has their name and facts and joined when
     * {@code joined} says the same (the day, or the minute), in the order offered.
     */
    private static List<User> alike(int index, List<User> offered, List<List<Fact>> facts,
                                    Function<Instant, String> joined) {
        User person = offered.get(index);
        String when = joined.apply(person.registeredAt());
        List<User> alike = new ArrayList<>();
        for (int other = 0; other < offered.size(); other++) {
            if (other == index || offered.get(other).nameKey().equals(person.nameKey())
                    && facts.get(other).equals(facts.get(index))
                    && joined.apply(offered.get(other).registeredAt()).equals(when)) {
                alike.add(offered.get(other));
            }
        }
        return alike;
    }

    /** One thing that tells a person apart: as the question's line says it, and as a tap's short title does. */
    record Fact(String inLine, String onTap) {
    }

    /**
     * The facts that tell a person apart, the one of them that does so on a tap, and when they joined (a day, or a day
     * and time).
     */
    record Description(List<Fact> facts, Optional<Fact> telling, String joined, String joinedOnTap) {
        Description(List<Fact> facts, Optional<Fact> telling, String joined) {
            this(facts, telling, joined, joined);
        }

        String line() {
            return facts.stream().map(fact -> fact.inLine() + ", ").collect(Collectors.joining()) + "joined " + joined;
        }

        /** A tap's title for {@code person}: their first name and the telling fact, else when they joined. */
        String tapTitle(User person) {
            return Names.firstName(person.name()) + " · " + telling.map(Fact::onTap).orElse(joinedOnTap);
        }

        /** The telling fact as a line says it ("on Telegram"), else when they joined. */
        String tellingLine() {
            return telling.map(Fact::inLine).orElse("joined " + joined);
        }
    }
}

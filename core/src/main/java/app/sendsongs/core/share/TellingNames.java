package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the bot names people to someone, the reader of an answer or notice: by their name, and, where the reader knows
 * another person of that name (a contact of theirs, {@link Acquaintances}, with the same {@link User#nameKey}), with
 * what tells them apart as "which one?" tells them ({@link TellingApart#tellingLines}): "Bob Fisher (on Telegram)",
 * "Bob Fisher (in Family with you)", "Bob Fisher (joined 1 May 12:00 UTC, the second of the two)" for two alike in all
 * else who joined in the same minute; nothing where that would not tell them apart. Two people of one name named in the same answer are told apart too, and so is someone the reader picked at
 * "which one?" from everyone else of their name ({@link #amongAllOfTheirName}). One read of the names' holders for a
 * whole answer ({@link UserStore#findUsersByNames}), none where the caller has them already ({@link Holders#of}); the
 * reader's contacts, and what tells people apart, are read only when someone else has one of its names.
 */
public final class TellingNames {
    private final UserStore users;
    private final Acquaintances acquaintances;

    public TellingNames(UserStore users, Acquaintances acquaintances) {
        this.users = users;
        this.acquaintances = acquaintances;
    }

    /** The people named in an answer, and everyone else who has one of their names. */
    public record Holders(List<User> named, Map<String, List<User>> byName) {
        /** For one person named, {@code withTheirName} being everyone registered under their name, read already. */
        public static Holders of(User person, List<User> withTheirName) {
            return new Holders(List.of(person), withTheirName.stream().collect(Collectors.groupingBy(User::nameKey)));
        }

        /** Whether nobody but the {@code reader} and the people named has any of their names, as for most names. */
        boolean noneElse(ChatAddress reader) {
            return named.stream().noneMatch(person -> byName.getOrDefault(person.nameKey(), List.of()).stream()
                    .anyMatch(other -> !other.address().equals(person.address())
                            && !other.address().equals(reader)));
        }
    }

    /** How one reader is shown the names of the people named. */
    public record Shown(Map<ChatAddress, String> told) {
        static final Shown PLAIN = new Shown(Map.of());

        /** The person's name, with what tells them apart when the reader knows another of that name. */
        public String of(User person) {
            return told.getOrDefault(person.address(), person.name());
        }

        /** As {@link #of(User)}; {@code otherwise} for someone no longer registered. */
        public String of(Optional<User> person, String otherwise) {
            return person.map(this::of).orElse(otherwise);
        }
    }

    /** Everyone who has the name of one of {@code people}: one read, for one or many readers. */
    public Holders holdersOf(Collection<User> people) {
        List<User> named = people.stream().collect(Collectors.toMap(User::address, person -> person,
                (first, again) -> first, LinkedHashMap::new)).values().stream().toList();
        if (named.isEmpty()) {
            return new Holders(named, Map.of());
        }
        return new Holders(named, users.findUsersByNames(named.stream().map(User::name).toList()).stream()
                .collect(Collectors.groupingBy(User::nameKey)));
    }

    /** How {@code reader} is shown the names of {@code people}. */
    public Shown to(ChatAddress reader, Collection<User> people) {
        return to(reader, holdersOf(people));
    }

    /**
     * How {@code reader} is shown {@code person} whom they picked among everyone of that name, contacts or not, as
     * "which one?" offered them all: told apart from all the others, as the question told them apart; their plain name
     * when nobody else has it. One read, as {@link #to(ChatAddress, Collection)}.
     */
    public Shown amongAllOfTheirName(ChatAddress reader, User person) {
        Holders holders = holdersOf(List.of(person));
        return to(reader, holders, holders.byName().getOrDefault(person.nameKey(), List.of()).stream()
                .map(User::address).toList());
    }

    /** How {@code reader} is shown the names of the people of {@code holders}. */
    public Shown to(ChatAddress reader, Holders holders) {
        return to(reader, holders, List.of());
    }

    private Shown to(ChatAddress reader, Holders holders, Collection<ChatAddress> offered) {
        if (holders.noneElse(reader)) {
            return Shown.PLAIN;
        }
        List<ChatAddress> contacts = acquaintances.contactsOf(reader);
        Set<ChatAddress> known = new HashSet<>(contacts);
        known.addAll(offered);
        Map<ChatAddress, String> told = new HashMap<>();
        Map<String, List<User>> namedByName = holders.named().stream()
                .collect(Collectors.groupingBy(User::nameKey, LinkedHashMap::new, Collectors.toList()));
        namedByName.forEach((name, named) -> {
            List<User> together = new ArrayList<>(named);
            holders.byName().getOrDefault(name, List.of()).stream()
                    .filter(other -> known.contains(other.address()) && !other.address().equals(reader))
                    .filter(other -> named.stream().noneMatch(person -> person.address().equals(other.address())))
                    .forEach(together::add);
            if (together.size() > 1) {
                List<String> lines = TellingApart.tellingLines(acquaintances, reader, contacts, together);
                for (int i = 0; i < named.size(); i++) {
                    if (lines.indexOf(lines.get(i)) == lines.lastIndexOf(lines.get(i))) { // else it tells nothing
                        told.put(named.get(i).address(), named.get(i).name() + " (" + lines.get(i) + ")");
                    }
                }
            }
        });
        return new Shown(told);
    }
}

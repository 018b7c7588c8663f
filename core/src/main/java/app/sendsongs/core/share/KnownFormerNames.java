package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.FormerName;
import app.sendsongs.core.user.User;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which of others' former names a person could know them by: the ones they had when the two exchanged a song, either
 * way. Read from the person's exchanges ({@link Acquaintances#exchangesOf}), once, and only when someone has a former
 * name in question: most lookups never need them.
 */
final class KnownFormerNames {
    private final Acquaintances acquaintances;
    private final ChatAddress person;
    private List<Exchange> exchanges;

    KnownFormerNames(Acquaintances acquaintances, ChatAddress person) {
        this.acquaintances = acquaintances;
        this.person = person;
    }

    /** Whether the person could know {@code other} by one of their former names that {@code named} takes. */
    boolean knowsBy(User other, Predicate<FormerName> named) {
        List<FormerName> names = other.formerNames().stream().filter(named).toList();
        return !names.isEmpty() && exchangesWith(other)
                .anyMatch(exchange -> names.stream().anyMatch(name -> name.heldAt(exchange.at())));
    }

    /**
     * The name other than their own now by which the person last knew {@code other}: the former name {@code other} had
     * at the latest song the two exchanged under one. Empty when they exchanged none under a name other than today's.
     */
    Optional<String> lastKnownOtherName(User other) {
        List<FormerName> names = other.formerNames().stream()
                .filter(former -> !former.key().equals(other.nameKey())).toList();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return exchangesWith(other).sorted(Comparator.comparing(Exchange::at).reversed())
                .flatMap(exchange -> names.stream().filter(name -> name.heldAt(exchange.at())))
                .map(FormerName::name).findFirst();
    }

    private Stream<Exchange> exchangesWith(User other) {
        if (exchanges == null) {
            exchanges = acquaintances.exchangesOf(person);
        }
        return exchanges.stream().filter(exchange -> exchange.with().equals(other.address()));
    }
}

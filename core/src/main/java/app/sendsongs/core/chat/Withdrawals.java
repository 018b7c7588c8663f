package app.sendsongs.core.chat;

import static app.sendsongs.core.chat.PartIds.messageId;
import static app.sendsongs.core.chat.PartIds.partId;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.StableIds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * What is still held for a person about someone, and taking it back before it goes (a share cancelled, a person
 * forgotten, receipts turned off) or holding a song again in other words; what waited behind what is taken back is
 * made due (see {@link Outbox}).
 */
final class Withdrawals {
    private final OutboxStore store;
    private final Clock clock;
    private final LeasedSend leasedSend;
    private final InOrderSending inOrder;

    Withdrawals(OutboxStore store, Clock clock, LeasedSend leasedSend, InOrderSending inOrder) {
        this.store = store;
        this.clock = clock;
        this.leasedSend = leasedSend;
        this.inOrder = inOrder;
    }

    List<String> heldSongsNaming(ChatAddress to, ChatAddress person) {
        return store.heldMessagesFor(to).stream().filter(held -> held.about().contains(person))
                .flatMap(held -> held.shareId().stream()).toList();
    }

    /** The new wording is held before the first is taken back: never in neither (see {@link Outbox#rewordShare}). */
    void rewordShare(ChatAddress to, String shareId, Message message, ChatAddress from) {
        List<HeldMessage> first = heldParts(to, Outbox.deliveryId(shareId));
        if (first.isEmpty()) {
            return;
        }
        inOrder.send(to, message, MessageKind.UPDATE, rewordedId(shareId), Optional.of(shareId), List.of(from));
        first.forEach(part -> store.releaseHeldMessage(part, leasedSend.keepUntil()));
        leasedSend.nextIsDue(to, clock.instant());
    }

    boolean holds(String id) {
        return !store.heldMessages(List.of(id, partId(id, 0, 2))).isEmpty();
    }

    void withdrawShare(ChatAddress to, String shareId) {
        List<HeldMessage> parts = new ArrayList<>(heldParts(to, Outbox.deliveryId(shareId)));
        parts.addAll(heldParts(to, rewordedId(shareId)));
        parts.forEach(part -> store.releaseHeldMessage(part, leasedSend.keepUntil()));
        if (!parts.isEmpty()) {
            // What waited behind the song (for its retry) would otherwise wait until the person writes.
            leasedSend.nextIsDue(to, clock.instant());
        }
    }

    int withdrawHeld(ChatAddress to, ChatAddress person, BiPredicate<String, String> kind) {
        List<HeldMessage> taken = heldNaming(to, person).entrySet().stream()
                .filter(message -> kind.test(message.getKey(), wholeText(message.getValue())))
                .flatMap(message -> message.getValue().stream()).toList();
        return release(to, taken);
    }

    Map<String, String> heldOfKind(ChatAddress to, ChatAddress person, BiPredicate<String, String> kind) {
        Map<String, String> texts = new LinkedHashMap<>();
        heldNaming(to, person).forEach((id, parts) -> {
            String text = wholeText(parts);
            if (kind.test(id, text)) {
                texts.put(id, text);
            }
        });
        return texts;
    }

    /** The parts still held for {@code to} that name {@code person}, by the id of the message they are parts of. */
    private Map<String, List<HeldMessage>> heldNaming(ChatAddress to, ChatAddress person) {
        return store.heldMessagesFor(to).stream().filter(held -> held.about().contains(person))
                .collect(Collectors.groupingBy(held -> messageId(held.id()), LinkedHashMap::new, Collectors.toList()));
    }

    private static String wholeText(List<HeldMessage> parts) {
        return parts.stream().map(part -> part.message().text()).collect(Collectors.joining("\n"));
    }

    Set<String> heldAmong(ChatAddress to, Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return store.heldMessagesFor(to).stream().map(held -> messageId(held.id())).filter(wanted::contains)
                .collect(Collectors.toSet());
    }

    int withdraw(ChatAddress to, Collection<String> ids) {
        Set<String> taken = Set.copyOf(ids);
        return release(to, store.heldMessagesFor(to).stream().filter(held -> taken.contains(messageId(held.id())))
                .toList());
    }

    /** Releases these parts held for {@code to}, taken back; returns how many. */
    private int release(ChatAddress to, List<HeldMessage> parts) {
        parts.forEach(part -> store.releaseHeldMessage(part, leasedSend.keepUntil()));
        if (!parts.isEmpty()) {
            // What waited behind them would otherwise wait until the person writes.
            leasedSend.nextIsDue(to, clock.instant());
        }
        return parts.size();
    }

    /** Every part still held for {@code to} of the message held under {@code id}. */
    private List<HeldMessage> heldParts(ChatAddress to, String id) {
        return store.heldMessagesFor(to).stream()
                .filter(held -> held.id().equals(id) || held.id().startsWith(id + "#"))
                .toList();
    }

    int withdrawAbout(ChatAddress person) {
        return store.withdrawAbout(person, leasedSend.keepUntil());
    }

    /** The id under which a share's song is held again in other words ({@link #rewordShare}). */
    private static String rewordedId(String shareId) {
        return StableIds.of("delivery reworded", shareId);
    }
}

package app.sendsongs.core.groupchat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The Count me in tapped (or {@code /join} sent) in a group chat by someone not connected yet, kept so they need not go
 * back and tap again: only the chat, only the newest one (one per person: a tap in another chat replaces it), and for
 * {@link #LIFETIME}, as a newcomer's kept song is. Taken once they have registered; forget_me before that deletes it.
 */
final class WaitingTaps {
    /** As long as the welcome's personal link works: past it, they have to ask for another link anyway. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private final GroupChatStore store;
    private final Clock clock;

    WaitingTaps(GroupChatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void keep(ChatAddress newcomer, ChatAddress chat) {
        store.keepTap(new WaitingTap(newcomer, chat, clock.instant().plus(LIFETIME)));
    }

    /** Whether a tap of {@code newcomer} is kept (and not expired). */
    boolean waiting(ChatAddress newcomer) {
        return store.waitingTap(newcomer).filter(tap -> tap.expiresAt().isAfter(clock.instant())).isPresent();
    }

    /** The chat {@code person} tapped in before connecting, if the tap is kept and not expired; it is kept no longer. */
    Optional<ChatAddress> take(ChatAddress person) {
        Optional<WaitingTap> tap = store.waitingTap(person);
        tap.ifPresent(kept -> store.dropTap(person));
        return tap.filter(kept -> kept.expiresAt().isAfter(clock.instant())).map(WaitingTap::chat);
    }

    void forget(ChatAddress person) {
        store.dropTap(person);
    }
}

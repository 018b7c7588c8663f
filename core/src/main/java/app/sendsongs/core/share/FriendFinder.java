package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.PersonHandles;
import app.sendsongs.core.user.User;
import app.sendsongs.core.user.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the friend a person means by the name they typed: everyone registered under that name (compared by
 * {@link Names#key}), and, for a single word, every one of the person's contacts with that first name. Several
 * matches are never settled by picking one: the person is asked. A term that is '@' and a handle
 * ({@link Handles#typed}: "@carolk") means the one registered person who has that handle on their platform now.
 */
public final class FriendFinder {
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
        Optional<String> handle = Handles.typed(typed);
        if (handle.isPresent()) {
            return byHandle(asker, handle.get());
        }
        List<User> byName = users.findUsersByName(typed);
        List<User> candidates = new ArrayList<>(byName.stream()
                .filter(u -> !u.address().equals(asker.address())).toList());
        String key = Names.key(typed);
        if (!key.isEmpty() && !key.contains(" ")) {
            for (ChatAddress contact : acquaintances.contactsOf(asker.address())) {
                if (candidates.stream().noneMatch(u -> u.address().equals(contact))) {
                    users.findUser(contact).filter(u -> Names.key(Names.firstName(u.name())).equals(key))
                            .ifPresent(candidates::add);
                }
            }
        }
        if (candidates.isEmpty()) {
            return byName.isEmpty() ? new Lookup.Nobody() : new Lookup.Yourself();
        }
        return candidates.size() == 1 ? new Lookup.Found(candidates.getFirst()) : new Lookup.Several(candidates);
    }

    private Lookup byHandle(User asker, String handle) {
        return handles.find(handle).<Lookup>map(holder -> holder.address().equals(asker.address())
                ? new Lookup.Yourself() : new Lookup.Found(holder)).orElseGet(Lookup.Nobody::new);
    }

    /** The one person a name means among those who sent {@code receiver} songs, else as {@link #find}. */
    public Lookup findSender(User receiver, String typed, List<User> senders) {
        String key = Names.key(typed);
        List<User> named = senders.stream().filter(u -> u.nameKey().equals(key)).toList();
        Optional<User> only = named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
        return only.<Lookup>map(Lookup.Found::new).orElseGet(() -> find(receiver, typed));
    }
}

package app.sendsongs.core.user;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered person: where they are reached (their chat platform and id there), the name friends use
 * for them, and their one listening connection (Spotify, Last.fm or ListenBrainz), whose history is watched for the
 * songs they are sent. {@code formerNames} are the names they changed from, the latest first (at most
 * {@value #MOST_FORMER_NAMES}): friends who knew them by one still find them by it.
 */
public record User(ChatAddress address, String name, ListeningConnection connection,
                   GrantState grantState, Instant registeredAt, Instant lastMessageAt, List<String> formerNames) {
    /** How people are told of someone no longer known: deleted, or being deleted ({@code forget_me}). */
    public static final String SOMEONE_WHO_LEFT = "someone who left";
    public static final int MOST_FORMER_NAMES = 3;

    public User {
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    }

    /** Someone who has had no other name. */
    public User(ChatAddress address, String name, ListeningConnection connection, GrantState grantState,
                Instant registeredAt, Instant lastMessageAt) {
        this(address, name, connection, grantState, registeredAt, lastMessageAt, List.of());
    }

    public String nameKey() {
        return Names.key(name);
    }

    public boolean needsReconnect() {
        return grantState == GrantState.NEEDS_RECONNECT;
    }

    /** A new consent: the connection works again, and nothing about the old one's end is remembered. */
    public User withConnection(ListeningConnection newConnection) {
        return new User(address, name, newConnection, GrantState.ACTIVE, registeredAt, lastMessageAt, formerNames);
    }

    /** The same consent with fresh tokens: what the person was told about it stays. */
    public User withRefreshedConnection(ListeningConnection refreshed) {
        return new User(address, name, refreshed, grantState, registeredAt, lastMessageAt, formerNames);
    }

    public User withGrantState(GrantState state) {
        return new User(address, name, connection, state, registeredAt, lastMessageAt, formerNames);
    }

    /** Named anew, as if never named otherwise (the former names go too). */
    public User withName(String newName) {
        return new User(address, newName, connection, grantState, registeredAt, lastMessageAt, List.of());
    }

    /**
     * The person changed their name: the one they had becomes their latest former name, unless it finds them as the
     * new one does (a change of case or accents) or was only the name given for want of one ({@link Names#FALLBACK}).
     */
    public User renamed(String newName) {
        String newKey = Names.key(newName);
        if (newKey.equals(nameKey()) || name.equals(Names.FALLBACK)) {
            return new User(address, newName, connection, grantState, registeredAt, lastMessageAt, formerNames);
        }
        List<String> former = new ArrayList<>(List.of(name));
        formerNames.stream().filter(old -> !Names.key(old).equals(nameKey())).forEach(former::add);
        former.removeIf(old -> Names.key(old).equals(newKey));
        return new User(address, newName, connection, grantState, registeredAt, lastMessageAt,
                former.subList(0, Math.min(MOST_FORMER_NAMES, former.size())));
    }

    public User withLastMessageAt(Instant at) {
        return new User(address, name, connection, grantState, registeredAt, at, formerNames);
    }
}

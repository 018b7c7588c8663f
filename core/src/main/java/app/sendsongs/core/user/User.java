package app.sendsongs.core.user;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered person: where they are reached (their chat platform and id there), the name friends use
 * for them, and their one listening connection (Spotify, Last.fm or ListenBrainz), whose history is watched for the
 * songs they are sent. {@code namedAt} is when they took the name they have (their registration, unless they changed
 * it since). {@code formerNames} are the names they changed from, the latest first (at most
 * {@value #MOST_FORMER_NAMES}), each with when they had it: a friend who exchanged a song with them then still finds
 * them by it. A name nobody exchanged a song with them under is not kept ({@link #renamed}).
 */
public record User(ChatAddress address, String name, ListeningConnection connection, GrantState grantState,
                   Instant registeredAt, Instant lastMessageAt, Instant namedAt, List<FormerName> formerNames) {
    /** How people are told of someone no longer known: deleted, or being deleted ({@code forget_me}). */
    public static final String SOMEONE_WHO_LEFT = "someone who left";
    public static final int MOST_FORMER_NAMES = 3;

    public User {
        namedAt = namedAt == null ? registeredAt : namedAt;
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    }

    /** Someone who has had no other name since they registered. */
    public User(ChatAddress address, String name, ListeningConnection connection, GrantState grantState,
                Instant registeredAt, Instant lastMessageAt) {
        this(address, name, connection, grantState, registeredAt, lastMessageAt, registeredAt, List.of());
    }

    public String nameKey() {
        return Names.key(name);
    }

    public boolean needsReconnect() {
        return grantState == GrantState.NEEDS_RECONNECT;
    }

    /** A new consent: the connection works again, and nothing about the old one's end is remembered. */
    public User withConnection(ListeningConnection newConnection) {
        return new User(address, name, newConnection, GrantState.ACTIVE, registeredAt, lastMessageAt, namedAt,
                formerNames);
    }

    /** The same consent with fresh tokens: what the person was told about it stays. */
    public User withRefreshedConnection(ListeningConnection refreshed) {
        return new User(address, name, refreshed, grantState, registeredAt, lastMessageAt, namedAt, formerNames);
    }

    public User withGrantState(GrantState state) {
        return new User(address, name, connection, state, registeredAt, lastMessageAt, namedAt, formerNames);
    }

    /** Named anew, as if never named otherwise (the former names go too). */
    public User withName(String newName) {
        return new User(address, newName, connection, grantState, registeredAt, lastMessageAt, registeredAt,
                List.of());
    }

    /**
     * The person changed their name {@code at} that moment. The one they had becomes their latest former name, held
     * from {@link #namedAt} until then, when {@code knownByIt}: someone exchanged a song with them meanwhile; a name
     * nobody could know them by is not kept. Nor is one that finds them as the new one does (a change of case or
     * accents: they are still named as since {@link #namedAt}), or was only the name given for want of one
     * ({@link Names#FALLBACK}). Taking back the latest name kept goes on with it from when it was taken: nobody
     * exchanged a song with them under the names between, or one of those would be kept.
     */
    public User renamed(String newName, Instant at, boolean knownByIt) {
        String newKey = Names.key(newName);
        if (newKey.equals(nameKey())) {
            return new User(address, newName, connection, grantState, registeredAt, lastMessageAt, namedAt,
                    formerNames);
        }
        List<FormerName> former = new ArrayList<>();
        if (knownByIt && !name.equals(Names.FALLBACK)) {
            former.add(new FormerName(name, namedAt == null ? Instant.EPOCH : namedAt, at));
        }
        formerNames.stream().filter(old -> !old.key().equals(nameKey())).forEach(former::add);
        Instant since = former.stream().findFirst().filter(latest -> latest.key().equals(newKey))
                .map(FormerName::from).orElse(at);
        former.removeIf(old -> old.key().equals(newKey));
        return new User(address, newName, connection, grantState, registeredAt, lastMessageAt, since,
                former.subList(0, Math.min(MOST_FORMER_NAMES, former.size())));
    }

    public User withLastMessageAt(Instant at) {
        return new User(address, name, connection, grantState, registeredAt, at, namedAt, formerNames);
    }
}

package app.sendsongs.core.user;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/**
 * A registered person: where they are reached (their chat platform and id there), the name friends use
 * for them, and their one listening connection (Spotify, Last.fm or ListenBrainz), whose history is watched for the
 * songs they are sent.
 */
public record User(ChatAddress address, String name, ListeningConnection connection,
                   GrantState grantState, Instant registeredAt, Instant lastMessageAt) {
    /** How people are told of someone no longer known: deleted, or being deleted ({@code forget_me}). */
    public static final String SOMEONE_WHO_LEFT = "someone who left";

    public String nameKey() {
        return Names.key(name);
    }

    public boolean needsReconnect() {
        return grantState == GrantState.NEEDS_RECONNECT;
    }

    /** A new consent: the connection works again, and nothing about the old one's end is remembered. */
    public User withConnection(ListeningConnection newConnection) {
        return new User(address, name, newConnection, GrantState.ACTIVE, registeredAt, lastMessageAt);
    }

    /** The same consent with fresh tokens: what the person was told about it stays. */
    public User withRefreshedConnection(ListeningConnection refreshed) {
        return new User(address, name, refreshed, grantState, registeredAt, lastMessageAt);
    }

    public User withGrantState(GrantState state) {
        return new User(address, name, connection, state, registeredAt, lastMessageAt);
    }

    public User withName(String newName) {
        return new User(address, newName, connection, grantState, registeredAt, lastMessageAt);
    }

    public User withLastMessageAt(Instant at) {
        return new User(address, name, connection, grantState, registeredAt, at);
    }
}

package app.sendsongs.core.user;

import app.sendsongs.core.music.ListeningConnection;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/**
 * A registered person: where they are reached (their chat platform and id there), the name friends use
 * for them, and their one
 * listening connection (Spotify now), whose history is watched for the songs they are sent.
 */
public record User(ChatAddress address, String name, ListeningConnection connection,
                   GrantState grantState, Instant registeredAt, Instant lastMessageAt) {

    public String nameKey() {
        return Names.key(name);
    }

    public boolean needsReconnect() {
        return grantState == GrantState.NEEDS_RECONNECT;
    }

    public User withConnection(ListeningConnection newConnection) {
        return new User(address, name, newConnection, GrantState.ACTIVE, registeredAt, lastMessageAt);
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

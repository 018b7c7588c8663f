package app.sendsongs.core.user;

import app.sendsongs.core.music.SpotifyGrant;
import java.time.Instant;

/**
 * A registered person: their Messenger id (PSID), the name friends use for them, and their
 * Spotify authorisation.
 */
public record User(String psid, String name, String spotifyAccountId, SpotifyGrant grant,
                   GrantState grantState, Instant registeredAt, Instant lastMessageAt) {

    public String nameKey() {
        return Names.key(name);
    }

    public boolean needsReconnect() {
        return grantState == GrantState.NEEDS_RECONNECT;
    }

    public User withGrant(SpotifyGrant newGrant) {
        return new User(psid, name, spotifyAccountId, newGrant, GrantState.ACTIVE, registeredAt, lastMessageAt);
    }

    public User withGrantState(GrantState state) {
        return new User(psid, name, spotifyAccountId, grant, state, registeredAt, lastMessageAt);
    }

    public User withName(String newName) {
        return new User(psid, newName, spotifyAccountId, grant, grantState, registeredAt, lastMessageAt);
    }

    public User withLastMessageAt(Instant at) {
        return new User(psid, name, spotifyAccountId, grant, grantState, registeredAt, at);
    }
}

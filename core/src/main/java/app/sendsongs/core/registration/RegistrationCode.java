package app.sendsongs.core.registration;

import app.sendsongs.core.music.SpotifyGrant;
import java.time.Instant;

/** A one-time code shown after consent; whoever sends it to the bot gets this Spotify grant. */
public record RegistrationCode(String code, String spotifyAccountId, SpotifyGrant grant, Instant expiresAt) {
    @Override
    public String toString() {
        return "RegistrationCode[account=" + spotifyAccountId + ", expiresAt=" + expiresAt + "]";
    }
}

package app.sendsongs.core.registration;

import app.sendsongs.core.music.ListeningConnection;
import java.time.Instant;

/** A one-time code shown after consent; whoever sends it to the bot gets this listening connection. */
public record RegistrationCode(String code, ListeningConnection connection, Instant expiresAt) {
    @Override
    public String toString() {
        return "RegistrationCode[" + connection.kind() + " account=" + connection.accountId() + ", expiresAt="
                + expiresAt + "]";
    }
}

package app.sendsongs.core.registration;

import java.time.Instant;

/** The single-use {@code state} of one consent round trip. */
public record OAuthState(String state, Instant expiresAt) {
    @Override
    public String toString() {
        return "OAuthState[expiresAt=" + expiresAt + "]";
    }
}

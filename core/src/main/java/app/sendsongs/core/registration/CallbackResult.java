package app.sendsongs.core.registration;

import java.time.Instant;

/** What the Spotify consent callback page shows. */
public sealed interface CallbackResult {
    /** Consent given: the person sends this code to the bot before it expires. */
    record Connected(String registrationCode, Instant expiresAt) implements CallbackResult {
    }

    /** Something went wrong; {@code message} is safe to show. */
    record Failed(String message) implements CallbackResult {
    }
}

package app.sendsongs.core.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * A message that could not be sent yet. Held messages go out, oldest first, when the person next
 * writes; those held for a passing failure are also retried from {@code retryAt}.
 * {@code shareId} marks a song delivery, whose watch starts only when it is really delivered.
 */
public record HeldMessage(String id, String psid, String text, Instant heldAt, Optional<Instant> retryAt,
                          Optional<String> shareId) {
}

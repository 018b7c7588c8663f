package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message that could not be sent yet, kept whole (text, choices and card) for {@code to}. Held
 * messages go out, oldest first, when the person next writes; those held for a passing failure are
 * also retried from {@code retryAt}. {@code shareId} marks a song delivery, whose watch starts only
 * when it is really delivered.
 */
public record HeldMessage(String id, ChatAddress to, Message message, Instant heldAt, Optional<Instant> retryAt,
                          Optional<String> shareId) {
    public HeldMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(shareId, "shareId");
    }

    /** The same message, to be retried from {@code at} (or, when empty, when the person next writes). */
    public HeldMessage retryingAt(Optional<Instant> at) {
        return new HeldMessage(id, to, message, heldAt, at, shareId);
    }
}

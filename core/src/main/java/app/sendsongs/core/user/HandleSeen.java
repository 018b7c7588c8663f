package app.sendsongs.core.user;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The handle a platform showed with something a person did just now: Telegram gives the sender's {@code username}
 * with every update (https://core.telegram.org/bots/api#user), empty when they have none. Kept by
 * {@link PersonHandles#seen} so that a handle they changed is known from their next message on.
 */
public record HandleSeen(ChatAddress person, Optional<String> handle) {
    public HandleSeen {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(handle, "handle");
    }
}

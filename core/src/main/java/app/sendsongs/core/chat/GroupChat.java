package app.sendsongs.core.chat;

import java.util.Objects;

/**
 * A group chat the bot is a member of (a Telegram group): its address (the platform and the chat's id there) and
 * the title people gave it, which the bot uses to name it.
 */
public record GroupChat(app.sendsongs.core.shared.ChatAddress address, String title) {
    public GroupChat {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a group chat needs a title");
        }
    }
}

package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A group chat the bot is a member of (a Telegram group): its address (the platform and the chat's id there) and
 * the title people gave it, which the bot uses to name it; and, for what happened in one of the chat's topics (a
 * Telegram forum's), that topic's id on the platform, where the bot answers it ({@link #answersTo()}).
 */
public record GroupChat(ChatAddress address, String title, Optional<String> topic) {
    public GroupChat {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(topic, "topic");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a group chat needs a title");
        }
        new ChatPlace(address, topic); // checks the topic's id
    }

    /** Outside any topic. */
    public GroupChat(ChatAddress address, String title) {
        this(address, title, Optional.empty());
    }

    /** Where the bot answers what happened here: in its topic, else in the chat ({@link ChatPlace#address()}). */
    public ChatAddress answersTo() {
        return new ChatPlace(address, topic).address();
    }
}

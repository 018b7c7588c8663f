package app.sendsongs.core.groupchat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person counted in for a group chat's songs: a song sent in {@code chat} goes to them privately. {@code title} is
 * the chat's title as the bot last learnt it from the chat's own events (when they were counted in, or the chat was
 * renamed); none for someone counted in before titles were kept.
 */
public record CountedMember(ChatAddress chat, ChatAddress person, Instant joinedAt, Optional<String> title) {
    public CountedMember {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(title, "title");
    }

    /** Without a title. */
    public CountedMember(ChatAddress chat, ChatAddress person, Instant joinedAt) {
        this(chat, person, joinedAt, Optional.empty());
    }
}

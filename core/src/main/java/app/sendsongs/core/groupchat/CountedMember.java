package app.sendsongs.core.groupchat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Objects;

/** A person counted in for a group chat's songs: a song sent in {@code chat} goes to them privately. */
public record CountedMember(ChatAddress chat, ChatAddress person, Instant joinedAt) {
    public CountedMember {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}

package app.sendsongs.core.share;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One song a sender sent, as their limits count it: which share, to whom, when, and the group send it was part of
 * (a group send's shares count as one send). A store can read this much without the whole share.
 */
public record SendRecord(String shareId, ChatAddress receiver, Instant createdAt, Optional<String> groupSendId) {
    public SendRecord {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(groupSendId, "groupSendId");
    }

    static SendRecord of(Share share) {
        return new SendRecord(share.id(), share.receiver(), share.createdAt(), share.groupSendId());
    }

    /** The send this share counts as: its group send, or itself. */
    String send() {
        return groupSendId.orElse(shareId);
    }
}

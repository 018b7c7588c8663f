package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One person's waiting events, claimed by a worker until {@code leaseUntil}, oldest first.
 * {@code failures} counts how often handling the first of them failed before.
 */
public record InboxClaim(ChatAddress person, List<Inbound> events, int failures, Instant leaseUntil) {
    public InboxClaim {
        Objects.requireNonNull(person, "person");
        events = List.copyOf(events);
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a claim has at least one event");
        }
    }

    /** This claim as it is once renewed until {@code leaseUntil} (see {@link InboxStore#renew}). */
    public InboxClaim renewedUntil(Instant leaseUntil) {
        return new InboxClaim(person, events, failures, leaseUntil);
    }
}

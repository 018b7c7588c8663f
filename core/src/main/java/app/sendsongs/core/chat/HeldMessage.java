package app.sendsongs.core.chat;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message (or one part of a long one) in the outbox, kept whole (text, choices and card) for
 * {@code to} until it is sent: every message is held here before it is sent, and leaves when the
 * platform took it, it was withdrawn or given up.
 *
 * <ul>
 * <li>{@code id} is derived from what caused the message, so a cause handled again after a crash
 * finds the message it held the first time instead of holding (and sending) it twice. It travels
 * with the message to the platform, which may echo it back once the message went out.</li>
 * <li>{@code heldAt} orders a person's messages: they go out oldest first.</li>
 * <li>{@code retryAt}: when it is tried again. While a worker sends it this is the end of its lease;
 * after a passing failure, the next try; empty when it waits until the person next writes.</li>
 * <li>{@code shareId} marks a song delivery, whose watch starts only when it is really delivered.</li>
 * <li>{@code tries}: how many sends of it did not deliver it, for whatever reason. A message still in its
 * first send (no try failed yet) holds back nobody: a message to the same person held meanwhile goes
 * its own way, as two messages sent at once always did.</li>
 * <li>{@code refusals}: how many of those tries the platform refused it for good (a bad request, a
 * person it cannot reach). A message refused once no longer holds back the person's later messages,
 * and one refused {@value Outbox#MOST_REFUSALS} times is given up.</li>
 * <li>{@code expiresAt}: a message still here then is given up (a person who never writes again).</li>
 * <li>{@code about}: the other people whose names it carries, so that forgetting one of them takes back
 * what was not sent yet.</li>
 * </ul>
 */
public record HeldMessage(String id, ChatAddress to, Message message, Instant heldAt, Optional<Instant> retryAt,
                          Optional<String> shareId, int tries, int refusals, Instant expiresAt,
                          List<ChatAddress> about) {
    public HeldMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(retryAt, "retryAt");
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        about = List.copyOf(about);
        if (tries < 0 || refusals < 0 || refusals > tries) {
            throw new IllegalArgumentException("tries and refusals are counts, and refusals are tries");
        }
    }

    /** The same message, to be tried again from {@code at} (or, when empty, when the person next writes). */
    public HeldMessage retryingAt(Optional<Instant> at) {
        return new HeldMessage(id, to, message, heldAt, at, shareId, tries, refusals, expiresAt, about);
    }

    /** The same message after a try that did not deliver it, to be tried again from {@code at} (or when the person writes). */
    public HeldMessage triedOnce(Optional<Instant> at) {
        return new HeldMessage(id, to, message, heldAt, at, shareId, tries + 1, refusals, expiresAt, about);
    }

    /** The same message after a refusal for good, to be tried again from {@code at} (or when the person writes). */
    public HeldMessage refusedOnce(Optional<Instant> at) {
        return new HeldMessage(id, to, message, heldAt, at, shareId, tries + 1, refusals + 1, expiresAt, about);
    }

    /**
     * Whether it keeps the person's later messages waiting behind it: while it waits (to be tried
     * again, or behind another), not during its first send, and no longer once it was refused for good.
     */
    public boolean holdsBackLaterMessages() {
        boolean inFirstSend = tries == 0 && retryAt.isPresent();
        return refusals == 0 && !inFirstSend;
    }

    /**
     * Whether it waits for the person to write: a try did not deliver it, and no retry is due (their chat app takes
     * nothing from the bot until they write). What is held behind it waits too.
     */
    public boolean waitsForPerson() {
        return tries > 0 && retryAt.isEmpty();
    }

    /** When it is due for something: its retry, or else its expiry. */
    public Instant dueAt() {
        return retryAt.filter(at -> at.isBefore(expiresAt)).orElse(expiresAt);
    }
}

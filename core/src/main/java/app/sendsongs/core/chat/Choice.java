package app.sendsongs.core.chat;

import java.util.Objects;

/**
 * One tap choice offered under a message (a Messenger quick reply, a Telegram inline button).
 * Tapping it is the same as typing {@code payload}: see {@link Payload}. {@code title} is what the
 * button shows; each platform's adapter shortens it to what the platform allows.
 */
public record Choice(String title, String payload) {
    public Choice {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a choice needs a title");
        }
        Payload.check(payload);
    }

    /** A choice whose title is what it sends, such as a number or a command word. */
    public static Choice of(String payload) {
        return new Choice(payload, payload);
    }
}

package app.sendsongs.core.chat;

import java.net.URI;
import java.util.Objects;

/** A button on a {@link SongCard}: it sends a reply, or opens a link. */
public sealed interface Button {
    /** What the button shows; the platform's adapter shortens it to what the platform allows. */
    String title();

    /** How the button reads in a plain-text message. */
    String asText();

    /** Tapping it is the same as typing {@code payload} (see {@link Payload}). */
    record Reply(String title, String payload) implements Button {
        public Reply {
            requireTitle(title);
            Payload.check(payload);
        }

        @Override
        public String asText() {
            return title + " — reply: " + payload;
        }
    }

    /** Opens {@code url} (absolute http or https). */
    record Link(String title, URI url) implements Button {
        public Link {
            requireTitle(title);
            Links.check(url, "a link button's url");
        }

        @Override
        public String asText() {
            return title + ": " + url;
        }
    }

    private static void requireTitle(String title) {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a button needs a title");
        }
    }
}

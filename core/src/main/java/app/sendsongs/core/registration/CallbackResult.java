package app.sendsongs.core.registration;

import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the page a person lands on after a source's consent shows. Every message is safe to show. */
public sealed interface CallbackResult {
    /** Consent given through the plain connect page: the person sends this code to the bot before it expires. */
    record Connected(SourceKind kind, String registrationCode, Instant expiresAt) implements CallbackResult {
    }

    /**
     * Consent given through a personal link: the person is registered (or reconnected) under {@code name}, and the
     * bot has written to them on {@code platform}; {@code chatLink} opens the conversation with the bot there, when
     * the platform has such a link.
     */
    record Registered(SourceKind kind, String name, Platform platform, boolean reconnected, Optional<String> chatLink)
            implements CallbackResult {
        public Registered(SourceKind kind, String name, Platform platform, boolean reconnected) {
            this(kind, name, platform, reconnected, Optional.empty());
        }
    }

    /**
     * The source refuses this person for this app whatever the moment (Spotify's development mode is full): trying
     * again will not help, the other sources will. {@code explanation} says so in words for the person.
     */
    record NotAllowed(SourceKind kind, String explanation, List<Alternative> alternatives) implements CallbackResult {
        public NotAllowed {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** Another source and the link that connects it. */
    record Alternative(SourceKind kind, String url) {
    }

    /**
     * What the person pasted was refused (a ListenBrainz token that is not one): the same page again, with
     * {@code message} and the same {@code state}, which is still unused.
     */
    record PasteAgain(SourceKind kind, String message, String state) implements CallbackResult {
        @Override
        public String toString() {
            return "PasteAgain[" + kind + ", " + message + "]";
        }
    }

    /**
     * Something went wrong; {@code message} says what to do. {@code back} is the way back to the chat of the person
     * whose own link it was (they ask the bot for a new one there); empty on the plain page.
     */
    record Failed(String message, Optional<BackToChat> back) implements CallbackResult {
        public Failed(String message) {
            this(message, Optional.empty());
        }
    }

    /**
     * The page of a consent that already came back once, opened again in the browser that started it (a reload, a
     * phone restoring the tab, the back button): {@code message} says what the first visit did or how to go on, and
     * {@code back} is the way back to the chat of the person whose own link it was.
     */
    record AlreadyUsed(String message, Optional<BackToChat> back) implements CallbackResult {
    }

    /** The person's chat app, and the link that opens the bot's chat there when the platform has one. */
    record BackToChat(Platform platform, Optional<String> link) {
    }
}

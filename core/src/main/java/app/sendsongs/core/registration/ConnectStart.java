package app.sendsongs.core.registration;

import app.sendsongs.core.music.SourceKind;
import java.net.URI;
import java.util.Optional;

/** Where a browser that asked to connect a source goes next. */
public sealed interface ConnectStart {
    /**
     * To the source's consent page with a fresh sealed {@code state}; for a source whose consent is a secret pasted
     * on the app's own page (ListenBrainz), {@code consentUrl} is that page and the page carries {@code state}.
     */
    record ToConsent(SourceKind kind, URI consentUrl, String state) implements ConnectStart {
        @Override
        public String toString() {
            return "ToConsent[" + kind + "]";
        }
    }

    /**
     * Not started; {@code message} says why and what to do, {@code back} is the way back to the chat of the person
     * whose own link it was, when that can be told.
     */
    record Refused(String message, Optional<CallbackResult.BackToChat> back) implements ConnectStart {
        public Refused(String message) {
            this(message, Optional.empty());
        }
    }
}

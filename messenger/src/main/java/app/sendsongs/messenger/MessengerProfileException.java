package app.sendsongs.messenger;

/** The Messenger Profile API refused a change or could not be reached; the message never holds the page token. */
public final class MessengerProfileException extends RuntimeException {
    public MessengerProfileException(String message) {
        super(message);
    }
}

package app.sendsongs.messenger;

/** A webhook body that is not JSON, or not a JSON object: the caller answers 400. */
public final class MalformedWebhookException extends RuntimeException {
    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}

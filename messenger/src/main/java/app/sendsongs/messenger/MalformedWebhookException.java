package app.sendsongs.messenger;

/** A webhook body that is not JSON, not a JSON object or not shaped like a webhook event: the caller answers 400. */
public final class MalformedWebhookException extends RuntimeException {
    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}

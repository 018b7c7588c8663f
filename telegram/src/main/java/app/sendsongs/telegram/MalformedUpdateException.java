package app.sendsongs.telegram;

/** A webhook body that is not a Telegram update at all (not JSON, no {@code update_id}, too large): answer 400. */
public final class MalformedUpdateException extends RuntimeException {
    public MalformedUpdateException(String message) {
        super(message);
    }
}

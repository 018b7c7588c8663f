package app.sendsongs.core.chat;

/** A {@link PaceLedger}'s store could not be read or written (throttled, unreachable), or stayed contended. */
public final class PaceUnavailableException extends RuntimeException {
    public PaceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public PaceUnavailableException(String message) {
        super(message);
    }
}

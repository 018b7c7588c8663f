package app.sendsongs.exchange;

/** Why a {@link BoundedExchange} got no answer to read; the message says it in words fit for a log line. */
public final class ExchangeFailure extends Exception {

    public enum Kind {
        /** Nothing, or not the whole answer, came within the deadline. */
        TIMED_OUT,
        /** The answer was longer than the cap. */
        TOO_LARGE,
        /** No connection, or it broke. */
        UNREACHABLE,
        /** The waiting thread was interrupted (its interrupt flag is set again). */
        INTERRUPTED
    }

    private final Kind kind;

    ExchangeFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

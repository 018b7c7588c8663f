package app.sendsongs.core.watch;

import java.time.Instant;
import java.time.InstantSource;

/**
 * How long a tick may go on starting listen checks, as the runtime that runs it allows. A check waits on a listening
 * source, up to that source's timeouts, so a tick whose source hangs could run past a hard limit (AWS Lambda kills the
 * tick function at its timeout) or for minutes. The checks a tick claimed and did not start once its budget is spent
 * are let go, due again at once, rather than left claimed until their lease ends.
 */
@FunctionalInterface
public interface CheckBudget {
    /** No limit: every due check is run. */
    CheckBudget UNLIMITED = () -> true;

    /** Whether another check may start now, with time for it to end before the runtime's limit. */
    boolean allowsAnotherCheck();

    /** Checks may start until {@code end}, as {@code time} tells the time. */
    static CheckBudget until(Instant end, InstantSource time) {
        return () -> time.instant().isBefore(end);
    }
}

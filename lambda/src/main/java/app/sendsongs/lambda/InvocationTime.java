package app.sendsongs.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/**
 * The time left to the invocation a function is running, as Lambda tells it; a handler sets it as an invocation
 * begins and clears it as it ends (Lambda runs one invocation at a time in an execution environment). Without an
 * invocation, or a context that tells the time, time is never short.
 */
final class InvocationTime {
    private volatile Context current;

    void begin(Context context) {
        current = context;
    }

    void end() {
        current = null;
    }

    /** Whether the invocation has at least {@code time} left before Lambda's timeout ends it. */
    boolean hasLeft(Duration time) {
        Context context = current;
        return context == null || context.getRemainingTimeInMillis() >= time.toMillis();
    }
}

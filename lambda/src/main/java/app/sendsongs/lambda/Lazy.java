package app.sendsongs.lambda;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value built on first use and then kept. A build that fails is tried again on a later use; with a retry pause, not
 * before the pause has passed since it failed, its failure thrown again meanwhile. The functions anyone on the
 * internet can call use a pause, so that while their secrets cannot be used (the deployment's placeholder, an
 * unreadable parameter) each call does not cost a Parameter Store read.
 */
final class Lazy<T> implements Supplier<T> {
    /** The pause of the functions anyone can call: a secret the operator puts is used within it. */
    static final Duration PUBLIC_RETRY_PAUSE = Duration.ofSeconds(10);

    private final Supplier<T> build;
    private final long retryPauseNanos;
    private final LongSupplier nanoTime;
    private volatile T value;
    private RuntimeException failure;
    private long failedAt;

    /** Tried again on the next use after a failure. */
    Lazy(Supplier<T> build) {
        this(build, Duration.ZERO, System::nanoTime);
    }

    Lazy(Supplier<T> build, Duration retryPause) {
        this(build, retryPause, System::nanoTime);
    }

    Lazy(Supplier<T> build, Duration retryPause, LongSupplier nanoTime) {
        this.build = build;
        this.retryPauseNanos = retryPause.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public T get() {
        T current = value;
        return current != null ? current : built();
    }

    private synchronized T built() {
        if (value != null) {
            return value;
        }
        if (failure != null && nanoTime.getAsLong() - failedAt < retryPauseNanos) {
            throw failure;
        }
        try {
            value = build.get();
            failure = null;
            return value;
        } catch (RuntimeException e) {
            failure = e;
            failedAt = nanoTime.getAsLong();
            throw e;
        }
    }
}

package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;

/** Moves the sandbox clock and then runs the bot's due work, one advance at a time. */
final class ClockControl {
    private final ManualClock clock;
    private volatile Runnable onAdvance = () -> { };

    ClockControl(ManualClock clock) {
        this.clock = clock;
    }

    void onAdvance(Runnable work) {
        this.onAdvance = work == null ? () -> { } : work;
    }

    /** Advances, then runs the due work synchronously; answers the new "now". */
    synchronized Instant advance(Duration by) {
        clock.advance(by);
        onAdvance.run();
        return clock.instant();
    }

    Instant now() {
        return clock.instant();
    }
}

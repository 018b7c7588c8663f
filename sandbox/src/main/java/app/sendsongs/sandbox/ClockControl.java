package app.sendsongs.sandbox;

import app.sendsongs.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves the sandbox clock and then runs the bot's due work, one advance at a time. Before it moves,
 * the bot finishes the messages it has already taken (see {@link Sandbox#beforeClockAdvance}), so a
 * message is handled at the time it was sent, not hours later in a jumped clock.
 */
final class ClockControl {
    private final ManualClock clock;
    /** Names this run of the sandbox: a page that sees it change knows the emulators started again and forgot. */
    private final String run = Ids.token("run-", 12);
    private volatile Runnable beforeAdvance = () -> { };
    private volatile Runnable onAdvance = () -> { };

    ClockControl(ManualClock clock) {
        this.clock = clock;
    }

    void beforeAdvance(Runnable work) {
        this.beforeAdvance = work == null ? () -> { } : work;
    }

    void onAdvance(Runnable work) {
        this.onAdvance = work == null ? () -> { } : work;
    }

    /** Lets the bot finish what it was doing, advances, then runs the due work synchronously; answers the new "now". */
    synchronized Instant advance(Duration by) {
        beforeAdvance.run();
        clock.advance(by);
        onAdvance.run();
        return clock.instant();
    }

    Instant now() {
        return clock.instant();
    }

    String run() {
        return run;
    }
}

package app.sendsongs.bench.load;

import app.sendsongs.testsupport.SandboxControl;
import java.time.Duration;

/**
 * Moves the demo's sandbox clock along with real time, a second at a time, for as long as it is open. The demo's clock
 * otherwise stands still between advances, while a Telegram bot keeps to a pace counted in real time (about a message
 * a second in a chat): a message held for its chat's turn would wait for a clock that does not move, as it never would
 * in production. The clock never runs ahead of real time, so a worker's lease on a message it is sending cannot run
 * out under it. An advance first lets the bot finish what it acknowledged (up to 10 s), so it runs on a thread of its
 * own and delays nothing the load test times; the next advance catches up with the real time that passed meanwhile.
 */
final class RealTimeClock implements AutoCloseable {
    private static final Duration STEP = Duration.ofSeconds(1);

    private final SandboxControl sandbox;
    private final Thread mover;
    private volatile boolean open = true;

    private RealTimeClock(SandboxControl sandbox) {
        this.sandbox = sandbox;
        this.mover = Thread.ofPlatform().daemon().name("sandbox-clock").start(this::follow);
    }

    static RealTimeClock start(SandboxControl sandbox) {
        return new RealTimeClock(sandbox);
    }

    private void follow() {
        long movedTo = System.nanoTime();
        while (open) {
            ServerProcess.sleep(STEP);
            long seconds = (System.nanoTime() - movedTo) / STEP.toNanos();
            if (!open || seconds == 0) {
                continue;
            }
            try {
                sandbox.advanceSeconds(seconds);
            } catch (RuntimeException e) {
                System.err.println("the sandbox clock stops following real time: " + e.getMessage());
                return;
            }
            movedTo += seconds * STEP.toNanos();
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            mover.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

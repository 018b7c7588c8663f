package app.sendsongs.core.shared;

import java.util.Objects;

/**
 * The points at which the work this thread does shows it is still getting on, for whoever holds something for it
 * under a lease: the worker handling a person's inbox events renews its claim on them there once the lease runs low
 * (see {@code InboxWork}). Work that may take long passes a checkpoint before each step that may take a while: the
 * outbox before each message it sends (a send may wait for the platform's timeout or a chat's pace, and a group
 * send makes one per member).
 *
 * <p>Like {@link Cause}, it rides along with the thread, so the features need no extra parameter; outside such
 * work, or on another thread, passing a checkpoint does nothing.
 */
public final class Checkpoint {
    private static final ThreadLocal<Runnable> CURRENT = new ThreadLocal<>();

    private Checkpoint() {
    }

    /** Runs {@code work}, {@code atEach} running at each checkpoint it passes on this thread. */
    public static void run(Runnable atEach, Runnable work) {
        Objects.requireNonNull(atEach, "atEach");
        ThreadScoped.run(CURRENT, atEach, work);
    }

    /** The work on this thread is about to take a step that may take a while. */
    public static void passed() {
        Runnable atEach = CURRENT.get();
        if (atEach != null) {
            atEach.run();
        }
    }
}

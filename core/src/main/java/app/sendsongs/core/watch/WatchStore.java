package app.sendsongs.core.watch;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: due listen checks, one per receiver, claimed under a lease. */
public interface WatchStore {
    /**
     * Makes the receiver's check due no later than {@code dueAt}, reading history from no later
     * than {@code readFrom}: creates the watch, or moves its due time and read position earlier.
     * Changes the version, so a check in flight cannot overwrite this.
     */
    void scheduleWatch(ChatAddress receiver, Instant dueAt, Instant readFrom);

    /**
     * Claims up to {@code limit} watches due at {@code now}, earliest first. A claimed watch's
     * due time moves to {@code leaseUntil}: if its worker dies, it falls due again then.
     * Returns the claimed watches as stored after the claim. Two concurrent callers never
     * claim the same watch.
     */
    List<Watch> claimDueWatches(Instant now, int limit, Instant leaseUntil);

    /**
     * Ends a claimed check with a next one: sets the due time and read position. Refused (false),
     * changing nothing, if the watch changed since {@code claimed} (or is gone).
     */
    boolean rescheduleWatch(Watch claimed, Instant nextDue, Instant checkedThrough);

    /**
     * Ends a claimed check with nothing left to watch: deletes the watch. Refused (false), changing
     * nothing, if the watch changed since {@code claimed} (or is gone).
     */
    boolean endWatch(Watch claimed);

    Optional<Watch> findWatch(ChatAddress receiver);

    void deleteWatch(ChatAddress receiver);
}

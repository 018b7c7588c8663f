package app.sendsongs.core.share;

/** Where a shared song stands. */
public enum ShareStatus {
    /** Accepted, but not delivered yet: the receiver's platform does not allow it now, or sending failed for now. */
    HELD,
    /** Delivered; the receiver's plays are being watched. */
    WATCHING,
    PLAYED,
    /** Not played within the watch period. */
    EXPIRED,
    /** The sender stopped watching it. */
    CANCELLED,
    /**
     * Sent to a group, and the receiver stopped being in it (left, was removed, or the group was
     * deleted) before it was played or expired. Not counted in the group send's summary.
     */
    LEFT_GROUP,
    /**
     * Never reached the receiver: their platform refused it for good, or they did not write to the bot
     * again in time for it to go out (the sender was told), or the receiver blocked its sender while it
     * waited (the sender was not).
     */
    UNDELIVERED;

    public boolean isOpen() {
        return this == HELD || this == WATCHING;
    }
}

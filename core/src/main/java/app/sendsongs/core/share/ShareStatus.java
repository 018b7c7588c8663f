package app.sendsongs.core.share;

/** Where a shared song stands. */
public enum ShareStatus {
    /** Accepted, but Messenger may not deliver it until the receiver writes to the bot. */
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
    LEFT_GROUP;

    public boolean isOpen() {
        return this == HELD || this == WATCHING;
    }
}

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
    CANCELLED;

    public boolean isOpen() {
        return this == HELD || this == WATCHING;
    }
}

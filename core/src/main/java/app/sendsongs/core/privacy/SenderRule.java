package app.sendsongs.core.privacy;

/** What a person chose about one sender's songs. */
public enum SenderRule {
    /** Their songs are not delivered (they are not told). */
    BLOCKED,
    /** Their songs arrive, but they are never told when they are played or not played. */
    RECEIPTS_OFF,
    /** They are told, even when receipts are off for everyone else. */
    RECEIPTS_ON,
    /**
     * Blocked, after receipts had been turned off for them: once unblocked they are still not told, as before the
     * block.
     */
    BLOCKED_RECEIPTS_OFF;

    /** Whether their songs are kept from the person. */
    public boolean blocks() {
        return this == BLOCKED || this == BLOCKED_RECEIPTS_OFF;
    }
}

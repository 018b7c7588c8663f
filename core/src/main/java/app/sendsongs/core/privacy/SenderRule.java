package app.sendsongs.core.privacy;

/** What a person chose about one sender's songs. */
public enum SenderRule {
    /** Their songs are not delivered (they are not told). */
    BLOCKED,
    /** Their songs arrive, but they are never told when they are played or not played. */
    RECEIPTS_OFF,
    /** They are told, even when receipts are off for everyone else. */
    RECEIPTS_ON
}

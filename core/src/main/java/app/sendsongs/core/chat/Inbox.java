package app.sendsongs.core.chat;

/**
 * Port: where a runtime's webhook puts what a platform delivered before it answers. The platform is
 * answered "received" only once {@link #accept} returned {@link Intake#KEPT}: from then on the events
 * are handled even if the process dies the moment after. The self-hosted server keeps them in its
 * store ({@link DurableInbox}); a serverless runtime may put them on a queue.
 */
public interface Inbox {
    /** Whether a webhook call's events were kept, or the platform should deliver them again later. */
    enum Intake {
        /** Kept durably (or ignored on purpose, as events older than the dedupe window are): answer 200. */
        KEPT,
        /** Not kept now (too much is waiting, or the store failed): answer 503 so the platform delivers again. */
        BUSY
    }

    /**
     * Keeps a webhook call's events durably, then returns. After {@link Intake#BUSY} some of them may
     * have been kept: delivered again, those are recognised by their delivery key and kept once.
     */
    Intake accept(InboundBatch batch);
}

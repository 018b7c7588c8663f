package app.sendsongs.core.chat;

import java.time.Instant;

/** Port: which inbound message ids were already handled (the platform delivers at least once). */
public interface InboundLog {
    /** Records the id; true the first time it is seen, false on every later call. */
    boolean firstDelivery(String mid, Instant at);
}

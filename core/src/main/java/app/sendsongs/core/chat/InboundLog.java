package app.sendsongs.core.chat;

import java.time.Instant;

/** Port: which inbound events were already handled (platforms deliver at least once). */
public interface InboundLog {
    /**
     * Records {@code deliveryKey} ({@link Inbound#deliveryKey()}: platform and event id); true the
     * first time it is seen, false on every later call, also when two calls race.
     */
    boolean firstDelivery(String deliveryKey, Instant at);
}

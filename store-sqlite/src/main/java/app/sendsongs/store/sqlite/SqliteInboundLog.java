package app.sendsongs.store.sqlite;

import app.sendsongs.core.chat.InboundLog;
import java.time.Instant;

/** The delivery keys of inbound events already handled, in {@code inbound_messages}. */
final class SqliteInboundLog implements InboundLog {
    private final Database db;

    SqliteInboundLog(Database db) {
        this.db = db;
    }

    /** INSERT ... ON CONFLICT DO NOTHING: exactly one caller inserts the key. */
    @Override
    public boolean firstDelivery(String deliveryKey, Instant at) {
        return db.write(s -> s.update("INSERT INTO inbound_messages (delivery_key, seen_at) VALUES (?, ?) "
                + "ON CONFLICT (delivery_key) DO NOTHING", deliveryKey, at)) == 1;
    }
}

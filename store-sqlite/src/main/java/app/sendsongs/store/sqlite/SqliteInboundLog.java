package app.sendsongs.store.sqlite;

import app.sendsongs.core.chat.InboundLog;
import java.time.Instant;
import java.util.Optional;

/**
 * The delivery keys of inbound events handled, in {@code inbound_messages}, each kept until a time, with the value its
 * mark carries in {@code kept_value} (NULL for none).
 */
final class SqliteInboundLog implements InboundLog {
    private final Database db;

    SqliteInboundLog(Database db) {
        this.db = db;
    }

    @Override
    public boolean handled(String deliveryKey) {
        return db.read(s -> s.queryOne("SELECT 1 AS marked FROM inbound_messages WHERE delivery_key = ?",
                rs -> true, deliveryKey)).isPresent();
    }

    /** INSERT ... ON CONFLICT DO NOTHING: the first mark stays. */
    @Override
    public void markHandled(String deliveryKey, Instant keepUntil) {
        db.write(s -> s.update("INSERT INTO inbound_messages (delivery_key, keep_until) VALUES (?, ?) "
                + "ON CONFLICT (delivery_key) DO NOTHING", deliveryKey, keepUntil));
    }

    /** As {@link #markHandled(String, Instant)}: the first mark stays, with its value or without. */
    @Override
    public void markHandled(String deliveryKey, String value, Instant keepUntil) {
        String kept = InboundLog.checkedValue(value);
        db.write(s -> s.update("INSERT INTO inbound_messages (delivery_key, keep_until, kept_value) VALUES (?, ?, ?) "
                + "ON CONFLICT (delivery_key) DO NOTHING", deliveryKey, keepUntil, kept));
    }

    @Override
    public Optional<String> markedValue(String deliveryKey) {
        return db.read(s -> s.queryOne("SELECT kept_value FROM inbound_messages WHERE delivery_key = ?",
                rs -> Optional.ofNullable(rs.getString("kept_value")), deliveryKey)).flatMap(value -> value);
    }
}

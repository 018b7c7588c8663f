package app.sendsongs.store.dynamodb;

import app.sendsongs.core.chat.InboundLog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Inbound events handled: {@code MID#<delivery key>} (the platform and the event id, e.g.
 * {@code MID#messenger:<mid>}), written with a condition that no such item exists, so the first mark
 * stays. In the due index under {@code PURGE} at the time it is kept until. Items written before
 * handled marks had that time carry the time they were first seen instead ({@code seenAt}), which the
 * purge reads as before. Records written before keys named the platform ({@code MID#<mid>}) are never
 * matched again; the purge removes them like any other. A mark that carries a value keeps it as {@code keptValue};
 * marks written before marks carried values have none, as do those written without one.
 */
final class DynamoInboundLog implements InboundLog {
    static final String TYPE = "MID";
    private static final String KEPT_VALUE = "keptValue";

    private final DynamoTable table;

    DynamoInboundLog(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean handled(String deliveryKey) {
        return table.get(TableLayout.key(TYPE + "#" + deliveryKey, TYPE)).isPresent();
    }

    @Override
    public void markHandled(String deliveryKey, Instant keepUntil) {
        table.putIf(mark(deliveryKey, keepUntil), Condition.attributeNotExists(TableLayout.PK));
    }

    /** As {@link #markHandled(String, Instant)}: the first mark stays, with its value or without. */
    @Override
    public void markHandled(String deliveryKey, String value, Instant keepUntil) {
        Map<String, AttributeValue> item = mark(deliveryKey, keepUntil);
        item.put(KEPT_VALUE, Attr.s(InboundLog.checkedValue(value)));
        table.putIf(item, Condition.attributeNotExists(TableLayout.PK));
    }

    @Override
    public Optional<String> markedValue(String deliveryKey) {
        return table.get(TableLayout.key(TYPE + "#" + deliveryKey, TYPE))
                .flatMap(item -> Attr.optionalString(item, KEPT_VALUE));
    }

    private static Map<String, AttributeValue> mark(String deliveryKey, Instant keepUntil) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + deliveryKey, TYPE);
        item.put("mid", Attr.s(deliveryKey));
        item.put("keepUntil", Attr.time(keepUntil));
        TableLayout.putDue(item, Purge.KIND, deliveryKey, keepUntil);
        TableLayout.putGcAfter(item, keepUntil);
        return item;
    }
}

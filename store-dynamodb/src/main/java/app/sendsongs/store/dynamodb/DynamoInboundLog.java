package app.sendsongs.store.dynamodb;

import app.sendsongs.core.chat.InboundLog;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Inbound events already handled: {@code MID#<delivery key>} (the platform and the event id, e.g.
 * {@code MID#messenger:<mid>}), written with a condition that no such item exists, so exactly one
 * delivery of an event is the first. In the due index under {@code PURGE} at the time first seen.
 * Records written before keys named the platform ({@code MID#<mid>}) are never matched again; the
 * purge removes them like any other.
 */
final class DynamoInboundLog implements InboundLog {
    static final String TYPE = "MID";

    private final DynamoTable table;

    DynamoInboundLog(DynamoTable table) {
        this.table = table;
    }

    @Override
    public boolean firstDelivery(String deliveryKey, Instant at) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + deliveryKey, TYPE);
        item.put("mid", Attr.s(deliveryKey));
        item.put("seenAt", Attr.time(at));
        TableLayout.putDue(item, Purge.KIND, deliveryKey, at);
        TableLayout.putGcAfter(item, at);
        return table.putIf(item, Condition.attributeNotExists(TableLayout.PK));
    }
}

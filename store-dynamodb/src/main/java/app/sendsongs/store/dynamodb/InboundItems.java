package app.sendsongs.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Webhook message ids already handled: {@code MID#<mid>}, written with a condition that no such
 * item exists, so exactly one delivery of a {@code mid} is the first. In the due index under
 * {@code PURGE} at the time first seen.
 */
final class InboundItems {
    static final String TYPE = "MID";

    private final DynamoTable table;

    InboundItems(DynamoTable table) {
        this.table = table;
    }

    boolean firstDelivery(String mid, Instant at) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + mid, TYPE);
        item.put("mid", Attr.s(mid));
        item.put("seenAt", Attr.time(at));
        TableLayout.putDue(item, Purge.KIND, mid, at);
        TableLayout.putGcAfter(item, at);
        return table.putIf(item, Condition.attributeNotExists(TableLayout.PK));
    }
}

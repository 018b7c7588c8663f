package app.sendsongs.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Per-person sequence numbers ({@code COUNTERS#<psid>}), one atomic ADD each: they keep the order
 * in which a person's messages were held and songs were sent when several share a millisecond.
 * Per person rather than per table, so no single item takes every write.
 */
final class Counters {
    static final String TYPE = "COUNTERS";
    static final String HELD_MESSAGES = "heldMessages";
    static final String SENT_SHARES = "sentShares";

    private final DynamoTable table;

    Counters(DynamoTable table) {
        this.table = table;
    }

    /** The next number of the person's counter: 1, 2, 3, ... */
    long next(String psid, String counter) {
        Map<String, AttributeValue> stored = table.update(key(psid),
                new Update().set(TableLayout.TYPE, Attr.s(TYPE)).add(counter, 1));
        return Attr.number(stored, counter);
    }

    void delete(String psid) {
        table.delete(key(psid));
    }

    private static Map<String, AttributeValue> key(String psid) {
        return TableLayout.key(TYPE + "#" + psid, TYPE);
    }
}

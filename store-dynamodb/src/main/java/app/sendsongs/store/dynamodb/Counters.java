package app.sendsongs.store.dynamodb;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Per-person sequence numbers ({@code COUNTERS#<person>}), one atomic ADD each: they keep the order
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
    long next(ChatAddress person, String counter) {
        Map<String, AttributeValue> stored = table.update(key(person),
                new Update().set(TableLayout.TYPE, Attr.s(TYPE)).add(counter, 1));
        return Attr.number(stored, counter);
    }

    /** Reserves {@code count} numbers of the person's counter at once: returns the first of them. */
    long reserve(ChatAddress person, String counter, int count) {
        Map<String, AttributeValue> stored = table.update(key(person),
                new Update().set(TableLayout.TYPE, Attr.s(TYPE)).add(counter, count));
        return Attr.number(stored, counter) - count + 1;
    }

    void delete(ChatAddress person) {
        table.delete(key(person));
    }

    private static Map<String, AttributeValue> key(ChatAddress person) {
        return TableLayout.key(TYPE + "#" + PersonKey.of(person), TYPE);
    }
}

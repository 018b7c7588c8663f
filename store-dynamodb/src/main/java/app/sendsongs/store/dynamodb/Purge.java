package app.sendsongs.store.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Removes expired leftovers (OAuth states, registration codes, open questions, handled marks of
 * inbound events, the records of messages that left the outbox): every
 * item in the due index under {@code PURGE} due before the cutoff. Each delete is conditional on the
 * item still having the due time the index showed, so a value saved again meanwhile stays.
 * This, not TTL, is what keeps the table from growing.
 */
final class Purge {
    static final String KIND = "PURGE";

    private final DynamoTable table;
    private final DueIndex due;

    Purge(DynamoTable table, DueIndex due) {
        this.table = table;
        this.due = due;
    }

    void before(Instant cutoff) {
        for (Map<String, AttributeValue> item : due.dueBefore(KIND, cutoff)) {
            Map<String, AttributeValue> key = TableLayout.key(Attr.string(item, TableLayout.PK),
                    Attr.string(item, TableLayout.SK));
            table.deleteIf(key, Condition.equalTo(TableLayout.DUE_AT, item.get(TableLayout.DUE_AT)));
        }
    }
}

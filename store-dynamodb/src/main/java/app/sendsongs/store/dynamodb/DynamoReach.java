package app.sendsongs.store.dynamodb;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.ReachStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** People their chat platform could not reach: {@code UNREACHABLE#<person>} / {@code UNREACHABLE}, with {@code since}. */
final class DynamoReach implements ReachStore {
    static final String TYPE = "UNREACHABLE";
    private static final String SINCE = "since";

    private final DynamoTable table;

    DynamoReach(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void markUnreachable(ChatAddress person, Instant at) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, partition(person), TYPE);
        item.put(SINCE, Attr.time(at));
        table.put(item);
    }

    @Override
    public void markReachable(ChatAddress person) {
        forget(person);
    }

    @Override
    public Optional<Instant> unreachableSince(ChatAddress person) {
        return table.get(key(person)).map(item -> Attr.time(item, SINCE));
    }

    void forget(ChatAddress person) {
        table.delete(key(person));
    }

    private static String partition(ChatAddress person) {
        return TYPE + "#" + PersonKey.of(person);
    }

    private static Map<String, AttributeValue> key(ChatAddress person) {
        return TableLayout.key(partition(person), TYPE);
    }
}

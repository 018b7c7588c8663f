package app.sendsongs.store.dynamodb;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Held messages live in their person's partition, {@code OUTBOX#<person>} / {@code HELD#<id>}
 * ({@link PersonKey}, also in {@code psid}), so the person's queue is one strongly consistent
 * query: the core reads it right after releasing messages and must not see them again.
 * {@code HELD#<id>} points from a message id to its person (release knows only the id).
 * {@code seq}, from the person's counter, orders messages held in the same millisecond. A message
 * with a retry time is in the due index under {@code RETRY}. The message itself, with its choices
 * and card, is in {@link MessageAttributes}.
 */
final class DynamoOutbox implements OutboxStore {
    static final String TYPE = "HELD";
    static final String POINTER_TYPE = "HELD_ID";
    static final String RETRY = "RETRY";
    private static final String PARTITION = "OUTBOX#";
    private static final String SEQ = "seq";
    private static final String PERSON = "psid";
    private static final String RETRY_AT = "retryAt";
    private static final Comparator<Map<String, AttributeValue>> IN_QUEUE_ORDER = Comparator
            .<Map<String, AttributeValue>>comparingLong(item -> Attr.number(item, "heldAt"))
            .thenComparingLong(item -> Attr.number(item, SEQ));
    private static final Comparator<Map<String, AttributeValue>> RETRY_ORDER = Comparator
            .<Map<String, AttributeValue>>comparingLong(item -> Attr.number(item, TableLayout.DUE_AT))
            .thenComparing(item -> Attr.string(item, PERSON))
            .thenComparing(IN_QUEUE_ORDER);

    private final DynamoTable table;
    private final DueIndex due;
    private final Counters counters;

    DynamoOutbox(DynamoTable table, DueIndex due, Counters counters) {
        this.table = table;
        this.due = due;
        this.counters = counters;
    }

    /** Inserts, or replaces the message with the same id, keeping its place in the queue. */
    @Override
    public void holdMessage(HeldMessage message) {
        Optional<Map<String, AttributeValue>> pointer = table.get(pointerKey(message.id()));
        Optional<String> heldFor = pointer.map(p -> Attr.string(p, PERSON));
        long seq;
        if (heldFor.equals(Optional.of(PersonKey.of(message.to())))) {
            seq = Attr.number(pointer.get(), SEQ);
        } else {
            heldFor.ifPresent(person -> table.delete(messageKey(person, message.id())));
            seq = counters.next(message.to(), Counters.HELD_MESSAGES);
        }
        table.put(pointer(message, seq));
        table.put(item(message, seq));
    }

    @Override
    public List<HeldMessage> heldMessagesFor(ChatAddress person) {
        Condition inQueue = Condition.equalTo(TableLayout.PK, Attr.s(partition(person)))
                .and(Condition.beginsWith(TableLayout.SK, Attr.s(TYPE + "#")));
        return table.query(DynamoTable.queryFor(inQueue).consistentRead(true).build(), 0).stream()
                .sorted(IN_QUEUE_ORDER).map(DynamoOutbox::message).toList();
    }

    @Override
    public List<HeldMessage> heldMessagesToRetry(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return due.dueBy(RETRY, now, limit).stream().sorted(RETRY_ORDER).limit(limit).map(DynamoOutbox::message)
                .toList();
    }

    /** One conditional update of the message item: its retry time as read (and come), or none, becomes the lease end. */
    @Override
    public boolean leaseHeldMessage(HeldMessage message, Instant now, Instant leaseUntil) {
        if (message.retryAt().filter(now::isBefore).isPresent()) {
            return false;
        }
        Map<String, AttributeValue> due = new HashMap<>();
        TableLayout.putDue(due, RETRY, PersonKey.of(message.to()), leaseUntil);
        Condition asRead = message.retryAt()
                .map(at -> Condition.equalTo(RETRY_AT, Attr.time(at)))
                .orElse(Condition.attributeExists(TableLayout.PK).and(Condition.attributeNotExists(RETRY_AT)));
        return table.updateIf(messageKey(PersonKey.of(message.to()), message.id()),
                new Update().set(RETRY_AT, Attr.time(leaseUntil)).setAll(due), asRead).isPresent();
    }

    @Override
    public void releaseHeldMessage(String id) {
        table.get(pointerKey(id)).ifPresent(pointer -> {
            table.delete(messageKey(Attr.string(pointer, PERSON), id));
            table.delete(pointerKey(id));
        });
    }

    /** Deletes every message held for the person, with their pointers. */
    void deleteFor(ChatAddress person) {
        Condition partition = Condition.equalTo(TableLayout.PK, Attr.s(partition(person)));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.query(DynamoTable.queryFor(partition).consistentRead(true)
                .build(), 0)) {
            keys.add(TableLayout.key(Attr.string(item, TableLayout.PK), Attr.string(item, TableLayout.SK)));
            keys.add(pointerKey(Attr.string(item, "id")));
        }
        table.deleteAll(keys);
    }

    private static String partition(ChatAddress person) {
        return PARTITION + PersonKey.of(person);
    }

    private static Map<String, AttributeValue> messageKey(String person, String id) {
        return TableLayout.key(PARTITION + person, TYPE + "#" + id);
    }

    private static Map<String, AttributeValue> pointerKey(String id) {
        return TableLayout.key(TYPE + "#" + id, TYPE);
    }

    private static Map<String, AttributeValue> pointer(HeldMessage message, long seq) {
        Map<String, AttributeValue> item = TableLayout.item(POINTER_TYPE, TYPE + "#" + message.id(), TYPE);
        item.put(PERSON, Attr.person(message.to()));
        item.put(SEQ, Attr.n(seq));
        return item;
    }

    private static Map<String, AttributeValue> item(HeldMessage message, long seq) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, partition(message.to()), TYPE + "#" + message.id());
        item.put("id", Attr.s(message.id()));
        item.put(PERSON, Attr.person(message.to()));
        MessageAttributes.put(item, message.message());
        item.put("heldAt", Attr.time(message.heldAt()));
        item.put(SEQ, Attr.n(seq));
        message.retryAt().ifPresent(at -> {
            item.put(RETRY_AT, Attr.time(at));
            TableLayout.putDue(item, RETRY, PersonKey.of(message.to()), at);
        });
        message.shareId().ifPresent(id -> item.put("shareId", Attr.s(id)));
        return item;
    }

    private static HeldMessage message(Map<String, AttributeValue> item) {
        return new HeldMessage(Attr.string(item, "id"), Attr.person(item, PERSON), MessageAttributes.read(item),
                Attr.time(item, "heldAt"), Attr.optionalTime(item, RETRY_AT), Attr.optionalString(item, "shareId"));
    }
}

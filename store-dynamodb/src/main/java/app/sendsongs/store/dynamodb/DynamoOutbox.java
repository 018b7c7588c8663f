package app.sendsongs.store.dynamodb;

import app.sendsongs.core.chat.HeldMessage;
import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox. Held messages live in their person's partition, {@code OUTBOX#<person>} /
 * {@code HELD#<id>} ({@link PersonKey}, also in {@code psid}), so the person's queue is one strongly
 * consistent query: the core reads it right after releasing messages and must not see them again.
 *
 * <p>{@code HELD#<id>} / {@code HELD} is the message id's record: who the message is for, and once it
 * left (sent, withdrawn or given up) that it left, until {@code keepUntil} (then it is purged through
 * the due index under {@code PURGE}). Holding a message reads that record (none: never held), puts the
 * message item on condition that it does not exist (of two holders one wins), then puts the record on
 * the same condition; if the id left meanwhile, the message item is taken back. A message sent under the
 * platform's id for it (a post to edit later) keeps that id in the record, as {@code sentAs}. A holder stopped between
 * the two puts leaves a message item without a record: it is sent, and released, like any other.
 *
 * <p>{@code seq}, from the person's counter, orders messages held in the same millisecond. A message is
 * in the due index under {@code RETRY} at its due time (its retry time, or its expiry). Each person it is
 * about has a link item {@code ABOUT#<person>} / {@code HELD#<id>}. The message itself, with its choices
 * and card, is in {@link MessageAttributes}. Messages held before every message was held are read as
 * tried once (they were held because a send did not deliver them) and as expiring 14 days after they
 * were held; those waiting for their person are in no due index, so they are
 * given up only if they are held again (retried) first.
 */
final class DynamoOutbox implements OutboxStore {
    static final String TYPE = "HELD";
    static final String POINTER_TYPE = "HELD_ID";
    static final String RETRY = "RETRY";
    private static final String PARTITION = "OUTBOX#";
    private static final String ABOUT_PARTITION = "ABOUT#";
    private static final String SEQ = "seq";
    private static final String PERSON = "psid";
    private static final String RETRY_AT = "retryAt";
    private static final String TRIES = "tries";
    private static final String REFUSALS = "refusals";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String ABOUT = "about";
    private static final String LEFT = "left";
    private static final String KEEP_UNTIL = "keepUntil";
    private static final String SENT_AS = "sentAs";
    /** The expiry read for a message held before messages had one. */
    private static final Duration OLD_MESSAGES_EXPIRE_AFTER = Duration.ofDays(14);
    private static final Comparator<Map<String, AttributeValue>> IN_QUEUE_ORDER = Comparator
            .<Map<String, AttributeValue>>comparingLong(item -> Attr.number(item, "heldAt"))
            .thenComparingLong(item -> Attr.number(item, SEQ));
    private static final Comparator<Map<String, AttributeValue>> DUE_ORDER = Comparator
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

    @Override
    public List<HeldMessage> holdNew(List<HeldMessage> messages) {
        List<HeldMessage> held = new ArrayList<>();
        for (HeldMessage message : messages) {
            if (hold(message)) {
                held.add(message);
            }
        }
        return held;
    }

    private boolean hold(HeldMessage message) {
        if (table.get(pointerKey(message.id())).isPresent()) {
            return false;
        }
        long seq = counters.next(message.to(), Counters.HELD_MESSAGES);
        Map<String, AttributeValue> key = messageKey(PersonKey.of(message.to()), message.id());
        if (!table.putIf(item(message, seq), Condition.attributeNotExists(TableLayout.PK))) {
            return false;
        }
        if (!table.putIf(pointer(message, seq), Condition.attributeNotExists(TableLayout.PK))) {
            table.deleteIf(key, Condition.equalTo(SEQ, Attr.n(seq)));
            return false;
        }
        message.about().forEach(person -> table.put(aboutLink(person, message)));
        return true;
    }

    /** The retry time (and so the due time) and the refusals, only while the message is held as the caller knows it. */
    @Override
    public boolean holdMessage(HeldMessage message, Optional<Instant> asHeld) {
        Map<String, AttributeValue> due = new HashMap<>();
        TableLayout.putDue(due, RETRY, PersonKey.of(message.to()), message.dueAt());
        Update update = new Update().setOrRemove(RETRY_AT, message.retryAt().map(Attr::time))
                .set(TRIES, Attr.n(message.tries())).set(REFUSALS, Attr.n(message.refusals())).setAll(due);
        return table.updateIf(messageKey(PersonKey.of(message.to()), message.id()), update, heldAs(asHeld))
                .isPresent();
    }

    /** The message is held with this retry time, or with none. */
    private static Condition heldAs(Optional<Instant> retryAt) {
        return retryAt.map(at -> Condition.equalTo(RETRY_AT, Attr.time(at)))
                .orElse(Condition.attributeExists(TableLayout.PK).and(Condition.attributeNotExists(RETRY_AT)));
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
        return due.dueBy(RETRY, now, limit).stream().sorted(DUE_ORDER).limit(limit).map(DynamoOutbox::message)
                .toList();
    }

    /** One conditional update of the message item: its retry time as read (and come), or none, becomes the lease end. */
    @Override
    public boolean leaseHeldMessage(HeldMessage message, Instant now, Instant leaseUntil) {
        if (message.retryAt().filter(now::isBefore).isPresent()) {
            return false;
        }
        Map<String, AttributeValue> due = new HashMap<>();
        TableLayout.putDue(due, RETRY, PersonKey.of(message.to()), message.retryingAt(Optional.of(leaseUntil)).dueAt());
        return table.updateIf(messageKey(PersonKey.of(message.to()), message.id()),
                new Update().set(RETRY_AT, Attr.time(leaseUntil)).setAll(due), heldAs(message.retryAt())).isPresent();
    }

    @Override
    public void releaseHeldMessage(HeldMessage message, Instant keepUntil, Optional<String> sentAs) {
        release(PersonKey.of(message.to()), message.id(), keepUntil, sentAs);
    }

    @Override
    public Optional<String> sentAs(String id) {
        return table.get(pointerKey(id)).filter(record -> record.containsKey(LEFT) && record.containsKey(SENT_AS))
                .map(record -> Attr.string(record, SENT_AS));
    }

    /**
     * The message item goes (the one delete that returns it decides), then its links, then its record
     * says it left (kept until {@code keepUntil}), with the platform's id of it if it was sent under one.
     * True if it was held.
     */
    private boolean release(String person, String id, Instant keepUntil, Optional<String> sentAs) {
        Optional<Map<String, AttributeValue>> item = table.take(messageKey(person, id));
        if (item.isEmpty()) {
            return false;
        }
        if (item.get().containsKey(ABOUT)) {
            Attr.list(item.get(), ABOUT).forEach(about -> table.delete(aboutLinkKey(about, id)));
        }
        Map<String, AttributeValue> left = new HashMap<>();
        left.put(TableLayout.TYPE, Attr.s(POINTER_TYPE));
        left.put(PERSON, Attr.s(person));
        left.put(LEFT, Attr.bool(true));
        left.put(KEEP_UNTIL, Attr.time(keepUntil));
        sentAs.ifPresent(ref -> left.put(SENT_AS, Attr.s(ref)));
        TableLayout.putDue(left, Purge.KIND, id, keepUntil);
        TableLayout.putGcAfter(left, keepUntil);
        table.update(pointerKey(id), new Update().setAll(left));
        return true;
    }

    @Override
    public List<HeldMessage> heldMessages(List<String> ids) {
        List<Map<String, AttributeValue>> pointers = table.getAll(ids.stream().distinct().map(DynamoOutbox::pointerKey)
                .toList());
        List<Map<String, AttributeValue>> keys = pointers.stream().filter(p -> !p.containsKey(LEFT))
                .map(p -> messageKey(Attr.string(p, PERSON), Attr.string(p, TableLayout.PK).substring(TYPE.length() + 1)))
                .toList();
        return table.getAll(keys).stream().map(DynamoOutbox::message).toList();
    }

    @Override
    public int withdrawAbout(ChatAddress person, Instant keepUntil) {
        Condition links = Condition.equalTo(TableLayout.PK, Attr.s(ABOUT_PARTITION + PersonKey.of(person)));
        int withdrawn = 0;
        for (Map<String, AttributeValue> link : table.query(DynamoTable.queryFor(links).consistentRead(true)
                .build(), 0)) {
            if (release(Attr.string(link, "to"), Attr.string(link, "id"), keepUntil, Optional.empty())) {
                withdrawn++;
            }
            table.delete(TableLayout.key(Attr.string(link, TableLayout.PK), Attr.string(link, TableLayout.SK)));
        }
        return withdrawn;
    }

    /** Deletes every message held for the person, with their records and links. */
    void deleteFor(ChatAddress person) {
        Condition partition = Condition.equalTo(TableLayout.PK, Attr.s(partition(person)));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.query(DynamoTable.queryFor(partition).consistentRead(true)
                .build(), 0)) {
            String id = Attr.string(item, "id");
            keys.add(TableLayout.key(Attr.string(item, TableLayout.PK), Attr.string(item, TableLayout.SK)));
            keys.add(pointerKey(id));
            if (item.containsKey(ABOUT)) {
                Attr.list(item, ABOUT).forEach(about -> keys.add(aboutLinkKey(about, id)));
            }
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

    private static Map<String, AttributeValue> aboutLinkKey(String aboutPerson, String id) {
        return TableLayout.key(ABOUT_PARTITION + aboutPerson, TYPE + "#" + id);
    }

    private static Map<String, AttributeValue> aboutLink(ChatAddress aboutPerson, HeldMessage message) {
        Map<String, AttributeValue> item = TableLayout.item("HELD_ABOUT", ABOUT_PARTITION + PersonKey.of(aboutPerson),
                TYPE + "#" + message.id());
        item.put("id", Attr.s(message.id()));
        item.put("to", Attr.person(message.to()));
        return item;
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
        message.retryAt().ifPresent(at -> item.put(RETRY_AT, Attr.time(at)));
        message.shareId().ifPresent(id -> item.put("shareId", Attr.s(id)));
        item.put(TRIES, Attr.n(message.tries()));
        item.put(REFUSALS, Attr.n(message.refusals()));
        item.put(EXPIRES_AT, Attr.time(message.expiresAt()));
        if (!message.about().isEmpty()) {
            item.put(ABOUT, Attr.people(message.about()));
        }
        TableLayout.putDue(item, RETRY, PersonKey.of(message.to()), message.dueAt());
        return item;
    }

    private static HeldMessage message(Map<String, AttributeValue> item) {
        Instant heldAt = Attr.time(item, "heldAt");
        return new HeldMessage(Attr.string(item, "id"), Attr.person(item, PERSON), MessageAttributes.read(item),
                heldAt, Attr.optionalTime(item, RETRY_AT), Attr.optionalString(item, "shareId"),
                item.containsKey(TRIES) ? (int) Attr.number(item, TRIES) : 1,
                item.containsKey(REFUSALS) ? (int) Attr.number(item, REFUSALS) : 0,
                Attr.optionalTime(item, EXPIRES_AT).orElse(heldAt.plus(OLD_MESSAGES_EXPIRE_AFTER)),
                item.containsKey(ABOUT) ? Attr.people(item, ABOUT) : List.of());
    }
}

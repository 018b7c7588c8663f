package app.sendsongs.store.dynamodb;

import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.GroupChatEventText;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.InboxClaim;
import app.sendsongs.core.chat.InboxStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The inbox in the person's partition, {@code INBOX#<person>}: an item per waiting event,
 * {@code EVENT#<delivery key>}, and the claim on the person, {@code CLAIM} (who holds them until when).
 *
 * <ul>
 * <li><b>Append</b> is a BatchWriteItem of puts without conditions (BatchWriteItem takes none): one
 * request per 25 events. An event delivered again while it waits is the same item, written again; one
 * already handled and removed comes back, and the bot skips it by its handled mark. Each event has an
 * {@code order} from the time it came (microseconds, made strictly increasing within the process) and is in
 * the {@code due} index under {@code INBOX} at that time.</li>
 * <li><b>Claim</b> reads the oldest waiting events from the {@code due} index and takes the first of their
 * people nobody holds, with one conditional update of the person's {@code CLAIM} item (no lease, or one
 * that has ended); then it reads the person's partition, strongly consistent, for their events in
 * order. The index may lag or list events already handled: nothing is decided on it, and a person
 * claimed with nothing left is let go again.</li>
 * <li><b>Renew</b> moves the claim's lease end, with one conditional update: only if it is still this
 * worker's (same lease end).</li>
 * <li><b>Release</b> deletes the handled events and the claim, the claim only if it is still this
 * worker's (same lease end).</li>
 * <li>A group chat's move waiting is also in {@code gsi1} under {@code CHATMOVINGTO#<chat moved to>}, so an event
 * in the new chat finds it before it is handled.</li>
 * </ul>
 */
final class DynamoInbox implements InboxStore {
    static final String KIND = "INBOX";
    private static final String PARTITION = "INBOX#";
    private static final String EVENT = "EVENT#";
    private static final String CLAIM = "CLAIM";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String ORDER = "order";
    private static final String FAILURES = "failures";
    /** {@code gsi1} of a waiting move of a group chat, by the chat it moves to. */
    private static final String MOVING_TO = "CHATMOVINGTO#";
    /** Oldest waiting events read from each shard of the due index to find someone to claim. */
    private static final int CANDIDATES_PER_SHARD = 100;
    /** Later than any event's time: every waiting event is listed, whenever it came. */
    private static final Instant ANY_TIME = Instant.ofEpochMilli(999_999_999_999_999L);

    private final DynamoTable table;
    private final DueIndex due;
    private final AtomicLong lastOrder = new AtomicLong();

    DynamoInbox(DynamoTable table, DueIndex due) {
        this.table = table;
        this.due = due;
    }

    @Override
    public int append(List<Inbound> events, Instant receivedAt) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        for (Inbound event : events) {
            items.putIfAbsent(event.deliveryKey(), item(event, receivedAt, nextOrder(receivedAt)));
        }
        table.putAll(List.copyOf(items.values()));
        return items.size();
    }

    @Override
    public Optional<InboxClaim> claim(Instant now, Instant leaseUntil, int limit) {
        for (String person : waitingPeople()) {
            if (takeClaim(person, now, leaseUntil)) {
                List<Map<String, AttributeValue>> waiting = eventsOf(person);
                if (!waiting.isEmpty()) {
                    List<Map<String, AttributeValue>> taken = waiting.subList(0, Math.min(limit, waiting.size()));
                    return Optional.of(new InboxClaim(PersonKey.address(person), taken.stream().map(DynamoInbox::event)
                            .toList(), failures(taken.getFirst()),
                            leaseUntil));
                }
                table.deleteIf(claimKey(person), Condition.equalTo(LEASE_UNTIL, Attr.time(leaseUntil)));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean renew(InboxClaim claim, Instant leaseUntil) {
        Update renewed = new Update().set(LEASE_UNTIL, Attr.time(leaseUntil));
        return table.updateIf(claimKey(PersonKey.of(claim.person())), renewed,
                Condition.equalTo(LEASE_UNTIL, Attr.time(claim.leaseUntil()))).isPresent();
    }

    @Override
    public void release(InboxClaim claim, List<String> handledKeys) {
        String person = PersonKey.of(claim.person());
        table.deleteAll(handledKeys.stream().map(key -> eventKey(person, key)).toList());
        table.deleteIf(claimKey(person), Condition.equalTo(LEASE_UNTIL, Attr.time(claim.leaseUntil())));
    }

    @Override
    public void failed(InboxClaim claim, List<String> handledKeys, String failedKey, Instant retryAt) {
        String person = PersonKey.of(claim.person());
        table.deleteAll(handledKeys.stream().map(key -> eventKey(person, key)).toList());
        table.updateIf(eventKey(person, failedKey), new Update().add(FAILURES, 1),
                Condition.attributeExists(TableLayout.PK));
        table.updateIf(claimKey(person), new Update().set(LEASE_UNTIL, Attr.time(retryAt)),
                Condition.equalTo(LEASE_UNTIL, Attr.time(claim.leaseUntil())));
    }

    @Override
    public boolean hasWaiting() {
        return !due.dueBy(KIND, ANY_TIME, 1).isEmpty();
    }

    @Override
    public List<ChatAddress> chatsMovingTo(ChatAddress chat) {
        Condition movesThere = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(MOVING_TO + PersonKey.of(chat)));
        List<Map<String, AttributeValue>> items = new ArrayList<>(table.query(DynamoTable.queryFor(movesThere)
                .indexName(TableLayout.GSI1).build(), 0));
        items.sort(Comparator.comparingLong(item -> Attr.number(item, ORDER)));
        return items.stream().map(DynamoInbox::event).map(event -> ((Inbound.InGroupChat) event).chat().address())
                .toList();
    }

    /** The people of the oldest waiting events, in the order of their oldest event. */
    private Set<String> waitingPeople() {
        Set<String> people = new LinkedHashSet<>();
        due.dueBy(KIND, ANY_TIME, CANDIDATES_PER_SHARD).forEach(item -> people.add(Attr.string(item, "psid")));
        return people;
    }

    /** One conditional update: the claim is free (never taken, let go, or its lease ended by {@code now}). */
    private boolean takeClaim(String person, Instant now, Instant leaseUntil) {
        Condition free = Condition.attributeNotExists(LEASE_UNTIL).or(Condition.atMost(LEASE_UNTIL, Attr.time(now)));
        return table.updateIf(claimKey(person), new Update().set(TableLayout.TYPE, Attr.s("INBOX_CLAIM"))
                .set(LEASE_UNTIL, Attr.time(leaseUntil)), free).isPresent();
    }

    /** The person's waiting events, in the order they came. */
    private List<Map<String, AttributeValue>> eventsOf(String person) {
        Condition events = Condition.equalTo(TableLayout.PK, Attr.s(PARTITION + person))
                .and(Condition.beginsWith(TableLayout.SK, Attr.s(EVENT)));
        List<Map<String, AttributeValue>> items = new ArrayList<>(table.query(DynamoTable.queryFor(events)
                .consistentRead(true).build(), 0));
        items.sort(Comparator.comparingLong(item -> Attr.number(item, ORDER)));
        return items;
    }

    /** Microseconds since the epoch, strictly increasing within this process. */
    private long nextOrder(Instant receivedAt) {
        long micros = receivedAt.toEpochMilli() * 1_000;
        return lastOrder.updateAndGet(last -> Math.max(last + 1, micros));
    }

    private static int failures(Map<String, AttributeValue> item) {
        return item.containsKey(FAILURES) ? (int) Attr.number(item, FAILURES) : 0;
    }

    private static Map<String, AttributeValue> claimKey(String person) {
        return TableLayout.key(PARTITION + person, CLAIM);
    }

    private static Map<String, AttributeValue> eventKey(String person, String deliveryKey) {
        return TableLayout.key(PARTITION + person, EVENT + deliveryKey);
    }

    private static Map<String, AttributeValue> item(Inbound event, Instant receivedAt, long order) {
        String person = PersonKey.of(event.from());
        Map<String, AttributeValue> item = TableLayout.item("INBOX_EVENT", PARTITION + person,
                EVENT + event.deliveryKey());
        item.put("psid", Attr.s(person));
        item.put("eventId", Attr.s(event.eventId()));
        item.put("at", Attr.time(event.at()));
        item.put("receivedAt", Attr.time(receivedAt));
        item.put(ORDER, Attr.n(order));
        switch (event) {
            case Inbound.Text text -> put(item, "text", text.text(), null);
            case Inbound.ChoiceTapped tap -> put(item, "choice", tap.payload(), tap.title());
            case Inbound.ButtonTapped tap -> put(item, "button", tap.payload(), tap.title());
            case Inbound.OpenedLink opened -> put(item, "link", opened.ref(), null);
            case Inbound.Unreadable unreadable -> put(item, "unreadable", unreadable.what(), null);
            case Inbound.Edited edited -> put(item, "edited", "", null);
            case Inbound.BotBlocked blocked -> put(item, "blocked", "", null);
            case Inbound.BotUnblocked unblocked -> put(item, "unblocked", "", null);
            case Inbound.InGroupChat inGroup -> {
                put(item, "group", GroupChatEventText.of(inGroup), inGroup.chat().title());
                if (inGroup.action() instanceof GroupChatAction.Moved moved) {
                    item.put(TableLayout.GSI1_PK, Attr.s(MOVING_TO + PersonKey.of(moved.to())));
                    item.put(TableLayout.GSI1_SK, Attr.s(event.deliveryKey()));
                }
            }
        }
        TableLayout.putDue(item, KIND, person, receivedAt);
        return item;
    }

    private static void put(Map<String, AttributeValue> item, String kind, String body, String title) {
        item.put("kind", Attr.s(kind));
        item.put("body", Attr.s(body));
        Attr.putIfPresent(item, "title", Attr.sOrNull(title));
    }

    private static Inbound event(Map<String, AttributeValue> item) {
        String id = Attr.string(item, "eventId");
        ChatAddress from = PersonKey.address(Attr.string(item, "psid"));
        Instant at = Attr.time(item, "at");
        String body = Attr.string(item, "body");
        return switch (Attr.string(item, "kind")) {
            case "text" -> new Inbound.Text(id, from, at, body);
            case "choice" -> new Inbound.ChoiceTapped(id, from, at, body, Attr.string(item, "title"));
            case "button" -> new Inbound.ButtonTapped(id, from, at, body, Attr.string(item, "title"));
            case "link" -> new Inbound.OpenedLink(id, from, at, body);
            case "unreadable" -> new Inbound.Unreadable(id, from, at, body);
            case "edited" -> new Inbound.Edited(id, from, at);
            case "blocked" -> new Inbound.BotBlocked(id, from, at);
            case "unblocked" -> new Inbound.BotUnblocked(id, from, at);
            case "group" -> GroupChatEventText.read(id, from, at, body, Attr.string(item, "title"));
            default -> throw new DynamoStoreException("an inbox event of unknown kind " + Attr.string(item, "kind"));
        };
    }
}

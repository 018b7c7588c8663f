package app.sendsongs.store.dynamodb;

import app.sendsongs.core.chat.ChatPace;
import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.chat.PaceRules;
import app.sendsongs.core.chat.PaceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A platform's send pace on the table, shared by every process that sends on it: an item per chat
 * ({@code PACE#<platform>#<chat id>}) and one for the overall pace ({@code PACE#<platform>}). Each reservation reads
 * the item, works out the slot ({@link ChatPace}'s arithmetic) and writes it back on condition that its version is
 * still the one read; another sender's write in between makes it start again, a few times. TTL removes an item
 * {@link TableLayout#GC_GRACE} after its pace stopped holding anything back. Times are kept in epoch nanoseconds: at
 * hundreds of messages a second, milliseconds would round the overall pace.
 *
 * <p>The threads that share one ledger (a server's workers) take turns at an item, so that only other processes'
 * writes come between a read and its write: racing each other too, a dozen threads sending at once used up the
 * attempts of some, whose messages were then held for want of a pace.
 */
final class DynamoPace implements PaceLedger {
    static final String TYPE = "PACE";
    /** Tries of one reservation while other senders' writes come in between. */
    static final int ATTEMPTS = 8;
    private static final String VERSION = "version";
    private static final String NEXT = "next";
    private static final String HELD_UNTIL = "heldUntil";
    private static final String GROUP_SLOTS = "groupSlots";
    /** How many locks the items share out: a chat waits for another's turn only when they fall on the same one. */
    private static final int TURN_LOCKS = 64;
    /**
     * How long a reservation waits for its turn at an item before it answers that the pace cannot be told: bounds the
     * queue behind a call the table does not answer, yet outlasts a burst of a few hundred turns of a few milliseconds.
     */
    static final Duration TURN_WAIT = Duration.ofSeconds(10);

    private final DynamoTable table;
    private final String platform;
    private final PaceRules rules;
    private final ReentrantLock[] turns = new ReentrantLock[TURN_LOCKS];

    DynamoPace(DynamoTable table, String platform, PaceRules rules) {
        this.table = table;
        this.platform = platform;
        this.rules = rules;
        for (int i = 0; i < TURN_LOCKS; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    @Override
    public PaceRules rules() {
        return rules;
    }

    @Override
    public Instant reserveChat(long chatId, boolean group, Instant now, Duration maxWait) {
        return change(chatKey(chatId), stored -> {
            ChatPace pace = stored.map(DynamoPace::chatPace).orElseGet(ChatPace::new);
            Instant slot = pace.slot(now, rules, group);
            if (Duration.between(now, slot).compareTo(maxWait) > 0) {
                return new Change<>(slot, Optional.empty());
            }
            pace.take(slot, rules, group);
            return new Change<>(slot, Optional.of(chatAttributes(pace)));
        });
    }

    @Override
    public Instant reserveOverall(Instant now) {
        return change(overallKey(), stored -> {
            Instant tat = stored.map(item -> instant(item, NEXT)).orElse(Instant.EPOCH);
            Instant slot = ChatPace.overallSlot(tat, now, rules);
            Instant after = ChatPace.overallAfter(tat, slot, rules);
            return new Change<>(slot, Optional.of(Map.of(NEXT, nanos(after), TableLayout.GC_AFTER, gcAfter(after))));
        });
    }

    @Override
    public void hold(long chatId, Instant until) {
        change(chatKey(chatId), stored -> {
            ChatPace pace = stored.map(DynamoPace::chatPace).orElseGet(ChatPace::new);
            pace.hold(until);
            return new Change<>(until, Optional.of(chatAttributes(pace)));
        });
    }

    /** What a reservation answers, and the attributes to write, if any. */
    private record Change<T>(T answer, Optional<Map<String, AttributeValue>> write) {
    }

    /**
     * In this ledger's turn at the item: reads it, works out the change, writes it if nobody else did meanwhile; again
     * if somebody did.
     */
    private <T> T change(Map<String, AttributeValue> key, Function<Optional<Map<String, AttributeValue>>, Change<T>> how) {
        ReentrantLock turn = turns[Math.floorMod(Attr.string(key, TableLayout.PK).hashCode(), TURN_LOCKS)];
        awaitTurn(turn);
        try {
            return changeNow(key, how);
        } finally {
            turn.unlock();
        }
    }

    private static void awaitTurn(ReentrantLock turn) {
        try {
            if (!turn.tryLock(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PaceUnavailableException("this process's other reservations kept the pace busy for "
                        + TURN_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaceUnavailableException("interrupted while waiting for a turn at the pace", e);
        }
    }

    private <T> T changeNow(Map<String, AttributeValue> key,
                            Function<Optional<Map<String, AttributeValue>>, Change<T>> how) {
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Optional<Map<String, AttributeValue>> stored = table.get(key);
                Change<T> change = how.apply(stored);
                if (change.write().isEmpty() || written(key, stored, change.write().get())) {
                    return change.answer();
                }
            }
        } catch (SdkException e) {
            throw new PaceUnavailableException("DynamoDB table " + table.name() + ": " + e.getMessage(), e);
        }
        throw new PaceUnavailableException("other senders changed the pace " + ATTEMPTS + " times in a row");
    }

    private boolean written(Map<String, AttributeValue> key, Optional<Map<String, AttributeValue>> stored,
                            Map<String, AttributeValue> attributes) {
        long version = stored.map(item -> Attr.number(item, VERSION)).orElse(0L);
        Map<String, AttributeValue> item = TableLayout.item(TYPE, Attr.string(key, TableLayout.PK),
                Attr.string(key, TableLayout.SK));
        item.putAll(attributes);
        item.put(VERSION, Attr.n(version + 1));
        Condition unchanged = stored.isEmpty() ? Condition.attributeNotExists(TableLayout.PK)
                : Condition.equalTo(VERSION, Attr.n(version));
        return table.putIf(item, unchanged);
    }

    private Map<String, AttributeValue> chatAttributes(ChatPace pace) {
        return Map.of(NEXT, nanos(pace.next()), HELD_UNTIL, nanos(pace.heldUntil()),
                GROUP_SLOTS, AttributeValue.fromL(pace.groupSlots().stream().map(DynamoPace::nanos).toList()),
                TableLayout.GC_AFTER, gcAfter(pace.holdsBackUntil(rules)));
    }

    private static ChatPace chatPace(Map<String, AttributeValue> item) {
        return new ChatPace(instant(item, NEXT), instant(item, HELD_UNTIL),
                item.get(GROUP_SLOTS).l().stream().map(slot -> instant(Long.parseLong(slot.n()))).toList());
    }

    private Map<String, AttributeValue> chatKey(long chatId) {
        return TableLayout.key(TYPE + "#" + platform + "#" + chatId, TYPE);
    }

    private Map<String, AttributeValue> overallKey() {
        return TableLayout.key(TYPE + "#" + platform, TYPE);
    }

    private static AttributeValue gcAfter(Instant stopsHoldingBack) {
        return Attr.n(stopsHoldingBack.plus(TableLayout.GC_GRACE).getEpochSecond());
    }

    private static AttributeValue nanos(Instant at) {
        return Attr.n(at.getEpochSecond() * 1_000_000_000L + at.getNano());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return instant(Attr.number(item, name));
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }
}

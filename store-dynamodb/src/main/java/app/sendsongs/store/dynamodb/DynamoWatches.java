package app.sendsongs.store.dynamodb;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One listen check per receiver: {@code WATCH#<receiver>} ({@link PersonKey}, also in
 * {@code receiverPsid}), in the due index under {@code WATCH} at
 * its due time. Every write changes {@code version} and all but the first are conditional on the
 * version read before: a new watch starts at a random version (so a watch deleted and created again
 * does not repeat its predecessor's versions), every later write adds one.
 *
 * <p>Claiming: the due index lists candidates (possibly stale); each is claimed by an UpdateItem
 * conditional on the base item still having the listed version and still being due, which moves
 * its due time to the lease's end. Of two schedulers only one update can meet that condition.
 */
final class DynamoWatches implements WatchStore {
    static final String TYPE = "WATCH";
    private static final String RECEIVER = "receiverPsid";
    private static final String CHECKED_THROUGH = "checkedThrough";
    private static final String VERSION = "version";
    /** Concurrent reschedules of one receiver's watch are rare; this many in a row means something is wrong. */
    private static final int SCHEDULE_ATTEMPTS = 20;

    private final DynamoTable table;
    private final DueIndex due;

    DynamoWatches(DynamoTable table, DueIndex due) {
        this.table = table;
        this.due = due;
    }

    /** Creates the watch, or moves its due time and read position earlier (never later); always a new version. */
    @Override
    public void scheduleWatch(ChatAddress receiver, Instant dueAt, Instant readFrom) {
        for (int attempt = 0; attempt < SCHEDULE_ATTEMPTS; attempt++) {
            Optional<Watch> current = findWatch(receiver);
            boolean written = current.isEmpty()
                    ? table.putIf(item(new Watch(receiver, dueAt, readFrom, firstVersion())),
                            Condition.attributeNotExists(TableLayout.PK))
                    : table.updateIf(key(receiver), new Update()
                                    .setAll(dueAttributes(receiver, earlier(current.get().dueAt(), dueAt)))
                                    .set(CHECKED_THROUGH, Attr.time(earlier(current.get().checkedThrough(), readFrom)))
                                    .set(VERSION, Attr.n(current.get().version() + 1)),
                            versionIs(current.get().version())).isPresent();
            if (written) {
                return;
            }
        }
        throw new DynamoStoreException("a receiver's watch changed " + SCHEDULE_ATTEMPTS
                + " times while it was being scheduled; try again");
    }

    @Override
    public List<Watch> claimDueWatches(Instant now, int limit, Instant leaseUntil) {
        return limit <= 0 ? List.of() : claimFrom(due.dueBy(TYPE, now, limit), now, limit, leaseUntil);
    }

    /**
     * Claims up to {@code limit} of the candidates the due index listed, in their order. A candidate
     * whose base item has another version or is no longer due (claimed by someone else, rescheduled,
     * deleted: the index lags behind) is skipped.
     */
    List<Watch> claimFrom(List<Map<String, AttributeValue>> candidates, Instant now, int limit, Instant leaseUntil) {
        List<Watch> claimed = new ArrayList<>();
        for (Map<String, AttributeValue> candidate : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            ChatAddress receiver = Attr.person(candidate, RECEIVER);
            long version = Attr.number(candidate, VERSION);
            table.updateIf(key(receiver),
                            new Update().setAll(dueAttributes(receiver, leaseUntil)).set(VERSION, Attr.n(version + 1)),
                            versionIs(version).and(Condition.atMost(TableLayout.DUE_AT, Attr.time(now))))
                    .map(DynamoWatches::watch)
                    .ifPresent(claimed::add);
        }
        return claimed;
    }

    @Override
    public boolean rescheduleWatch(Watch claimed, Instant nextDue, Instant checkedThrough) {
        return table.updateIf(key(claimed.receiver()), new Update()
                        .setAll(dueAttributes(claimed.receiver(), nextDue))
                        .set(CHECKED_THROUGH, Attr.time(checkedThrough))
                        .set(VERSION, Attr.n(claimed.version() + 1)),
                versionIs(claimed.version())).isPresent();
    }

    @Override
    public boolean endWatch(Watch claimed) {
        return table.deleteIf(key(claimed.receiver()), versionIs(claimed.version()));
    }

    @Override
    public Optional<Watch> findWatch(ChatAddress receiver) {
        return table.get(key(receiver)).map(DynamoWatches::watch);
    }

    @Override
    public void deleteWatch(ChatAddress receiver) {
        table.delete(key(receiver));
    }

    private static Map<String, AttributeValue> key(ChatAddress receiver) {
        return TableLayout.key(TYPE + "#" + PersonKey.of(receiver), TYPE);
    }

    private static Map<String, AttributeValue> item(Watch watch) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + PersonKey.of(watch.receiver()), TYPE);
        item.put(RECEIVER, Attr.person(watch.receiver()));
        item.putAll(dueAttributes(watch.receiver(), watch.dueAt()));
        item.put(CHECKED_THROUGH, Attr.time(watch.checkedThrough()));
        item.put(VERSION, Attr.n(watch.version()));
        return item;
    }

    /** The due time and its index shard; the due time of a watch is its {@code dueAt}. */
    private static Map<String, AttributeValue> dueAttributes(ChatAddress receiver, Instant dueAt) {
        return Map.of(TableLayout.DUE_SHARD, Attr.s(TableLayout.dueShard(TYPE, PersonKey.of(receiver))),
                TableLayout.DUE_AT, Attr.time(dueAt));
    }

    private static Watch watch(Map<String, AttributeValue> item) {
        return new Watch(Attr.person(item, RECEIVER), Attr.time(item, TableLayout.DUE_AT),
                Attr.time(item, CHECKED_THROUGH), Attr.number(item, VERSION));
    }

    private static Condition versionIs(long version) {
        return Condition.equalTo(VERSION, Attr.n(version));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static long firstVersion() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 52);
    }
}

package app.sendsongs.store.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single table's key and index attributes (see docs/architecture.md, "DynamoDB table design").
 * Every item has {@code pk} and {@code sk} (strings; {@code pk} starts with the item type) and a
 * {@code type}. Four global secondary indexes, shared by the item types that need them:
 * <ul>
 * <li>{@code gsi1} ({@code gsi1pk}, {@code gsi1sk}): lists by owner: users by name, shares by sender,
 * a person's group memberships, group sends by sender;</li>
 * <li>{@code gsi2} ({@code gsi2pk}, {@code gsi2sk}): shares by receiver and state;</li>
 * <li>{@code gsi3} ({@code senderPsid}, {@code gsi2sk}): shares by sender and state. Its keys are attributes every
 * share has had from the start, so DynamoDB builds it from the items already there when it is added to a table;
 * opened invites carry both attributes too, under sort keys that start with a digit;</li>
 * <li>{@code due} ({@code dueShard}, {@code dueAt} as a number): things to do at a time: listen
 * checks, held-message retries, expired leftovers to purge. {@code dueShard} is
 * {@code <kind>#<n>}, the item spread over {@link #DUE_SHARDS} partitions per kind.</li>
 * </ul>
 * {@code gcAfter} (epoch seconds) is the TTL attribute: DynamoDB may delete an item some time
 * after it; no logic waits for that.
 */
final class TableLayout {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String TYPE = "type";

    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";

    static final String GSI2 = "gsi2";
    static final String GSI2_PK = "gsi2pk";
    static final String GSI2_SK = "gsi2sk";

    static final String GSI3 = "gsi3";
    static final String GSI3_PK = "senderPsid";
    static final String GSI3_SK = GSI2_SK;

    static final String DUE = "due";
    static final String DUE_SHARD = "dueShard";
    static final String DUE_AT = "dueAt";

    static final String GC_AFTER = "gcAfter";

    /**
     * Partitions per kind of the due index. Each claim or purge queries all of a kind's shards, so
     * more shards cost queries; fewer put more writes on one index partition. See the sharding plan
     * in docs/architecture.md before changing it: items written under another count are not found.
     */
    static final int DUE_SHARDS = 4;

    /**
     * The most bytes (UTF-8) of a partition key value DynamoDB accepts, in a write and in a read by key alike
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys).
     */
    static final int MAX_PARTITION_KEY_BYTES = 2048;

    /** How long after expiry TTL may remove a leftover; the hourly purge normally removes it first. */
    static final Duration GC_GRACE = Duration.ofDays(2);

    private TableLayout() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PK, Attr.s(pk));
        key.put(SK, Attr.s(sk));
        return key;
    }

    /**
     * Whether a partition key value is short enough for DynamoDB: a longer one, built from what someone typed, names
     * no item that could have been written, so a read or take by it finds nothing without asking.
     */
    static boolean fitsPartitionKey(String pk) {
        return pk.getBytes(StandardCharsets.UTF_8).length <= MAX_PARTITION_KEY_BYTES;
    }

    /** A new item of {@code type} with its key. */
    static Map<String, AttributeValue> item(String type, String pk, String sk) {
        Map<String, AttributeValue> item = key(pk, sk);
        item.put(TYPE, Attr.s(type));
        return item;
    }

    /** The due-index shard of the thing with this id, e.g. {@code WATCH#2}. */
    static String dueShard(String kind, String id) {
        return kind + "#" + Math.floorMod(id.hashCode(), DUE_SHARDS);
    }

    /** Puts the item in the due index under {@code kind} at {@code at}. */
    static void putDue(Map<String, AttributeValue> item, String kind, String id, Instant at) {
        item.put(DUE_SHARD, Attr.s(dueShard(kind, id)));
        item.put(DUE_AT, Attr.time(at));
    }

    /** Lets TTL remove the item {@link #GC_GRACE} after {@code expired}. */
    static void putGcAfter(Map<String, AttributeValue> item, Instant expired) {
        item.put(GC_AFTER, Attr.n(expired.plus(GC_GRACE).getEpochSecond()));
    }

    /**
     * An instant as 15 zero-padded digits of epoch milliseconds, so index sort keys built from it
     * sort in time order.
     */
    static String sortableTime(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0) {
            throw new IllegalArgumentException("times before 1970 cannot be stored");
        }
        return String.format("%015d", millis);
    }
}

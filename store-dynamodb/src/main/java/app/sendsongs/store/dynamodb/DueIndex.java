package app.sendsongs.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Queries of the {@code due} index: the items of one kind that are due by a time, from all of the
 * kind's shards, earliest first. An index is eventually consistent, so what it lists may have
 * changed since: every write acting on a listed item is conditional on the base item.
 */
final class DueIndex {
    private static final Comparator<Map<String, AttributeValue>> EARLIEST_FIRST = Comparator
            .<Map<String, AttributeValue>>comparingLong(item -> Attr.number(item, TableLayout.DUE_AT))
            .thenComparing(item -> Attr.string(item, TableLayout.PK))
            .thenComparing(item -> Attr.string(item, TableLayout.SK));

    private final DynamoTable table;

    DueIndex(DynamoTable table) {
        this.table = table;
    }

    /** Items of {@code kind} due at or before {@code now}: up to {@code limitPerShard} from each shard. */
    List<Map<String, AttributeValue>> dueBy(String kind, Instant now, int limitPerShard) {
        return query(kind, shard -> shardCondition(kind, shard)
                .and(Condition.atMost(TableLayout.DUE_AT, Attr.time(now))), limitPerShard);
    }

    /** Every item of {@code kind} due strictly before {@code cutoff}. */
    List<Map<String, AttributeValue>> dueBefore(String kind, Instant cutoff) {
        return query(kind, shard -> shardCondition(kind, shard)
                .and(Condition.lessThan(TableLayout.DUE_AT, Attr.time(cutoff))), 0);
    }

    private List<Map<String, AttributeValue>> query(String kind, ShardCondition condition, int limitPerShard) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int shard = 0; shard < TableLayout.DUE_SHARDS; shard++) {
            items.addAll(table.query(DynamoTable.queryFor(condition.of(shard)).indexName(TableLayout.DUE)
                    .scanIndexForward(true).build(), limitPerShard));
        }
        items.sort(EARLIEST_FIRST);
        return items;
    }

    private static Condition shardCondition(String kind, int shard) {
        return Condition.equalTo(TableLayout.DUE_SHARD, Attr.s(kind + "#" + shard));
    }

    @FunctionalInterface
    private interface ShardCondition {
        Condition of(int shard);
    }
}

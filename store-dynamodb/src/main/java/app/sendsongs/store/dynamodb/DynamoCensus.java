package app.sendsongs.store.dynamodb;

import app.sendsongs.core.Census;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.user.GrantState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operator's figures of the table. Due listen checks and the inbox's waiting events are counted in the
 * {@code due} index (a count query and the earliest entry per shard, no Scan), cheap enough for every metrics
 * scrape; the rest of {@link #figures} reads the whole table once, a few attributes of each item (a Scan: about one
 * read unit per 8 KB of items), which is why only {@code status} asks for it.
 */
final class DynamoCensus implements Census {
    private static final List<String> ATTRIBUTES = List.of(TableLayout.TYPE, "registeredAt", "grantState",
            GrantAttributes.SOURCE, GrantAttributes.ACCOUNT_ID, "status", "psid", "heldAt");

    private final DynamoTable table;

    DynamoCensus(DynamoTable table) {
        this.table = table;
    }

    @Override
    public DueChecks dueChecks(Instant now) {
        Indexed due = indexed(DynamoWatches.TYPE, Optional.of(now));
        return new DueChecks(due.count(), due.earliest());
    }

    /** The inbox's events are in the {@code due} index at the time they were received, until they are handled. */
    @Override
    public InboxBacklog inboxBacklog() {
        Indexed waiting = indexed(DynamoInbox.KIND, Optional.empty());
        return new InboxBacklog(waiting.count(), waiting.earliest());
    }

    @Override
    public Figures figures(Instant now) {
        Tally tally = new Tally();
        table.scan(ATTRIBUTES, tally::add);
        return new Figures(tally.people, tally.connections, tally.needingReconnect, tally.receivers, tally.watched,
                tally.songsHeld, tally.held, tally.waiting.size(), tally.oldestHeld, dueChecks(now), inboxBacklog());
    }

    /**
     * The items of {@code kind} in the {@code due} index (those due by {@code dueBy} when given): a count query and
     * the earliest entry per shard.
     */
    private Indexed indexed(String kind, Optional<Instant> dueBy) {
        long count = 0;
        Optional<Instant> earliest = Optional.empty();
        for (int shard = 0; shard < TableLayout.DUE_SHARDS; shard++) {
            Condition inShard = Condition.equalTo(TableLayout.DUE_SHARD, Attr.s(kind + "#" + shard));
            Condition condition = dueBy.map(at -> inShard.and(Condition.atMost(TableLayout.DUE_AT, Attr.time(at))))
                    .orElse(inShard);
            count += table.count(DynamoTable.queryFor(condition).indexName(TableLayout.DUE).build());
            Optional<Instant> first = table.query(DynamoTable.queryFor(condition).indexName(TableLayout.DUE)
                    .scanIndexForward(true).build(), 1).stream()
                    .map(item -> Attr.time(item, TableLayout.DUE_AT)).findFirst();
            earliest = earlier(earliest, first);
        }
        return new Indexed(count, earliest);
    }

    private record Indexed(long count, Optional<Instant> earliest) {
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(other -> other.isBefore(a.get())).or(() -> a);
    }

    /** Counts of one pass over the table. */
    private static final class Tally {
        long people;
        final Map<SourceKind, Long> connections = new EnumMap<>(SourceKind.class);
        long needingReconnect;
        long receivers;
        long watched;
        long songsHeld;
        long held;
        final Set<String> waiting = new HashSet<>();
        Optional<Instant> oldestHeld = Optional.empty();

        void add(Map<String, AttributeValue> item) {
            switch (Attr.optionalString(item, TableLayout.TYPE).orElse("")) {
                case DynamoUsers.TYPE -> addUser(item);
                case DynamoWatches.TYPE -> receivers++;
                case DynamoShares.TYPE -> addShare(item);
                case DynamoOutbox.TYPE -> addHeld(item);
                default -> {
                    // other items are not counted
                }
            }
        }

        private void addUser(Map<String, AttributeValue> item) {
            if (item.containsKey("registeredAt")) {
                people++;
                // no source: Spotify, as on every item written before other sources, connected with its account id
                Optional<SourceKind> source = Attr.optionalString(item, GrantAttributes.SOURCE)
                        .flatMap(SourceKind::named)
                        .or(() -> item.containsKey(GrantAttributes.ACCOUNT_ID) ? Optional.of(SourceKind.SPOTIFY)
                                : Optional.empty());
                source.ifPresent(kind -> connections.merge(kind, 1L, Long::sum));
            }
            if (Attr.optionalString(item, "grantState").filter(GrantState.NEEDS_RECONNECT.name()::equals)
                    .isPresent()) {
                needingReconnect++;
            }
        }

        private void addShare(Map<String, AttributeValue> item) {
            String status = Attr.optionalString(item, "status").orElse("");
            if (status.equals("WATCHING")) {
                watched++;
            } else if (status.equals("HELD")) {
                songsHeld++;
            }
        }

        private void addHeld(Map<String, AttributeValue> item) {
            held++;
            Attr.optionalString(item, "psid").ifPresent(waiting::add);
            if (item.containsKey("heldAt")) {
                oldestHeld = earlier(oldestHeld, Optional.of(Attr.time(item, "heldAt")));
            }
        }
    }
}

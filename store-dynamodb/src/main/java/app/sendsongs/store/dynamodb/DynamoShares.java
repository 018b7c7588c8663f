package app.sendsongs.store.dynamodb;

import app.sendsongs.core.music.Track;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.share.Exchange;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Shared songs: {@code SHARE#<id>}; in {@code gsi1} under {@code SENT#<sender>} by creation time,
 * and in {@code gsi2} under {@code RECEIVED#<receiver>} (people as {@link PersonKey}s, also in
 * {@code senderPsid} and {@code receiverPsid}) with a sort key that starts with the state:
 * {@code OPEN#H#<created>} (held), {@code OPEN#W#<delivered>} (watching), {@code DONE#<created>}
 * (played, expired, cancelled, left the group), so a receiver's watched or open songs are one query
 * that never reads their history; {@code gsi3} has the same sort key under {@code senderPsid}, for a
 * sender's open songs. A person's latest songs are the newest entries of these ranges, read newest first
 * with a limit. Every status change is an UpdateItem conditional on the stored
 * status. {@code seq}, from the sender's counter, orders songs sent in the same millisecond.
 *
 * <p>A member's share of a group send is also linked from the send's partition,
 * {@code GROUPSEND#<send id>} / {@code SHARE#<id>} (written before the share), so the send's shares
 * are one strongly consistent query and a consistent batch read: the group summary decides on them,
 * and an index could still show a share as open after it closed.
 */
final class DynamoShares implements ShareStore {
    private static final Logger LOG = Logger.getLogger(DynamoShares.class.getName());
    static final String TYPE = "SHARE";
    static final String LINK_TYPE = "GROUPSEND_SHARE";
    private static final String GROUP_SEND_ID = "groupSendId";
    private static final String SEQ = "seq";
    private static final String SENDER = "senderPsid";
    private static final String RECEIVER = "receiverPsid";
    private static final String STATUS = "status";
    /** Absent on shares written before receivers could turn receipts off: read as false. */
    private static final String RECEIPTS_OFF = "receiptsOff";
    /**
     * DynamoDB's error for a query on an index the table does not have, or on one it is still building from the
     * items already there (added to an existing table, the index is {@code CREATING} while it backfills).
     *
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html">Managing
     * global secondary indexes: backfilling</a>
     */
    private static final String INDEX_NOT_READY = "ValidationException";
    private static final String OPEN = "OPEN#";
    private static final String HELD = OPEN + "H#";
    private static final String WATCHING = OPEN + "W#";
    private static final String DONE = "DONE#";

    private static final List<String> OPTIONAL_ATTRIBUTES = List.of("trackIsrc", "trackLinkedFrom", "deliveredAt",
            "expiresAt", "playedAt", GROUP_SEND_ID);

    private static final Comparator<Sequenced> IN_SENDING_ORDER = Comparator
            .comparing((Sequenced sequenced) -> sequenced.share().createdAt()).thenComparingLong(Sequenced::seq);
    private static final Comparator<Sequenced> OLDEST_DELIVERY_FIRST = Comparator
            .comparing((Sequenced sequenced) -> deliveredOrCreated(sequenced.share())).thenComparing(IN_SENDING_ORDER);

    /** A share with its place in its sender's sending order. */
    private record Sequenced(Share share, long seq) {
        static Sequenced of(Map<String, AttributeValue> item) {
            return new Sequenced(DynamoShares.share(item), Attr.number(item, SEQ));
        }
    }

    private final DynamoTable table;
    private final Counters counters;

    DynamoShares(DynamoTable table, Counters counters) {
        this.table = table;
        this.counters = counters;
    }

    /** The group send's link first (harmless if the share then exists already), then the share unless its id is taken. */
    @Override
    public boolean insertShare(Share share) {
        share.groupSendId().ifPresent(sendId -> table.put(link(sendId, share.id())));
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + share.id(), TYPE);
        item.putAll(attributes(share));
        item.put(SEQ, Attr.n(counters.next(share.sender(), Counters.SENT_SHARES)));
        return table.putIf(item, Condition.attributeNotExists(TableLayout.PK));
    }

    @Override
    public Optional<Share> findShare(String id) {
        return table.get(key(id)).map(DynamoShares::share);
    }

    /**
     * One UpdateItem conditional on the stored status: of two racing workers only one changes the share. A share
     * without the kept-private mark leaves the stored one as it is, so a mark set meanwhile stays.
     */
    @Override
    public boolean updateShare(Share updated, ShareStatus expected) {
        Map<String, AttributeValue> attributes = attributes(updated);
        if (!updated.receiptsOff()) {
            attributes.remove(RECEIPTS_OFF);
        }
        Update update = new Update().setAll(attributes);
        OPTIONAL_ATTRIBUTES.stream().filter(name -> !attributes.containsKey(name)).forEach(update::remove);
        return table.updateIf(key(updated.id()), update, Condition.equalTo(STATUS, Attr.s(expected.name())))
                .isPresent();
    }

    @Override
    public List<Share> sharesSentBy(ChatAddress sender) {
        Condition bySender = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(sentKey(sender)));
        return sorted(query(TableLayout.GSI1, bySender), IN_SENDING_ORDER.reversed());
    }

    /**
     * The sender's open range of {@code gsi3}. On a table whose {@code gsi3} is not built yet (added to a table made
     * before it), the sender's {@code gsi1} entries filtered on that sort key: DynamoDB then reads every share the
     * person sent, and only the open ones come back.
     */
    @Override
    public List<Share> openSharesSentBy(ChatAddress sender) {
        Condition open = Condition.beginsWith(TableLayout.GSI3_SK, Attr.s(OPEN));
        List<Map<String, AttributeValue>> items;
        try {
            items = query(TableLayout.GSI3, Condition.equalTo(TableLayout.GSI3_PK, Attr.person(sender)).and(open));
        } catch (DynamoDbException e) {
            if (!INDEX_NOT_READY.equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            LOG.info(() -> "index " + TableLayout.GSI3 + " not readable (" + e.awsErrorDetails().errorMessage()
                    + "); reading every share the person sent instead");
            Condition bySender = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(sentKey(sender)));
            items = table.query(DynamoTable.queryFor(bySender, open).indexName(TableLayout.GSI1).build(), 0);
        }
        return sorted(items, IN_SENDING_ORDER);
    }

    /** The newest of the sender's {@code gsi1} entries, not their whole history. */
    @Override
    public List<Share> latestSentBy(ChatAddress sender, int limit) {
        return latestFirst(latest(TableLayout.GSI1, TableLayout.GSI1_PK, sentKey(sender), TableLayout.GSI1_SK, "",
                limit), limit);
    }

    /**
     * The newest of each state's range of {@code gsi2}: held and done ones by creation time, and every watched one
     * (whose sort key is its delivery time; watches end, so they are few).
     */
    @Override
    public List<Share> latestReceivedBy(ChatAddress receiver, int limit) {
        String received = receivedKey(receiver);
        List<Map<String, AttributeValue>> candidates = new ArrayList<>();
        candidates.addAll(latest(TableLayout.GSI2, TableLayout.GSI2_PK, received, TableLayout.GSI2_SK, HELD,
                limit));
        candidates.addAll(latest(TableLayout.GSI2, TableLayout.GSI2_PK, received, TableLayout.GSI2_SK, DONE,
                limit));
        candidates.addAll(received(receiver, WATCHING));
        return latestFirst(candidates, limit);
    }

    /** The newest {@code shares} each way: sent ones from {@code gsi1}, received ones as {@link #latestReceivedBy}. */
    @Override
    public List<Exchange> latestExchanges(ChatAddress person, int shares) {
        Stream<Share> latestSent = latestSentBy(person, shares).stream();
        Stream<Share> latestReceived = latestReceivedBy(person, shares).stream();
        return Stream.concat(latestSent, latestReceived).sorted(Comparator.comparing(Share::createdAt).reversed())
                .map(share -> new Exchange(share.sender().equals(person) ? share.receiver() : share.sender(),
                        share.createdAt())).toList();
    }

    /** One {@code gsi1} query from the time on: a sender's last day, whatever they sent before. */
    @Override
    public List<Share> sharesSentSince(ChatAddress sender, Instant since) {
        Condition fromThen = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(sentKey(sender)))
                .and(Condition.atLeast(TableLayout.GSI1_SK, Attr.s(TableLayout.sortableTime(since))));
        return sorted(query(TableLayout.GSI1, fromThen), IN_SENDING_ORDER.reversed());
    }

    @Override
    public List<Share> sharesReceivedBy(ChatAddress receiver) {
        Condition byReceiver = Condition.equalTo(TableLayout.GSI2_PK, Attr.s(receivedKey(receiver)));
        return sorted(query(TableLayout.GSI2, byReceiver), IN_SENDING_ORDER.reversed());
    }

    @Override
    public List<Share> sharesWatchedFor(ChatAddress receiver) {
        return sorted(received(receiver, WATCHING), OLDEST_DELIVERY_FIRST);
    }

    @Override
    public List<Share> openSharesTo(ChatAddress receiver) {
        return sorted(received(receiver, OPEN), IN_SENDING_ORDER);
    }

    /**
     * The shares of one group send. A link whose share is gone (deleted, or its insert cut short)
     * or belongs to another send is skipped.
     */
    @Override
    public List<Share> sharesOfGroupSend(String sendId) {
        Condition links = Condition.equalTo(TableLayout.PK, Attr.s(GroupSendItems.partition(sendId)))
                .and(Condition.beginsWith(TableLayout.SK, Attr.s(TYPE + "#")));
        List<Map<String, AttributeValue>> keys = table.query(DynamoTable.queryFor(links).consistentRead(true)
                .build(), 0).stream().map(link -> key(Attr.string(link, "shareId"))).toList();
        return table.getAll(keys).stream().map(DynamoShares::share)
                .filter(share -> share.groupSendId().equals(Optional.of(sendId))).toList();
    }

    /** Deletes every share the person sent or received, with the links of those sent to groups. */
    @Override
    public void deleteSharesOf(ChatAddress person) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(
                query(TableLayout.GSI1, Condition.equalTo(TableLayout.GSI1_PK, Attr.s(sentKey(person)))));
        items.addAll(query(TableLayout.GSI2, Condition.equalTo(TableLayout.GSI2_PK, Attr.s(receivedKey(person)))));
        Set<Map<String, AttributeValue>> keys = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : items) {
            String id = Attr.string(item, "id");
            keys.add(key(id));
            Attr.optionalString(item, GROUP_SEND_ID).ifPresent(sendId -> keys.add(linkKey(sendId, id)));
        }
        table.deleteAll(List.copyOf(keys));
    }

    private List<Map<String, AttributeValue>> received(ChatAddress receiver, String sortKeyPrefix) {
        return query(TableLayout.GSI2, Condition.equalTo(TableLayout.GSI2_PK, Attr.s(receivedKey(receiver)))
                .and(Condition.beginsWith(TableLayout.GSI2_SK, Attr.s(sortKeyPrefix))));
    }

    /**
     * The {@code limit} index entries under {@code partition} with the greatest sort keys that start with
     * {@code prefix}, and every other entry whose sort key equals the last of those: entries of the same
     * millisecond are ordered by their {@code seq}, which the index does not sort by.
     */
    private List<Map<String, AttributeValue>> latest(String index, String partitionAttribute, String partition,
                                                     String sortAttribute, String prefix, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Condition inPartition = Condition.equalTo(partitionAttribute, Attr.s(partition));
        Condition withPrefix = prefix.isEmpty() ? inPartition
                : inPartition.and(Condition.beginsWith(sortAttribute, Attr.s(prefix)));
        List<Map<String, AttributeValue>> newest = table.query(DynamoTable.queryFor(withPrefix).indexName(index)
                .scanIndexForward(false).build(), limit);
        if (newest.size() < limit) {
            return newest;
        }
        AttributeValue lastSortKey = newest.getLast().get(sortAttribute);
        Set<String> found = newest.stream().map(item -> Attr.string(item, "id")).collect(Collectors.toSet());
        List<Map<String, AttributeValue>> withTies = new ArrayList<>(newest);
        query(index, inPartition.and(Condition.equalTo(sortAttribute, lastSortKey))).stream()
                .filter(item -> !found.contains(Attr.string(item, "id"))).forEach(withTies::add);
        return withTies;
    }

    private static List<Share> latestFirst(List<Map<String, AttributeValue>> items, int limit) {
        return items.stream().map(Sequenced::of).sorted(IN_SENDING_ORDER.reversed()).limit(limit)
                .map(Sequenced::share).toList();
    }

    private List<Map<String, AttributeValue>> query(String index, Condition keyCondition) {
        return table.query(DynamoTable.queryFor(keyCondition).indexName(index).build(), 0);
    }

    private static List<Share> sorted(List<Map<String, AttributeValue>> items, Comparator<Sequenced> order) {
        return items.stream().map(Sequenced::of).sorted(order).map(Sequenced::share).toList();
    }

    private static Instant deliveredOrCreated(Share share) {
        return share.deliveredAt().orElse(share.createdAt());
    }

    private static Map<String, AttributeValue> key(String id) {
        return TableLayout.key(TYPE + "#" + id, TYPE);
    }

    private static Map<String, AttributeValue> linkKey(String sendId, String shareId) {
        return TableLayout.key(GroupSendItems.partition(sendId), TYPE + "#" + shareId);
    }

    private static Map<String, AttributeValue> link(String sendId, String shareId) {
        Map<String, AttributeValue> item = TableLayout.item(LINK_TYPE, GroupSendItems.partition(sendId),
                TYPE + "#" + shareId);
        item.put("shareId", Attr.s(shareId));
        return item;
    }

    private static String sentKey(ChatAddress sender) {
        return "SENT#" + PersonKey.of(sender);
    }

    private static String receivedKey(ChatAddress receiver) {
        return "RECEIVED#" + PersonKey.of(receiver);
    }

    /** Every attribute of the share but its key, type and seq, including its index keys. */
    private static Map<String, AttributeValue> attributes(Share share) {
        Track track = share.track();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", Attr.s(share.id()));
        item.put(SENDER, Attr.person(share.sender()));
        item.put(RECEIVER, Attr.person(share.receiver()));
        item.put("trackId", Attr.s(track.id().value()));
        item.put("trackName", Attr.s(track.name()));
        item.put("trackArtists", Attr.list(track.artists()));
        item.put("trackDurationMs", Attr.n(track.duration().toMillis()));
        track.isrc().ifPresent(isrc -> item.put("trackIsrc", Attr.s(isrc)));
        track.linkedFrom().ifPresent(id -> item.put("trackLinkedFrom", Attr.s(id.value())));
        item.put("pre", Attr.s(share.pre()));
        item.put("post", Attr.s(share.post()));
        item.put("createdAt", Attr.time(share.createdAt()));
        share.deliveredAt().ifPresent(at -> item.put("deliveredAt", Attr.time(at)));
        share.expiresAt().ifPresent(at -> item.put("expiresAt", Attr.time(at)));
        item.put(STATUS, Attr.s(share.status().name()));
        share.playedAt().ifPresent(at -> item.put("playedAt", Attr.time(at)));
        item.put("uncertain", Attr.bool(share.uncertain()));
        item.put(RECEIPTS_OFF, Attr.bool(share.receiptsOff()));
        share.groupSendId().ifPresent(id -> item.put(GROUP_SEND_ID, Attr.s(id)));
        item.put(TableLayout.GSI1_PK, Attr.s(sentKey(share.sender())));
        item.put(TableLayout.GSI1_SK, Attr.s(TableLayout.sortableTime(share.createdAt())));
        item.put(TableLayout.GSI2_PK, Attr.s(receivedKey(share.receiver())));
        item.put(TableLayout.GSI2_SK, Attr.s(receivedSortKey(share)));
        return item;
    }

    private static String receivedSortKey(Share share) {
        return switch (share.status()) {
            case HELD -> HELD + TableLayout.sortableTime(share.createdAt());
            case WATCHING -> WATCHING + TableLayout.sortableTime(deliveredOrCreated(share));
            case PLAYED, EXPIRED, CANCELLED, LEFT_GROUP, UNDELIVERED -> DONE + TableLayout.sortableTime(share.createdAt());
        };
    }

    private static Share share(Map<String, AttributeValue> item) {
        Track track = new Track(new TrackId(Attr.string(item, "trackId")), Attr.string(item, "trackName"),
                Attr.list(item, "trackArtists"), Duration.ofMillis(Attr.number(item, "trackDurationMs")),
                Attr.optionalString(item, "trackIsrc"), Attr.optionalString(item, "trackLinkedFrom").map(TrackId::new));
        Share.Stored rebuilt = Share.stored(Attr.string(item, "id"), Attr.person(item, SENDER),
                        Attr.person(item, RECEIVER), track, Attr.time(item, "createdAt"),
                        ShareStatus.valueOf(Attr.string(item, STATUS)))
                .notes(Attr.string(item, "pre"), Attr.string(item, "post"))
                .uncertain(Attr.bool(item, "uncertain"))
                .receiptsOff(item.containsKey(RECEIPTS_OFF) && Attr.bool(item, RECEIPTS_OFF));
        Attr.optionalString(item, GROUP_SEND_ID).ifPresent(rebuilt::groupSend);
        Attr.optionalTime(item, "deliveredAt").ifPresent(at -> rebuilt.delivered(at, Attr.time(item, "expiresAt")));
        Attr.optionalTime(item, "playedAt").ifPresent(rebuilt::playedAt);
        return rebuilt.build();
    }
}

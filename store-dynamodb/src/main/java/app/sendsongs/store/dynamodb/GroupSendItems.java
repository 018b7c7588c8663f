package app.sendsongs.store.dynamodb;

import app.sendsongs.core.group.GroupSend;
import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Songs sent to groups: {@code GROUPSEND#<id>} / {@code GROUPSEND}, in {@code gsi1} under
 * {@code GROUPSENT#<sender>} ({@link PersonKey}, also in {@code senderPsid}) by sending time (for
 * {@code forget_me}). The partition also holds the links to the members' shares
 * ({@link DynamoShares}). The summary mark is one UpdateItem conditional on {@code summarizedAt}
 * being absent, so of racing workers exactly one takes it.
 */
final class GroupSendItems {
    static final String TYPE = "GROUPSEND";
    private static final String SENDER = "senderPsid";
    private static final String SUMMARIZED_AT = "summarizedAt";

    private final DynamoTable table;

    GroupSendItems(DynamoTable table) {
        this.table = table;
    }

    /** The partition of one group send: the send itself and the links to its shares. */
    static String partition(String sendId) {
        return TYPE + "#" + sendId;
    }

    boolean insert(GroupSend send) {
        return table.putIf(item(send), Condition.attributeNotExists(TableLayout.PK));
    }

    Optional<GroupSend> find(String id) {
        return table.get(key(id)).map(GroupSendItems::send);
    }

    /** One UpdateItem of the send's {@code groupId}, on condition that the send exists. */
    boolean move(String id, String groupId) {
        return table.updateIf(key(id), new Update().set("groupId", Attr.s(groupId)),
                Condition.attributeExists(TableLayout.PK)).isPresent();
    }

    boolean markSummarized(String id, Instant at) {
        return table.updateIf(key(id), new Update().set(SUMMARIZED_AT, Attr.time(at)),
                Condition.attributeExists(TableLayout.PK).and(Condition.attributeNotExists(SUMMARIZED_AT)))
                .isPresent();
    }

    /** Deletes the group sends the person made, with their links (the shares themselves go with the person's). */
    void deleteOf(ChatAddress sender) {
        Condition bySender = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(sentKey(sender)));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> send : table.query(DynamoTable.queryFor(bySender)
                .indexName(TableLayout.GSI1).build(), 0)) {
            Condition inPartition = Condition.equalTo(TableLayout.PK, Attr.s(partition(Attr.string(send, "id"))));
            table.query(DynamoTable.queryFor(inPartition).consistentRead(true).build(), 0).forEach(item ->
                    keys.add(TableLayout.key(Attr.string(item, TableLayout.PK), Attr.string(item, TableLayout.SK))));
        }
        table.deleteAll(keys);
    }

    private static Map<String, AttributeValue> key(String id) {
        return TableLayout.key(partition(id), TYPE);
    }

    private static String sentKey(ChatAddress sender) {
        return "GROUPSENT#" + PersonKey.of(sender);
    }

    private static Map<String, AttributeValue> item(GroupSend send) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, partition(send.id()), TYPE);
        item.put("id", Attr.s(send.id()));
        item.put("groupId", Attr.s(send.groupId()));
        item.put("groupName", Attr.s(send.groupName()));
        item.put(SENDER, Attr.person(send.sender()));
        item.put("sentAt", Attr.time(send.sentAt()));
        send.summarizedAt().ifPresent(at -> item.put(SUMMARIZED_AT, Attr.time(at)));
        item.put(TableLayout.GSI1_PK, Attr.s(sentKey(send.sender())));
        item.put(TableLayout.GSI1_SK, Attr.s(TableLayout.sortableTime(send.sentAt()) + "#" + send.id()));
        return item;
    }

    private static GroupSend send(Map<String, AttributeValue> item) {
        return new GroupSend(Attr.string(item, "id"), Attr.string(item, "groupId"), Attr.string(item, "groupName"),
                Attr.person(item, SENDER), Attr.time(item, "sentAt"), Attr.optionalTime(item, SUMMARIZED_AT));
    }
}

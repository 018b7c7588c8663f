package app.sendsongs.store.dynamodb;

import app.sendsongs.core.user.GrantState;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Registered people: {@code USER#<psid>}; in {@code gsi1} under {@code NAME#<name key>}, sorted by
 * registration time, so a name lookup is one query.
 */
final class UserItems {
    static final String TYPE = "USER";
    private static final String LAST_MESSAGE_AT = "lastMessageAt";
    private static final Comparator<User> OLDEST_REGISTRATION_FIRST = Comparator
            .comparing(User::registeredAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(User::psid);

    private final DynamoTable table;
    private final GrantAttributes grants;

    UserItems(DynamoTable table, GrantAttributes grants) {
        this.table = table;
        this.grants = grants;
    }

    Optional<User> find(String psid) {
        return table.get(key(psid)).map(this::user);
    }

    List<User> findByName(String name) {
        Condition byName = Condition.equalTo(TableLayout.GSI1_PK, Attr.s(nameKey(Names.key(name))));
        return table.query(DynamoTable.queryFor(byName).indexName(TableLayout.GSI1).build(), 0).stream()
                .map(this::user).sorted(OLDEST_REGISTRATION_FIRST).toList();
    }

    void save(User user) {
        table.put(item(user));
    }

    /** Only on an existing item: an update without the condition would create a bare one. */
    void saveLastMessageAt(String psid, Instant at) {
        table.updateIf(key(psid), new Update().set(LAST_MESSAGE_AT, Attr.time(at)), Condition.attributeExists("psid"));
    }

    void delete(String psid) {
        table.delete(key(psid));
    }

    private static Map<String, AttributeValue> key(String psid) {
        return TableLayout.key(TYPE + "#" + psid, TYPE);
    }

    private static String nameKey(String key) {
        return "NAME#" + key;
    }

    private Map<String, AttributeValue> item(User user) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + user.psid(), TYPE);
        item.put("psid", Attr.s(user.psid()));
        item.put("name", Attr.s(user.name()));
        item.put(TableLayout.GSI1_PK, Attr.s(nameKey(user.nameKey())));
        item.put(TableLayout.GSI1_SK, Attr.s((user.registeredAt() == null ? ""
                : TableLayout.sortableTime(user.registeredAt())) + "#" + user.psid()));
        grants.put(item, user.connection());
        Attr.putIfPresent(item, "grantState", user.grantState() == null ? null : Attr.s(user.grantState().name()));
        Attr.putIfPresent(item, "registeredAt", Attr.timeOrNull(user.registeredAt()));
        Attr.putIfPresent(item, LAST_MESSAGE_AT, Attr.timeOrNull(user.lastMessageAt()));
        return item;
    }

    private User user(Map<String, AttributeValue> item) {
        GrantState state = Attr.optionalString(item, "grantState").map(GrantState::valueOf).orElse(null);
        return new User(Attr.string(item, "psid"), Attr.string(item, "name"),
                grants.read(item), state,
                Attr.timeOrNull(item, "registeredAt"), Attr.timeOrNull(item, LAST_MESSAGE_AT));
    }
}

package app.sendsongs.store.dynamodb;

import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.privacy.SenderRule;
import app.sendsongs.core.shared.ChatAddress;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What each person chose about senders: one item {@code PREFS#<person>} / {@code PREFS}, with
 * {@code receiptsByDefault} and {@code rules}, a map from each sender's person key ({@link PersonKey}) to their rule.
 * Read by key, replaced whole; a person who chose nothing has no item. A thousand rules are some 60 KB, well under
 * the 400 KB an item may hold.
 */
final class DynamoPreferences implements PreferenceStore {
    static final String TYPE = "PREFS";
    private static final String RULES = "rules";
    private static final String RECEIPTS_BY_DEFAULT = "receiptsByDefault";

    private final DynamoTable table;

    DynamoPreferences(DynamoTable table) {
        this.table = table;
    }

    @Override
    public ReceiverPreferences preferencesOf(ChatAddress receiver) {
        return table.get(key(receiver)).map(item -> preferences(receiver, item))
                .orElseGet(() -> ReceiverPreferences.none(receiver));
    }

    @Override
    public void savePreferences(ReceiverPreferences preferences) {
        if (preferences.isNone()) {
            delete(preferences.receiver());
            return;
        }
        String person = PersonKey.of(preferences.receiver());
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + person, TYPE);
        item.put("psid", Attr.s(person));
        item.put(RECEIPTS_BY_DEFAULT, Attr.bool(preferences.receiptsByDefault()));
        Map<String, AttributeValue> rules = new HashMap<>();
        preferences.rules().forEach((sender, rule) -> rules.put(PersonKey.of(sender), Attr.s(rule.name())));
        item.put(RULES, AttributeValue.fromM(rules));
        table.put(item);
    }

    /** Deletes the person's own choices; others' rules about them are the others'. */
    void delete(ChatAddress receiver) {
        table.delete(key(receiver));
    }

    private static ReceiverPreferences preferences(ChatAddress receiver, Map<String, AttributeValue> item) {
        Map<ChatAddress, SenderRule> rules = new HashMap<>();
        item.getOrDefault(RULES, AttributeValue.fromM(Map.of())).m().forEach((sender, rule) ->
                rules.put(PersonKey.address(sender), SenderRule.valueOf(rule.s())));
        return new ReceiverPreferences(receiver, Attr.bool(item, RECEIPTS_BY_DEFAULT), rules);
    }

    private static Map<String, AttributeValue> key(ChatAddress receiver) {
        return TableLayout.key(TYPE + "#" + PersonKey.of(receiver), TYPE);
    }
}

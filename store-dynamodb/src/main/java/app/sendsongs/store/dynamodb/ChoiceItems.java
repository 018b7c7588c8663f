package app.sendsongs.store.dynamodb;

import app.sendsongs.core.share.PendingChoice;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one open question per person: {@code CHOICE#<psid>}, taken with one DeleteItem; purged after expiry. */
final class ChoiceItems {
    static final String TYPE = "CHOICE";

    private final DynamoTable table;

    ChoiceItems(DynamoTable table) {
        this.table = table;
    }

    void save(PendingChoice choice) {
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + choice.psid(), TYPE);
        item.put("psid", Attr.s(choice.psid()));
        item.put("commandText", Attr.s(choice.commandText()));
        item.put("candidatePsids", Attr.list(choice.candidatePsids()));
        item.put("expiresAt", Attr.time(choice.expiresAt()));
        TableLayout.putDue(item, Purge.KIND, choice.psid(), choice.expiresAt());
        TableLayout.putGcAfter(item, choice.expiresAt());
        table.put(item);
    }

    Optional<PendingChoice> take(String psid) {
        return table.take(key(psid)).map(item -> new PendingChoice(Attr.string(item, "psid"),
                Attr.string(item, "commandText"), Attr.list(item, "candidatePsids"), Attr.time(item, "expiresAt")));
    }

    void delete(String psid) {
        table.delete(key(psid));
    }

    private static Map<String, AttributeValue> key(String psid) {
        return TableLayout.key(TYPE + "#" + psid, TYPE);
    }
}

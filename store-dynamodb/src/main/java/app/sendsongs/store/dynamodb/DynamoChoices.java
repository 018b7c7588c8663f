package app.sendsongs.store.dynamodb;

import app.sendsongs.core.share.ChoiceStore;
import app.sendsongs.core.share.PendingChoice;
import app.sendsongs.core.shared.ChatAddress;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one open question per person: {@code CHOICE#<person>}, read with a consistent GetItem, taken with one
 * DeleteItem; purged after expiry. {@code psid} and {@code candidatePsids} hold person keys ({@link PersonKey}).
 */
final class DynamoChoices implements ChoiceStore {
    static final String TYPE = "CHOICE";
    private static final String PERSON = "psid";
    private static final String CANDIDATES = "candidatePsids";

    private final DynamoTable table;

    DynamoChoices(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void saveChoice(PendingChoice choice) {
        String person = PersonKey.of(choice.person());
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + person, TYPE);
        item.put(PERSON, Attr.s(person));
        item.put("commandText", Attr.s(choice.commandText()));
        item.put(CANDIDATES, Attr.people(choice.candidates()));
        item.put("expiresAt", Attr.time(choice.expiresAt()));
        TableLayout.putDue(item, Purge.KIND, person, choice.expiresAt());
        TableLayout.putGcAfter(item, choice.expiresAt());
        table.put(item);
    }

    /** One strongly consistent GetItem: the question saved last, as a take just before would have found it. */
    @Override
    public Optional<PendingChoice> openChoice(ChatAddress person) {
        return table.get(key(person)).map(DynamoChoices::choice);
    }

    @Override
    public Optional<PendingChoice> takeChoice(ChatAddress person) {
        return table.take(key(person)).map(DynamoChoices::choice);
    }

    private static PendingChoice choice(Map<String, AttributeValue> item) {
        return new PendingChoice(Attr.person(item, PERSON), Attr.string(item, "commandText"),
                Attr.people(item, CANDIDATES), Attr.time(item, "expiresAt"));
    }

    /** Deletes the person's open question without reading it. */
    void delete(ChatAddress person) {
        table.delete(key(person));
    }

    private static Map<String, AttributeValue> key(ChatAddress person) {
        return TableLayout.key(TYPE + "#" + PersonKey.of(person), TYPE);
    }
}

package app.sendsongs.store.dynamodb;

import app.sendsongs.core.compose.DraftStore;
import app.sendsongs.core.compose.Recipient;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.shared.ChatAddress;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one unfinished share per person: {@code DRAFT#<person>} / {@code DRAFT}, recipients as their
 * {@link Recipient#key()}; in the due index under {@code PURGE} at its expiry, so the hourly purge removes it.
 */
final class DynamoDrafts implements DraftStore {
    static final String TYPE = "DRAFT";
    private static final String RECIPIENT = "recipient";

    private final DynamoTable table;

    DynamoDrafts(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void saveDraft(ShareDraft draft) {
        String person = PersonKey.of(draft.person());
        Map<String, AttributeValue> item = TableLayout.item(TYPE, TYPE + "#" + person, TYPE);
        item.put("psid", Attr.s(person));
        item.put("trackId", Attr.s(draft.track().value()));
        item.put("title", Attr.s(draft.title()));
        item.put("pre", Attr.s(draft.pre()));
        item.put("post", Attr.s(draft.post()));
        item.put("stage", Attr.s(draft.stage().name()));
        draft.recipient().ifPresent(recipient -> item.put(RECIPIENT, Attr.s(recipient.key())));
        item.put("offered", Attr.list(draft.offered().stream().map(Recipient::key).toList()));
        item.put("expiresAt", Attr.time(draft.expiresAt()));
        TableLayout.putDue(item, Purge.KIND, person, draft.expiresAt());
        TableLayout.putGcAfter(item, draft.expiresAt());
        table.put(item);
    }

    @Override
    public Optional<ShareDraft> findDraft(ChatAddress person) {
        return table.get(key(person)).map(DynamoDrafts::draft);
    }

    @Override
    public void deleteDraft(ChatAddress person) {
        table.delete(key(person));
    }

    private static ShareDraft draft(Map<String, AttributeValue> item) {
        return new ShareDraft(Attr.person(item, "psid"), new TrackId(Attr.string(item, "trackId")),
                Attr.string(item, "title"), Attr.string(item, "pre"), Attr.string(item, "post"),
                ShareDraft.Stage.valueOf(Attr.string(item, "stage")),
                Attr.optionalString(item, RECIPIENT).map(Recipient::parse),
                Attr.list(item, "offered").stream().map(Recipient::parse).toList(), Attr.time(item, "expiresAt"));
    }

    private static Map<String, AttributeValue> key(ChatAddress person) {
        return TableLayout.key(TYPE + "#" + PersonKey.of(person), TYPE);
    }
}

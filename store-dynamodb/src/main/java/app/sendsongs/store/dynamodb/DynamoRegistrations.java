package app.sendsongs.store.dynamodb;

import app.sendsongs.core.registration.RegistrationCode;
import app.sendsongs.core.registration.RegistrationStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Single-use values already used ({@code STATE#<value>}: connect states and personal links, each recorded with one
 * PutItem conditional on {@code attribute_not_exists}, so of two concurrent users only one succeeds) and
 * registration codes ({@code CODE#<code>}: claiming one is a single UpdateItem that sets {@code claimedBy},
 * conditional on its absence or on the same claimant, so of two concurrent claimants only one gets it, and the claimant
 * asking again does). Both are in the due index under {@code PURGE} at their expiry; the core judges the expiry of what
 * it claims.
 */
final class DynamoRegistrations implements RegistrationStore {
    static final String STATE = "STATE";
    static final String CODE = "CODE";
    private static final String CLAIMED_BY = "claimedBy";

    private final DynamoTable table;
    private final GrantAttributes grants;

    DynamoRegistrations(DynamoTable table, GrantAttributes grants) {
        this.table = table;
        this.grants = grants;
    }

    @Override
    public boolean useOnce(String value, Instant keepUntil) {
        return table.putIf(leftover(STATE, value, keepUntil), Condition.attributeNotExists(TableLayout.PK));
    }

    /** A value too long for a key was never recorded. */
    @Override
    public boolean wasUsed(String value) {
        return TableLayout.fitsPartitionKey(STATE + "#" + value) && table.get(key(STATE, value)).isPresent();
    }

    @Override
    public void saveRegistrationCode(RegistrationCode code) {
        Map<String, AttributeValue> item = leftover(CODE, code.code(), code.expiresAt());
        grants.put(item, code.connection());
        table.put(item);
    }

    /** A code is what a person typed: one too long for a key was never saved, and is not looked up. */
    @Override
    public Optional<RegistrationCode> claimRegistrationCode(String code, String claimant) {
        if (!TableLayout.fitsPartitionKey(CODE + "#" + code)) {
            return Optional.empty();
        }
        Condition unclaimedOrOwn = Condition.attributeExists(TableLayout.PK).and(Condition.attributeNotExists(CLAIMED_BY)
                .or(Condition.equalTo(CLAIMED_BY, Attr.s(claimant))));
        return table.updateIf(key(CODE, code), new Update().set(CLAIMED_BY, Attr.s(claimant)), unclaimedOrOwn)
                .map(item -> new RegistrationCode(Attr.string(item, "value"), grants.read(item),
                        Attr.time(item, "expiresAt")));
    }

    @Override
    public void dropClaimedCode(String code, String claimant) {
        if (TableLayout.fitsPartitionKey(CODE + "#" + code)) {
            table.deleteIf(key(CODE, code), Condition.equalTo(CLAIMED_BY, Attr.s(claimant)));
        }
    }

    private static Map<String, AttributeValue> key(String type, String value) {
        return TableLayout.key(type + "#" + value, type);
    }

    /** A single-use value that {@code purgeBefore} removes once it expired. */
    private static Map<String, AttributeValue> leftover(String type, String value, Instant expiresAt) {
        Map<String, AttributeValue> item = TableLayout.item(type, type + "#" + value, type);
        item.put("value", Attr.s(value));
        item.put("expiresAt", Attr.time(expiresAt));
        TableLayout.putDue(item, Purge.KIND, value, expiresAt);
        TableLayout.putGcAfter(item, expiresAt);
        return item;
    }
}

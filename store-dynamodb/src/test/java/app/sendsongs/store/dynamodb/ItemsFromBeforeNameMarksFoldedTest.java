package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.group.Group;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.user.User;
import app.sendsongs.store.contract.Samples;
import app.sendsongs.testsupport.DynaliteExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Name keys leave Hebrew and Arabic vowel marks out and make every hyphen the plain one ("Dan‑Cohen" with a
 * non-breaking hyphen finds "dan-cohen"). Items written before keep the key their name had until they are written
 * again: a person is still found by their name, or a name they had, typed as it was registered, a group's name claim
 * is still let go with the group, and a former name's item under its old key goes when the person is saved again.
 */
class ItemsFromBeforeNameMarksFoldedTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final ChatAddress DAN = new ChatAddress(Platform.MESSENGER, "dan");
    private static final ChatAddress MAUD = new ChatAddress(Platform.TELEGRAM, "4242");
    /**
     * "José‑Luis" with a non-breaking hyphen, and its key before: without the accent, but with a hyphen (U+2010, as the
     * name is tidied); neither the key now nor the one before accents were left out.
     */
    private static final String JOSE_LUIS = "Jos\u00e9\u2011Luis";
    private static final String KEY_BEFORE = "jose\u2010luis";
    /** שָׁלוֹם, pointed, its marks in Unicode's canonical order: its key before. */
    private static final String SHALOM = "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd";

    private String table;
    private Stores stores;

    @BeforeEach
    void openATable() {
        table = DYNAMO.freshTable();
        stores = DynamoStores.create(DYNAMO.client(), table, TokenCipher.random());
    }

    @Test
    void aPersonSavedUnderTheKeyTheirNameHadIsFoundTypedAsRegisteredAndOnceSavedAgainPlainly() {
        User dan = Samples.user(DAN, JOSE_LUIS, Samples.T0);
        stores.users().saveUser(dan);
        setAttribute("USER#" + PersonKey.of(DAN), "USER", TableLayout.GSI1_PK, "NAME#" + KEY_BEFORE);

        assertThat(stores.users().findUsersByName(JOSE_LUIS)).containsExactly(dan);
        assertThat(stores.users().findUsersByName("jose-luis")).as("not until saved again").isEmpty();

        stores.users().saveUser(dan);
        assertThat(stores.users().findUsersByName("jose-luis")).containsExactly(dan);
        assertThat(stores.users().findUsersByName(JOSE_LUIS)).containsExactly(dan);
    }

    @Test
    void aFormerNameUnderTheKeyItHadIsFoundTypedAsItWasAndGoesWhenThePersonIsSavedAgain() {
        User dan = Samples.user(DAN, SHALOM, Samples.T0).renamed("Dan Levi", Samples.T0.plusSeconds(60), true);
        stores.users().saveUser(dan);
        String onceNamed = "ONCE_NAMED#";
        String person = "USER#" + PersonKey.of(DAN);
        moveItem(onceNamed + "\u05e9\u05dc\u05d5\u05dd", person, onceNamed + SHALOM, person);

        assertThat(stores.users().findUsersOnceNamed(SHALOM)).containsExactly(dan);

        stores.users().saveUser(dan);
        assertThat(stores.users().findUsersOnceNamed("\u05e9\u05dc\u05d5\u05dd")).as("saved again under the new key")
                .containsExactly(dan);
        assertThat(itemsUnder(onceNamed + SHALOM)).as("and no longer under the old one").isEmpty();

        stores.users().saveUser(dan.withName("Dan Levi"));
        assertThat(stores.users().findUsersOnceNamed(SHALOM)).isEmpty();
        assertThat(itemsUnder(onceNamed + "\u05e9\u05dc\u05d5\u05dd")).isEmpty();
    }

    @Test
    void aGroupsNameClaimUnderTheKeyItsNameHadIsLetGoWithTheGroup() {
        Group group = new Group("g-1", MAUD, JOSE_LUIS, Samples.T0);
        stores.groups().createGroup(group);
        String claims = DynamoGroups.CLAIM_TYPE + "#" + PersonKey.of(MAUD);
        moveItem(claims, "NAME#jose-luis", claims, "NAME#" + KEY_BEFORE);

        stores.groups().deleteGroup(group.id());

        assertThat(itemsUnder(claims)).isEmpty();
        assertThat(stores.groups().createGroup(new Group("g-2", MAUD, JOSE_LUIS, Samples.T0.plusSeconds(1))))
                .isTrue();
    }

    private void setAttribute(String pk, String sk, String name, String value) {
        DYNAMO.client().updateItem(request -> request.tableName(table).key(key(pk, sk))
                .updateExpression("SET #a = :v").expressionAttributeNames(Map.of("#a", name))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))));
    }

    private void moveItem(String fromPk, String fromSk, String toPk, String toSk) {
        Map<String, AttributeValue> item = new HashMap<>(DYNAMO.client()
                .getItem(request -> request.tableName(table).key(key(fromPk, fromSk))).item());
        assertThat(item).as("the item as this version writes it").isNotEmpty();
        DYNAMO.client().deleteItem(request -> request.tableName(table).key(key(fromPk, fromSk)));
        item.put(TableLayout.PK, AttributeValue.fromS(toPk));
        item.put(TableLayout.SK, AttributeValue.fromS(toSk));
        DYNAMO.client().putItem(request -> request.tableName(table).item(item));
    }

    private List<Map<String, AttributeValue>> itemsUnder(String pk) {
        return DYNAMO.client().query(request -> request.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableLayout.PK, AttributeValue.fromS(pk), TableLayout.SK, AttributeValue.fromS(sk));
    }
}

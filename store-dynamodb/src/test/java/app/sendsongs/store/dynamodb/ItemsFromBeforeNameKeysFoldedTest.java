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
 * Name keys leave accents out and make every apostrophe the plain one ("José O’Brien" finds "jose o'brien"). The
 * table keeps no schema version to upgrade by, so items written before keep the key their name had until they are
 * written again: a person is still found by their name typed as it was registered or plainly, and a group's name
 * claim is still let go with the group.
 */
class ItemsFromBeforeNameKeysFoldedTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final ChatAddress CONAN = new ChatAddress(Platform.MESSENGER, "conan");
    private static final ChatAddress MAUD = new ChatAddress(Platform.TELEGRAM, "4242");

    private String table;
    private Stores stores;

    @BeforeEach
    void openATable() {
        table = DYNAMO.freshTable();
        stores = DynamoStores.create(DYNAMO.client(), table, TokenCipher.random());
    }

    @Test
    void aPersonSavedUnderTheKeyTheirNameHadIsFoundTypedAsRegisteredOrWithAPlainApostropheAndOnceSavedAgainPlainly() {
        User conan = Samples.user(CONAN, "José O’Brien", Samples.T0);
        stores.users().saveUser(conan);
        setAttribute("USER#" + PersonKey.of(CONAN), "USER", TableLayout.GSI1_PK, "NAME#josé o’brien");

        assertThat(stores.users().findUsersByName("José O’Brien")).containsExactly(conan);
        assertThat(stores.users().findUsersByName("josé o'brien")).containsExactly(conan);
        assertThat(stores.users().findUsersByName("jose o'brien")).as("not until saved again").isEmpty();

        stores.users().saveUser(conan);
        assertThat(stores.users().findUsersByName("jose o'brien")).containsExactly(conan);
        assertThat(stores.users().findUsersByName("José O’Brien")).containsExactly(conan);
    }

    @Test
    void aGroupsNameClaimUnderTheKeyItsNameHadIsLetGoWithTheGroup() {
        Group group = new Group("g-1", MAUD, "Mum’s Café", Samples.T0);
        stores.groups().createGroup(group);
        String claims = DynamoGroups.CLAIM_TYPE + "#" + PersonKey.of(MAUD);
        moveItem(claims, "NAME#mum's cafe", "NAME#mum’s café");

        stores.groups().deleteGroup(group.id());

        assertThat(itemsUnder(claims)).isEmpty();
        assertThat(stores.groups().createGroup(new Group("g-2", MAUD, "Mum’s Café", Samples.T0.plusSeconds(1))))
                .isTrue();
    }

    private void setAttribute(String pk, String sk, String name, String value) {
        DYNAMO.client().updateItem(request -> request.tableName(table).key(key(pk, sk))
                .updateExpression("SET #a = :v").expressionAttributeNames(Map.of("#a", name))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))));
    }

    private void moveItem(String pk, String fromSk, String toSk) {
        Map<String, AttributeValue> item = new HashMap<>(DYNAMO.client()
                .getItem(request -> request.tableName(table).key(key(pk, fromSk))).item());
        assertThat(item).as("the claim as this version writes it").isNotEmpty();
        DYNAMO.client().deleteItem(request -> request.tableName(table).key(key(pk, fromSk)));
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

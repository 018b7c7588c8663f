package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.contract.StoreContract;
import app.sendsongs.testsupport.DynaliteExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole store contract on a DynamoDB-compatible server (dynalite), a fresh table per test.
 * After the suite: the store used only key access, queries and conditional writes, never a scan.
 */
class DynamoStoresContractTest extends StoreContract {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    @Override
    protected Stores newStores() {
        return DynamoStores.create(DYNAMO.client(), DYNAMO.freshTable(), TokenCipher.random());
    }

    @AfterAll
    static void theSuiteRanOnQueriesAndKeysWithoutAScan() {
        if (!DYNAMO.isRunning()) {
            return;
        }
        Map<String, Long> operations = DYNAMO.operations().counts();
        assertThat(operations).containsKeys("Query", "GetItem", "PutItem", "UpdateItem", "DeleteItem")
                .doesNotContainKey("Scan");
    }
}

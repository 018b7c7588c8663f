package app.sendsongs.store.dynamodb;

import app.sendsongs.core.Census;
import app.sendsongs.core.Stores;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.contract.CensusContract;
import app.sendsongs.testsupport.DynaliteExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's figures of a DynamoDB table (dynalite), on the data the store's ports wrote. */
class DynamoCensusTest extends CensusContract {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private String table;

    @Override
    protected Stores newStores() {
        table = DYNAMO.freshTable();
        return DynamoStores.create(DYNAMO.client(), table, TokenCipher.random());
    }

    @Override
    protected Census census() {
        return DynamoStores.census(DYNAMO.client(), table);
    }
}

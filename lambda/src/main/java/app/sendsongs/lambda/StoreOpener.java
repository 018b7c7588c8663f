package app.sendsongs.lambda;

import app.sendsongs.core.Stores;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.dynamodb.DynamoStores;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Opens the store every function of a deployment shares: one DynamoDB table. */
@FunctionalInterface
public interface StoreOpener {
    Stores open(DynamoDbClient client, String tableName, TokenCipher cipher);

    /** The DynamoDB store adapter on an existing table (Terraform creates it). */
    static StoreOpener dynamoDb() {
        return DynamoStores::create;
    }
}

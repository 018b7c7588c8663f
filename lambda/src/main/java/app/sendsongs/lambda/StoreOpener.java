package app.sendsongs.lambda;

import app.sendsongs.core.store.Store;
import app.sendsongs.core.user.TokenCipher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Opens the store every function of a deployment shares: one DynamoDB table. */
@FunctionalInterface
public interface StoreOpener {
    Store open(DynamoDbClient client, String tableName, TokenCipher cipher);

    /** The DynamoDB store adapter. */
    static StoreOpener dynamoDb() {
        return (client, tableName, cipher) -> {
            throw new UnsupportedOperationException("the DynamoDB store adapter is not part of this build yet");
        };
    }
}

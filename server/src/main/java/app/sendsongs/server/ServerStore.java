package app.sendsongs.server;

import app.sendsongs.core.Stores;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.store.sqlite.SqliteStores;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** The store the configuration names, opened, and whatever must be closed with it. */
final class ServerStore implements AutoCloseable {
    private final Stores stores;
    private final AutoCloseable client;

    private ServerStore(Stores stores, AutoCloseable client) {
        this.stores = stores;
        this.client = client;
    }

    static ServerStore open(StoreConfig config, TokenCipher cipher) {
        return switch (config) {
            case StoreConfig.Sqlite sqlite -> new ServerStore(SqliteStores.open(sqlite.path(), cipher), () -> { });
            case StoreConfig.DynamoDb dynamo -> openDynamo(dynamo, cipher);
        };
    }

    private static ServerStore openDynamo(StoreConfig.DynamoDb config, TokenCipher cipher) {
        DynamoDbClient client = client(config);
        try {
            if (config.createTable()) {
                DynamoStores.createTable(client, config.table());
            }
            return new ServerStore(DynamoStores.create(client, config.table(), cipher), client);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static DynamoDbClient client(StoreConfig.DynamoDb config) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        config.endpoint().ifPresent(builder::endpointOverride);
        config.keys().ifPresent(keys -> builder.credentialsProvider(StaticCredentialsProvider.create(
                keys.sessionToken().isPresent()
                        ? AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(),
                                keys.sessionToken().get())
                        : AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()))));
        return builder.build();
    }

    Stores stores() {
        return stores;
    }

    @Override
    public void close() {
        try {
            stores.close();
        } finally {
            try {
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the store's client failed", e);
            }
        }
    }
}

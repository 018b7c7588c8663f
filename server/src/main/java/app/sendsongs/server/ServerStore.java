package app.sendsongs.server;

import app.sendsongs.core.Census;
import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.InProcessPace;
import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.chat.PaceRules;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.store.dynamodb.DynamoRekey;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.store.dynamodb.TableHealth;
import app.sendsongs.store.sqlite.SqliteRekey;
import app.sendsongs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** The store the configuration names, opened, and whatever must be closed with it. */
final class ServerStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStore.class);
    private final Stores stores;
    private final Census census;
    private final AutoCloseable client;
    private final Supplier<Optional<String>> fault;
    private final SendPaces paces;

    /** Where a platform's send pace is kept, by its name and rules. */
    @FunctionalInterface
    private interface SendPaces {
        PaceLedger of(String platform, PaceRules rules);
    }

    private ServerStore(Stores stores, Census census, AutoCloseable client, Supplier<Optional<String>> fault,
                        SendPaces paces) {
        this.stores = stores;
        this.census = census;
        this.client = client;
        this.fault = fault;
        this.paces = paces;
    }

    static ServerStore open(StoreConfig config, TokenCipher cipher) {
        return switch (config) {
            case StoreConfig.Sqlite sqlite -> {
                SqliteStores store = SqliteStores.file(sqlite.path(), cipher, sqlite.upgradeWait());
                tell(store.opening(), sqlite.path().toAbsolutePath(), store.schemaVersion());
                // one server alone on its file: the pace is this process's
                yield new ServerStore(store.stores(), store.census(), () -> { }, store::fault,
                        (platform, rules) -> new InProcessPace(rules));
            }
            case StoreConfig.DynamoDb dynamo -> openDynamo(dynamo, cipher);
        };
    }

    /**
     * Says what opening did to the file: a file made anew looks like a first start, which it is not on a server that
     * had people (SQLITE_PATH then names the wrong file); after an upgrade, earlier programs refuse the file.
     */
    private static void tell(SqliteStores.Opening opening, Path file, int version) {
        if (opening.created()) {
            LOG.info("created a new, empty database at {} (schema version {}): if this server had people before, "
                    + "SQLITE_PATH names the wrong file", file, version);
        } else if (!opening.versionsAdded().isEmpty()) {
            List<Integer> added = opening.versionsAdded();
            LOG.info("upgraded the database at {} to schema version {} (added version{} {}): an earlier version of "
                    + "the program no longer opens it; a backup from before the upgrade is the way back", file, version,
                    added.size() == 1 ? "" : "s", added.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    private static ServerStore openDynamo(StoreConfig.DynamoDb config, TokenCipher cipher) {
        DynamoDbClient client = client(config);
        try {
            if (config.createTable()) {
                DynamoStores.createTable(client, config.table());
            }
            TableHealth health = new TableHealth();
            return new ServerStore(DynamoStores.create(client, config.table(), cipher, health),
                    DynamoStores.census(client, config.table()), client, health::fault,
                    (platform, rules) -> DynamoStores.sendPace(client, config.table(), platform, rules));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The operator's figures of the store the configuration names, read without changing it. */
    static Census.Figures figures(StoreConfig config, java.time.Instant now) {
        return switch (config) {
            case StoreConfig.Sqlite sqlite -> SqliteStores.figures(sqlite.path(), now);
            case StoreConfig.DynamoDb dynamo -> {
                try (DynamoDbClient client = client(dynamo)) {
                    yield DynamoStores.census(client, dynamo.table()).figures(now);
                }
            }
        };
    }

    /** Seals every token of the store that {@code from} opens with {@code to} instead (see {@link RekeyCommand}). */
    static RekeyCommand.Outcome reseal(StoreConfig config, TokenCipher from, TokenCipher to) {
        return switch (config) {
            case StoreConfig.Sqlite sqlite -> {
                SqliteRekey.Outcome outcome = SqliteRekey.reseal(sqlite.path(), from, to);
                yield new RekeyCommand.Outcome(outcome.resealed(), outcome.unreadable());
            }
            case StoreConfig.DynamoDb dynamo -> {
                try (DynamoDbClient client = client(dynamo)) {
                    DynamoRekey.Outcome outcome = DynamoRekey.reseal(client, dynamo.table(), from, to);
                    yield new RekeyCommand.Outcome(outcome.resealed(), outcome.unreadable());
                }
            }
        };
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

    /**
     * Why the store refuses writes now, when its disk or file does (SQLite: full, read-only, the file deleted) or
     * DynamoDB does whatever they hold (the table missing, throttled beyond retries, unreachable); empty while it takes
     * them. Learnt from the writes made anyway: asking calls nothing.
     */
    Optional<String> fault() {
        return fault.get();
    }

    /**
     * Where the send pace of {@code platform} is kept: on DynamoDB on the table, shared by every server and Lambda
     * function on it (so that together they keep the platform's limits; a message is held while the table cannot tell
     * the pace); on SQLite in this process, the only one on the file.
     */
    PaceLedger sendPace(String platform, PaceRules rules) {
        return paces.of(platform, rules);
    }

    /** The operator's figures of the store. */
    Census census() {
        return census;
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

package app.sendsongs.store.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the store's table as production has it (deploy/terraform describes the same): on-demand
 * billing, keys {@code pk}/{@code sk}, the indexes {@code gsi1}, {@code gsi2}, {@code gsi3} and {@code due}
 * (all attributes projected), TTL on {@code gcAfter}. Idempotent. A table made before {@code gsi3} existed is
 * left as it is, with a warning: the store reads without that index until the operator adds it (DynamoDB then
 * builds it from the items already there).
 */
final class TableSetup {
    private static final Logger LOG = Logger.getLogger(TableSetup.class.getName());
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int POLLS = 4 * 60 * 5;

    private final DynamoDbClient client;
    private final String tableName;

    TableSetup(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    void create() {
        if (!exists()) {
            try {
                client.createTable(r -> r.tableName(tableName)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                string(TableLayout.PK), string(TableLayout.SK),
                                string(TableLayout.GSI1_PK), string(TableLayout.GSI1_SK),
                                string(TableLayout.GSI2_PK), string(TableLayout.GSI2_SK),
                                string(TableLayout.GSI3_PK), string(TableLayout.DUE_SHARD),
                                AttributeDefinition.builder().attributeName(TableLayout.DUE_AT)
                                        .attributeType(ScalarAttributeType.N).build())
                        .keySchema(keys(TableLayout.PK, TableLayout.SK))
                        .globalSecondaryIndexes(
                                index(TableLayout.GSI1, TableLayout.GSI1_PK, TableLayout.GSI1_SK),
                                index(TableLayout.GSI2, TableLayout.GSI2_PK, TableLayout.GSI2_SK),
                                index(TableLayout.GSI3, TableLayout.GSI3_PK, TableLayout.GSI3_SK),
                                index(TableLayout.DUE, TableLayout.DUE_SHARD, TableLayout.DUE_AT)));
                LOG.info(() -> "created DynamoDB table " + tableName);
            } catch (ResourceInUseException createdMeanwhile) {
                LOG.fine(() -> "DynamoDB table " + tableName + " was created by someone else meanwhile");
            }
        }
        TableDescription table = awaitActive();
        checkShape(table);
        if (!indexNames(table).contains(TableLayout.GSI3)) {
            LOG.warning(() -> "DynamoDB table " + tableName + " has no index " + TableLayout.GSI3 + " (it was made "
                    + "before it): pending and cancel read every share a person sent until it is added; see "
                    + "docs/operations.md, upgrading");
        }
        enableTimeToLive();
    }

    private static Set<String> indexNames(TableDescription table) {
        return table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
    }

    private boolean exists() {
        try {
            client.describeTable(r -> r.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private TableDescription awaitActive() {
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder().maxAttempts(POLLS)
                        .backoffStrategyV2(BackoffStrategy.fixedDelay(POLL)).build())
                .build()) {
            WaiterResponse<DescribeTableResponse> response = waiter.waitUntilTableExists(r -> r.tableName(tableName));
            return response.matched().response().map(DescribeTableResponse::table)
                    .orElseThrow(() -> new DynamoStoreException("DynamoDB table " + tableName
                            + " did not become active: " + response.matched().exception().map(Throwable::getMessage)
                            .orElse("no answer")));
        }
    }

    /** Refuses a table of the same name made for something else, rather than failing later on every write. */
    private void checkShape(TableDescription table) {
        if (!table.keySchema().equals(keys(TableLayout.PK, TableLayout.SK))) {
            throw new DynamoStoreException("DynamoDB table " + tableName + " exists with another key schema "
                    + table.keySchema() + "; Send Songs needs pk (hash) and sk (range)");
        }
        Set<String> indexes = indexNames(table);
        List<String> missing = List.of(TableLayout.GSI1, TableLayout.GSI2, TableLayout.DUE).stream()
                .filter(name -> !indexes.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new DynamoStoreException("DynamoDB table " + tableName + " lacks the global secondary indexes "
                    + missing + "; see docs/architecture.md, DynamoDB table design");
        }
    }

    /**
     * TTL only collects leftovers some time after the store's own purge would have; a server
     * without TTL support (a local test server) works the same without it.
     */
    private void enableTimeToLive() {
        try {
            TimeToLiveStatus status = client.describeTimeToLive(r -> r.tableName(tableName))
                    .timeToLiveDescription().timeToLiveStatus();
            if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
                return;
            }
            client.updateTimeToLive(r -> r.tableName(tableName).timeToLiveSpecification(
                    ttl -> ttl.enabled(true).attributeName(TableLayout.GC_AFTER)));
        } catch (DynamoDbException e) {
            if (!"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            LOG.info(() -> "this DynamoDB server does not support TTL; the store's hourly purge removes leftovers");
        }
    }

    static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static List<KeySchemaElement> keys(String hash, String range) {
        return List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }

    static GlobalSecondaryIndex index(String name, String hash, String range) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys(hash, range))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }
}

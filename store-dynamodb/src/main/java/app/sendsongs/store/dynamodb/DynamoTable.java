package app.sendsongs.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The item operations the store uses on its one table: strongly consistent reads by key (one or a
 * batch), writes that may carry a condition (a refused condition is a {@code false} or an empty
 * result, not an exception), queries of the base table or an index, and batched deletes. No scans.
 */
final class DynamoTable {
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_ATTEMPTS = 8;

    private final DynamoDbClient client;
    private final String name;
    private final TableHealth health;

    DynamoTable(DynamoDbClient client, String name) {
        this(client, name, new TableHealth());
    }

    /** @param health told how each write fared */
    DynamoTable(DynamoDbClient client, String name, TableHealth health) {
        this.client = client;
        this.name = name;
        this.health = health;
    }

    String name() {
        return name;
    }

    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        GetItemResponse response = client.getItem(r -> r.tableName(name).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /**
     * The items with these keys that exist, strongly consistent, in batches, retrying what DynamoDB
     * leaves unprocessed. In no particular order.
     */
    List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            items.addAll(getBatch(keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT))));
        }
        return items;
    }

    private List<Map<String, AttributeValue>> getBatch(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        KeysAndAttributes pending = KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
        for (int attempt = 1; pending != null && pending.hasKeys() && !pending.keys().isEmpty(); attempt++) {
            if (attempt > BATCH_ATTEMPTS) {
                throw new DynamoStoreException(pending.keys().size() + " reads stayed unprocessed after "
                        + BATCH_ATTEMPTS + " attempts (throttled); try again later");
            }
            if (attempt > 1) {
                pause(attempt);
            }
            KeysAndAttributes request = pending;
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of(name, request)));
            items.addAll(response.responses().getOrDefault(name, List.of()));
            pending = response.unprocessedKeys().get(name);
        }
        return items;
    }

    void put(Map<String, AttributeValue> item) {
        write(() -> client.putItem(r -> r.tableName(name).item(item)));
    }

    /** Puts the item and returns the one it replaced, if any. */
    Optional<Map<String, AttributeValue>> replace(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> old = write(() -> client.putItem(r -> r.tableName(name).item(item)
                .returnValues(ReturnValue.ALL_OLD))).attributes();
        return old == null || old.isEmpty() ? Optional.empty() : Optional.of(old);
    }

    /** Puts the item if the stored one (or its absence) meets the condition; false if it does not. */
    boolean putIf(Map<String, AttributeValue> item, Condition condition) {
        Expression expression = condition.expression();
        PutItemRequest request = PutItemRequest.builder().tableName(name).item(item)
                .conditionExpression(expression.text())
                .expressionAttributeNames(expression.names())
                .expressionAttributeValues(nullIfEmpty(expression.values()))
                .build();
        try {
            write(() -> client.putItem(request));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    /** Updates the item if it meets the condition; the item as stored after the update, or empty if refused. */
    Optional<Map<String, AttributeValue>> updateIf(Map<String, AttributeValue> key, Update update,
                                                    Condition condition) {
        Expression set = update.expression();
        Expression when = condition.expression();
        UpdateItemRequest request = UpdateItemRequest.builder().tableName(name).key(key)
                .updateExpression(set.text())
                .conditionExpression(when.text())
                .expressionAttributeNames(Expression.mergedNames(set, when))
                .expressionAttributeValues(nullIfEmpty(Expression.mergedValues(set, when)))
                .returnValues(ReturnValue.ALL_NEW)
                .build();
        try {
            return Optional.of(write(() -> client.updateItem(request)).attributes());
        } catch (ConditionalCheckFailedException refused) {
            return Optional.empty();
        }
    }

    /** Updates (or creates) the item without a condition; returns the item as stored after the update. */
    Map<String, AttributeValue> update(Map<String, AttributeValue> key, Update update) {
        Expression set = update.expression();
        UpdateItemResponse response = write(() -> client.updateItem(r -> r.tableName(name).key(key)
                .updateExpression(set.text())
                .expressionAttributeNames(set.names())
                .expressionAttributeValues(nullIfEmpty(set.values()))
                .returnValues(ReturnValue.ALL_NEW)));
        return response.attributes();
    }

    void delete(Map<String, AttributeValue> key) {
        write(() -> client.deleteItem(r -> r.tableName(name).key(key)));
    }

    /** Deletes the item and returns it as it was: of several concurrent callers, one gets it. */
    Optional<Map<String, AttributeValue>> take(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> old = write(() -> client.deleteItem(r -> r.tableName(name).key(key)
                .returnValues(ReturnValue.ALL_OLD))).attributes();
        return old == null || old.isEmpty() ? Optional.empty() : Optional.of(old);
    }

    /** Deletes the item if it meets the condition; false if it does not (or is gone). */
    boolean deleteIf(Map<String, AttributeValue> key, Condition condition) {
        Expression when = condition.expression();
        DeleteItemRequest request = DeleteItemRequest.builder().tableName(name).key(key)
                .conditionExpression(when.text())
                .expressionAttributeNames(when.names())
                .expressionAttributeValues(nullIfEmpty(when.values()))
                .build();
        try {
            write(() -> client.deleteItem(request));
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    /** Deletes the items with these keys, in batches, retrying what DynamoDB leaves unprocessed. */
    void deleteAll(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> batch = keys.subList(from, Math.min(keys.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                    .toList();
            writeBatch(batch);
        }
    }

    /**
     * Puts the items without conditions, in batches of {@value #BATCH_WRITE_LIMIT}, retrying what DynamoDB
     * leaves unprocessed; the keys must differ. When it returns, every item is written.
     */
    void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
            writeBatch(items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList());
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > BATCH_ATTEMPTS) {
                health.throttled(name);
                throw new DynamoStoreException(pending.size() + " writes stayed unprocessed after " + BATCH_ATTEMPTS
                        + " attempts (throttled); try again later");
            }
            if (attempt > 1) {
                pause(attempt);
            }
            List<WriteRequest> requests = pending;
            BatchWriteItemResponse response = write(() -> client.batchWriteItem(r -> r.requestItems(Map.of(name,
                    requests))));
            pending = response.unprocessedItems().getOrDefault(name, List.of());
        }
    }

    /**
     * Every item a query finds (all pages), or at most {@code limit} of them when {@code limit} is
     * positive. The request names the table, index, key condition and order; this fills in the rest.
     */
    List<Map<String, AttributeValue>> query(QueryRequest request, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder page = request.toBuilder().tableName(name).exclusiveStartKey(startKey);
            if (limit > 0) {
                page.limit(limit - items.size());
            }
            QueryResponse response = client.query(page.build());
            items.addAll(response.items());
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null && (limit <= 0 || items.size() < limit));
        return items;
    }

    /** How many items a query finds, counted by DynamoDB page by page (no item is returned). */
    long count(QueryRequest request) {
        long count = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse response = client.query(request.toBuilder().tableName(name).select(Select.COUNT)
                    .exclusiveStartKey(startKey).build());
            count += response.count();
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return count;
    }

    /**
     * Hands every item of the table, with only the {@code attributes} named, to {@code each}, page by page. The
     * one read of the whole table, for the operator's figures; nothing the bot does while serving scans.
     */
    void scan(List<String> attributes, java.util.function.Consumer<Map<String, AttributeValue>> each) {
        scan(attributes, false, each);
    }

    /**
     * As {@link #scan(List, java.util.function.Consumer)}, each page read strongly consistent when {@code consistent}:
     * every write made before the scan began is seen.
     */
    void scan(List<String> attributes, boolean consistent,
              java.util.function.Consumer<Map<String, AttributeValue>> each) {
        Map<String, String> names = new java.util.HashMap<>();
        List<String> projection = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            names.put("#a" + i, attributes.get(i));
            projection.add("#a" + i);
        }
        Map<String, AttributeValue> startKey = null;
        do {
            ScanResponse response = client.scan(ScanRequest.builder().tableName(name)
                    .projectionExpression(String.join(", ", projection)).expressionAttributeNames(names)
                    .consistentRead(consistent).exclusiveStartKey(startKey).build());
            response.items().forEach(each);
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
    }

    /** A query request for items whose key (or index key) meets {@code keyCondition}. */
    static QueryRequest.Builder queryFor(Condition keyCondition) {
        Expression expression = keyCondition.expression();
        return QueryRequest.builder()
                .keyConditionExpression(expression.text())
                .expressionAttributeNames(expression.names())
                .expressionAttributeValues(expression.values());
    }

    /**
     * A query request for items whose key (or index key) meets {@code keyCondition} and that meet {@code filter}.
     * DynamoDB reads every item the key condition finds and returns only those the filter keeps: the filter spares
     * the transfer and the parsing, not the read.
     */
    static QueryRequest.Builder queryFor(Condition keyCondition, Condition filter) {
        Expression key = keyCondition.expression();
        Expression kept = filter.expression();
        return QueryRequest.builder()
                .keyConditionExpression(key.text())
                .filterExpression(kept.text())
                .expressionAttributeNames(Expression.mergedNames(key, kept))
                .expressionAttributeValues(Expression.mergedValues(key, kept));
    }

    /** Makes a write, telling {@link #health} how it fared. */
    private <T> T write(Supplier<T> call) {
        try {
            T answer = call.get();
            health.taken(name);
            return answer;
        } catch (RuntimeException e) {
            health.failed(name, e);
            throw e;
        }
    }

    private static Map<String, AttributeValue> nullIfEmpty(Map<String, AttributeValue> values) {
        return values.isEmpty() ? null : values;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynamoStoreException("interrupted while retrying a batch request", e);
        }
    }

    @Override
    public String toString() {
        return "DynamoTable[" + name + "]";
    }
}

package app.sendsongs.lambda;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;

/**
 * Records every AWS API call made through the clients it is installed on, as the IAM actions and resources it
 * needs, so a test can compare what the code really did with what the function's role allows. Transactions are
 * authorised per item by the underlying actions ({@code PutItem}, {@code UpdateItem}, {@code DeleteItem},
 * {@code ConditionCheckItem}, {@code GetItem}), so they are recorded that way; SQS's batch operations by their
 * single forms ({@code SendMessageBatch} needs {@code sqs:SendMessage}), on the queue named by the request's URL.
 */
final class RecordingInterceptor implements ExecutionInterceptor {
    /** SDK service names and the IAM prefixes of their actions. */
    private static final Map<String, String> IAM_PREFIXES = Map.of("DynamoDb", "dynamodb", "Ssm", "ssm", "Sqs", "sqs");
    /** SQS authorises each batch operation by the action of its single form. */
    private static final Map<String, String> SQS_ACTIONS = Map.of("SendMessageBatch", "SendMessage",
            "DeleteMessageBatch", "DeleteMessage", "ChangeMessageVisibilityBatch", "ChangeMessageVisibility");
    private static final String TABLE = "table";

    private final Set<AwsCall> calls = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String prefix = IAM_PREFIXES.get(service);
        if (prefix == null) {
            throw new IllegalStateException("no IAM prefix known for service " + service + "; add it here");
        }
        calls.addAll(iamCalls(prefix, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                context.request()));
    }

    Set<AwsCall> calls() {
        return Set.copyOf(calls);
    }

    void clear() {
        calls.clear();
    }

    private static List<AwsCall> iamCalls(String prefix, String operation, SdkRequest request) {
        if (prefix.equals("sqs")) {
            String queueUrl = request.getValueForField("QueueUrl", String.class)
                    .orElseThrow(() -> new IllegalStateException("an SQS call without a queue URL: " + operation));
            return List.of(new AwsCall("sqs:" + SQS_ACTIONS.getOrDefault(operation, operation),
                    "queue:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1)));
        }
        return switch (request) {
            case GetParametersRequest get -> get.names().stream()
                    .map(name -> new AwsCall(prefix + ":" + operation, "parameter:" + name)).toList();
            case QueryRequest query -> List.of(new AwsCall(prefix + ":Query",
                    query.indexName() == null ? TABLE : "index/" + query.indexName()));
            case ScanRequest scan -> List.of(new AwsCall(prefix + ":Scan",
                    scan.indexName() == null ? TABLE : "index/" + scan.indexName()));
            case TransactWriteItemsRequest transaction -> transaction.transactItems().stream()
                    .map(item -> new AwsCall(prefix + ":" + writeAction(item), TABLE)).distinct().toList();
            case TransactGetItemsRequest ignored -> List.of(new AwsCall(prefix + ":GetItem", TABLE));
            default -> List.of(new AwsCall(prefix + ":" + operation, TABLE));
        };
    }

    private static String writeAction(TransactWriteItem item) {
        if (item.put() != null) {
            return "PutItem";
        }
        if (item.update() != null) {
            return "UpdateItem";
        }
        if (item.delete() != null) {
            return "DeleteItem";
        }
        return "ConditionCheckItem";
    }
}

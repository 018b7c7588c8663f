package app.sendsongs.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's event source mapping of an SQS queue to a function, as AWS documents it
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, services-sqs-configure.html,
 * services-sqs-errorhandling.html), acting with the function's role (its recorded client):
 * <ul>
 *   <li>when created, it reads the queue's attributes and refuses a visibility timeout shorter than the function's
 *   timeout, as Lambda does;</li>
 *   <li>it receives up to the batch size with every system attribute, and invokes the function with the SQS event
 *   (one record per message: {@code messageId}, {@code receiptHandle}, {@code body}, {@code attributes},
 *   {@code messageAttributes}, {@code md5OfBody}, {@code eventSource}, {@code eventSourceARN}, {@code awsRegion});</li>
 *   <li>with {@code ReportBatchItemFailures}, it deletes every message the response's {@code batchItemFailures}
 *   does not name. A function error, or a response naming an id that is empty or not in the batch, counts as the
 *   whole batch failing: nothing is deleted, and the messages come back when their visibility ends.</li>
 * </ul>
 * Lambda polls for ever; {@link #drain()} polls until a receive finds nothing visible, so a test knows every
 * event it queued has been handed over.
 */
final class SqsEventSourceMapping {
    private static final int MAX_BATCHES_PER_DRAIN = 200;

    private final SqsClient sqs;
    private final IntakeQueues queue;
    private final RequestStreamHandler function;
    private final String functionName;
    private final int batchSize;
    private final java.util.function.Supplier<TestContext> invocation;
    private final List<String> leftOnQueue = new ArrayList<>();
    private int invocations;

    SqsEventSourceMapping(SqsClient sqs, IntakeQueues queue, RequestStreamHandler function, String functionName,
                          int functionTimeoutSeconds, int batchSize) {
        this(sqs, queue, function, functionName, functionTimeoutSeconds, batchSize,
                () -> TestContext.of(functionName));
    }

    /** As Lambda invokes the function, each invocation with the context {@code invocation} gives. */
    SqsEventSourceMapping(SqsClient sqs, IntakeQueues queue, RequestStreamHandler function, String functionName,
                          int functionTimeoutSeconds, int batchSize, java.util.function.Supplier<TestContext> invocation) {
        this.invocation = invocation;
        this.sqs = sqs;
        this.queue = queue;
        this.function = function;
        this.functionName = functionName;
        this.batchSize = batchSize;
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queue.url())
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.FIFO_QUEUE)).attributes();
        int visibility = Integer.parseInt(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        if (visibility < functionTimeoutSeconds) {
            throw new IllegalArgumentException("Queue visibility timeout: " + visibility + " seconds is less than "
                    + "Function timeout: " + functionTimeoutSeconds + " seconds");
        }
        if ("true".equals(attributes.get(QueueAttributeName.FIFO_QUEUE)) && batchSize > 10) {
            throw new IllegalArgumentException("a FIFO queue's batch size is at most 10");
        }
    }

    /** Receives and invokes until nothing is visible on the queue; the number of invocations it made. */
    int drain() {
        int before = invocations;
        for (int batch = 0; batch < MAX_BATCHES_PER_DRAIN; batch++) {
            if (!deliverOneBatch()) {
                return invocations - before;
            }
        }
        throw new AssertionError("the queue did not empty after " + MAX_BATCHES_PER_DRAIN + " batches");
    }

    /** Receives one batch, when anything is visible, and invokes the function with it; whether it did. */
    boolean deliverOneBatch() {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queue.url())
                .maxNumberOfMessages(batchSize).messageSystemAttributeNamesWithStrings("All")
                .messageAttributeNames("All").waitTimeSeconds(0)).messages();
        if (!messages.isEmpty()) {
            invoke(messages);
        }
        return !messages.isEmpty();
    }

    /** Receipt handles of the messages the last invocation left on the queue (for a test that skips their delay). */
    List<String> leftOnQueue() {
        return List.copyOf(leftOnQueue);
    }

    private void invoke(List<Message> messages) {
        invocations++;
        leftOnQueue.clear();
        Set<String> failed;
        try {
            failed = failures(LambdaWorld.invoke(function, invocation.get(), event(messages)), messages);
        } catch (RuntimeException e) {
            messages.forEach(message -> leftOnQueue.add(message.receiptHandle()));
            return; // a function error: the whole batch comes back when its visibility ends
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                leftOnQueue.add(message.receiptHandle());
            } else {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(request -> request.queueUrl(queue.url()).entries(done));
        }
    }

    /** The ids the response reports; every id of the batch when the response is not one Lambda accepts. */
    private static Set<String> failures(JsonNode response, List<Message> messages) {
        Set<String> batch = new HashSet<>();
        messages.forEach(message -> batch.add(message.messageId()));
        JsonNode failures = response.path("batchItemFailures");
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (!batch.contains(id)) {
                return batch;
            }
            failed.add(id);
        }
        return failed;
    }

    private JsonNode event(List<Message> messages) {
        ObjectNode event = SampleEvents.JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value.stringValue());
                attribute.putArray("stringListValues");
                attribute.putArray("binaryListValues");
                attribute.put("dataType", value.dataType());
            });
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queue.arn());
            record.put("awsRegion", "us-east-1");
        }
        return event;
    }
}

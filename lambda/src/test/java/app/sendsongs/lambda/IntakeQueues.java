package app.sendsongs.lambda;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The intake queue between the webhook and the inbound function, and its dead-letter queue, made on a test server
 * with the settings deploy/terraform gives them ({@code TerraformIT} checks that the two agree).
 */
record IntakeQueues(String url, String arn, String deadLetterUrl, String deadLetterArn) {
    /** The inbound function's timeout in deploy/terraform. */
    static final int FUNCTION_TIMEOUT_SECONDS = 60;
    /** Six times the function's timeout, as AWS recommends for a queue that triggers a function. */
    static final int VISIBILITY_TIMEOUT_SECONDS = 6 * FUNCTION_TIMEOUT_SECONDS;
    /** Receives of one message before SQS moves it to the dead-letter queue. */
    static final int MAX_RECEIVE_COUNT = 6;
    static final int RETENTION_SECONDS = 4 * 24 * 3600;
    static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;

    static IntakeQueues create(SqsClient sqs, String baseName) {
        String deadLetterUrl = sqs.createQueue(request -> request.queueName(baseName + "-dead-letters.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                        QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(DEAD_LETTER_RETENTION_SECONDS))))
                .queueUrl();
        String deadLetterArn = arn(sqs, deadLetterUrl);
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":" + MAX_RECEIVE_COUNT
                + "}";
        String url = sqs.createQueue(request -> request.queueName(baseName + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_TIMEOUT_SECONDS),
                        QueueAttributeName.MAXIMUM_MESSAGE_SIZE, Integer.toString(InboundCodec.MAX_BYTES),
                        QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(RETENTION_SECONDS),
                        QueueAttributeName.REDRIVE_POLICY, redrive)))
                .queueUrl();
        return new IntakeQueues(url, arn(sqs, url), deadLetterUrl, deadLetterArn);
    }

    /** The queue's name, the last part of its URL. */
    String name() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    void delete(SqsClient sqs) {
        sqs.deleteQueue(request -> request.queueUrl(url));
        sqs.deleteQueue(request -> request.queueUrl(deadLetterUrl));
    }

    private static String arn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}

package app.sendsongs.lambda;

import com.fasterxml.jackson.core.JacksonException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * When a failed queued event is tried again. Left alone, it would come back only when the queue's visibility
 * timeout ends (six times the function's timeout) and hold up its person's later events until then; so the
 * inbound function sets each failed message's visibility to a delay that grows with its receives: at once after the
 * first failure (a passing fault), then {@value #FIRST_DELAY_SECONDS} s, and four times longer each time, up to
 * {@value #MAX_DELAY_SECONDS} s. After the queue's last receive SQS moves it to the dead-letter queue.
 *
 * <p>A message that fails on its last receive (the {@code maxReceiveCount} of the queue's redrive policy, read from
 * the queue the first time a message fails) is given up, as the server gives up an event after its fifth failure: it
 * comes back at once, so that SQS moves it to the dead-letter queue on that receive rather than fifteen minutes later,
 * and its sender's later events go on instead of following it there untried.
 */
final class Retries {
    static final int FIRST_DELAY_SECONDS = 15;
    static final int MAX_DELAY_SECONDS = 900;
    /** ChangeMessageVisibilityBatch takes at most ten entries. */
    private static final int MAX_ENTRIES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Lazy<Integer> lastReceive;

    Retries(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.lastReceive = new Lazy<>(this::readLastReceive);
    }

    /**
     * Whether the message's receive is the last before SQS moves it to the dead-letter queue, its event's receives
     * counted in all: for a copy put back on the queue, with those before it was copied ({@link SqsMessage#receives}).
     * When the queue's redrive policy cannot be read, no receive counts as the last: the message is retried as any
     * other, and that is logged.
     */
    boolean isLastReceive(SqsMessage message) {
        try {
            return message.receives() >= lastReceive.get();
        } catch (SdkException | IllegalStateException e) {
            LOG.warn("the intake queue's redrive policy could not be read ({}); a failed event is retried as if it "
                    + "had receives left", e.getMessage());
            return false;
        }
    }

    /** The queue's {@code maxReceiveCount}, or no limit when it has no redrive policy. */
    private int readLastReceive() {
        String policy = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
        if (policy == null || policy.isBlank()) {
            return Integer.MAX_VALUE;
        }
        try {
            int count = ApiGateway.JSON.readTree(policy).path("maxReceiveCount").asInt(0);
            if (count < 1) {
                throw new IllegalStateException("its maxReceiveCount is not a positive number");
            }
            return count;
        } catch (JacksonException e) {
            throw new IllegalStateException("it is not JSON");
        }
    }

    /** The delay before a message that has failed on its {@code receiveCount}th receive is received again. */
    static Duration delayAfter(int receiveCount) {
        if (receiveCount <= 1) {
            return Duration.ZERO;
        }
        long seconds = FIRST_DELAY_SECONDS;
        for (int receive = 2; receive < receiveCount && seconds < MAX_DELAY_SECONDS; receive++) {
            seconds *= 4;
        }
        return Duration.ofSeconds(Math.min(seconds, MAX_DELAY_SECONDS));
    }

    /**
     * Makes each message visible again after its delay. If SQS refuses, the message simply comes back when the
     * queue's visibility timeout ends, so a failure here is logged and nothing more.
     */
    void schedule(Map<SqsMessage, Duration> delays) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        delays.forEach((message, delay) -> entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(Integer.toString(entries.size())).receiptHandle(message.receiptHandle())
                .visibilityTimeout((int) delay.toSeconds()).build()));
        for (int from = 0; from < entries.size(); from += MAX_ENTRIES) {
            List<ChangeMessageVisibilityBatchRequestEntry> batch =
                    entries.subList(from, Math.min(entries.size(), from + MAX_ENTRIES));
            try {
                ChangeMessageVisibilityBatchResponse response = sqs.changeMessageVisibilityBatch(request ->
                        request.queueUrl(queueUrl).entries(batch));
                response.failed().forEach(failure -> LOG.warn("the retry delay of a queued event was not set ({}); "
                        + "it comes back after the queue's visibility timeout", failure.code()));
            } catch (SdkException e) {
                LOG.warn("the retry delays of {} queued events were not set ({}); they come back after the queue's "
                        + "visibility timeout", batch.size(), e.getMessage());
            }
        }
    }
}

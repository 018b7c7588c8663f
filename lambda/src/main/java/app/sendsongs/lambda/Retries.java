package app.sendsongs.lambda;

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

/**
 * When a failed queued event is tried again. Left alone, it would come back only when the queue's visibility
 * timeout ends (six times the function's timeout) and hold up its person's later events until then; so the
 * inbound function sets each failed message's visibility to a delay that grows with its receives: at once after the
 * first failure (a passing fault), then {@value #FIRST_DELAY_SECONDS} s, and four times longer each time, up to
 * {@value #MAX_DELAY_SECONDS} s. After the queue's last receive SQS moves it to the dead-letter queue.
 */
final class Retries {
    static final int FIRST_DELAY_SECONDS = 15;
    static final int MAX_DELAY_SECONDS = 900;
    /** ChangeMessageVisibilityBatch takes at most ten entries. */
    private static final int MAX_ENTRIES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);

    private final SqsClient sqs;
    private final String queueUrl;

    Retries(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
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

package app.sendsongs.lambda;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.user.HandleSeen;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The FIFO queue between the webhook function and the inbound function (deploy/terraform, {@code sqs.tf}), as the
 * webhook sees it: a POST's events go on it in order, in as few {@code SendMessageBatch} calls as fit (ten entries
 * and 256 KiB a call). Each person's events share a message group (their address key), so SQS hands them to the
 * inbound function one after the other in the order they came; each event's delivery key is its deduplication id,
 * so an event Messenger delivers again within SQS's five-minute window is not queued twice.
 */
final class InboundQueue {
    /** SendMessageBatch takes at most ten entries, of at most 256 KiB in all. */
    static final int MAX_ENTRIES = 10;
    static final int MAX_BATCH_BYTES = 262_144;
    /** Group and deduplication ids: 1 to 128 characters from {@code !} to {@code ~}. */
    static final int MAX_ID_LENGTH = 128;

    private static final Logger LOG = LoggerFactory.getLogger(InboundQueue.class);

    private final SqsClient sqs;
    private final String url;

    InboundQueue(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    /**
     * Puts the events on the queue, in order, and returns how many were not accepted: none when SQS took every one.
     * Sending stops at the first batch SQS did not take whole, since what follows would otherwise be queued ahead of
     * what was refused. Nothing is sent if one event is too large for a queue message.
     *
     * @throws InboundCodec.TooLargeException when an event does not fit in a queue message
     */
    int send(List<Inbound> events) {
        return send(events, Optional.empty());
    }

    /**
     * As {@link #send(List)}, each event of the person {@code seen} is about carrying the handle the platform showed
     * for them ({@link InboundCodec#encode(Inbound, Optional)}).
     */
    int send(List<Inbound> events, Optional<HandleSeen> seen) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Inbound event = events.get(i);
            entries.add(entry(Integer.toString(i), event, seen.filter(about -> about.person().equals(event.from()))));
        }
        int accepted = 0;
        for (List<SendMessageBatchRequestEntry> batch : batches(entries)) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(url).entries(batch));
            accepted += response.successful().size();
            if (response.successful().size() != batch.size()) {
                LOG.error("the queue refused {} of {} events: {}", batch.size() - response.successful().size(),
                        batch.size(), response.failed().stream().map(InboundQueue::describe).toList());
                return events.size() - accepted;
            }
        }
        return 0;
    }

    /** The message group of the event's sender: each person's events are handed over in order. */
    static String messageGroupId(Inbound event) {
        return sqsId(event.from().key());
    }

    /** The event's delivery key, which SQS uses to drop the same event sent again within five minutes. */
    static String deduplicationId(Inbound event) {
        return sqsId(event.deliveryKey());
    }

    /**
     * The value itself when SQS accepts it as an id, else {@code #} and the hex SHA-256 of it: a key always starts
     * with a platform id, which never starts with {@code #}, so the two forms never meet.
     */
    static String sqsId(String value) {
        boolean fits = !value.isEmpty() && value.length() <= MAX_ID_LENGTH
                && value.chars().allMatch(c -> c >= '!' && c <= '~');
        return fits ? value : "#" + HexFormat.of().formatHex(sha256(value));
    }

    private static SendMessageBatchRequestEntry entry(String id, Inbound event, Optional<HandleSeen> seen) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(InboundCodec.encode(event, seen))
                .messageGroupId(messageGroupId(event)).messageDeduplicationId(deduplicationId(event)).build();
    }

    /** The entries in order, cut into the fewest batches that keep to SQS's limits. */
    static List<List<SendMessageBatchRequestEntry>> batches(List<SendMessageBatchRequestEntry> entries) {
        List<List<SendMessageBatchRequestEntry>> batches = new ArrayList<>();
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        int bytes = 0;
        for (SendMessageBatchRequestEntry entry : entries) {
            int size = entry.messageBody().length() // the codec writes ASCII only
                    + entry.messageAttributes().entrySet().stream()
                    .mapToInt(attribute -> attribute.getKey().length() + attribute.getValue().dataType().length()
                            + attribute.getValue().stringValue().length()).sum();
            if (batch.size() == MAX_ENTRIES || bytes + size > MAX_BATCH_BYTES) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(entry);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** SQS's code for a refusal; not its message, which may quote a group id, and so a person's id. */
    static String describe(BatchResultErrorEntry failure) {
        return failure.code() + (Boolean.TRUE.equals(failure.senderFault()) ? " (sender's fault)" : "");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package app.sendsongs.lambda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Queued events on their last receive that the inbound function did not start for want of time, put back on the queue
 * as new messages instead of being reported failed: SQS counts every receive, and would move them to the dead-letter
 * queue on the next one, never tried. Neither a visibility change (it leaves the receive count as it is) nor a delay
 * (a FIFO queue takes none per message:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatchRequestEntry.html) could
 * keep them.
 *
 * <p>The copies go, in order, into a message group of their own next to their person's ({@link #againGroup}), and
 * the originals stay received and invisible for {@link #HOLD} (reported failed, with that as their visibility). A FIFO
 * queue hands out no message of a group while an earlier one is received and not deleted
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html),
 * so the person's later events,
 * whether in this batch or still queued, wait behind the originals; each copy carries its originals' receipt handles
 * (message attribute {@value #ORIGINALS}), and once it is handled, or given up on its own last receive, its originals
 * are deleted. So the person's events are handled in order.
 *
 * <p>SQS counts a copy's receives afresh, from 1; so each copy carries the receives its event had before (message
 * attribute {@value #EARLIER_RECEIVES}), all but the one that had no time to start it, and the inbound function counts
 * them in ({@link SqsMessage#receives}): a copy is on its event's last receive from the start, and gets the one try
 * left. A copy that fails it is given up ({@link #giveUp}): its first original, received as often as the redrive policy
 * allows, is made visible at once, so that SQS moves it to the dead-letter queue on its next receive, as it would have
 * without the copy; the copy and the copies between are deleted. So an event that always fails is tried as many times
 * as the queue's redrive policy says, however often it is put back, rather than that many times again on each copy.
 */
final class LastReceiveRequeue {
    /** The message attribute of a copy: its originals' receipt handles, separated by spaces. */
    static final String ORIGINALS = "SendSongsOriginals";
    /** The message attribute of a copy: the receives its event had before, which SQS does not count on the copy. */
    static final String EARLIER_RECEIVES = "SendSongsEarlierReceives";
    /**
     * How long the originals stay invisible: within the 12 hours SQS allows from a receive
     * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html), and far
     * longer than a copy's tries take (about 35 minutes with the retries' delays).
     */
    static final Duration HOLD = Duration.ofHours(11);
    /** DeleteMessageBatch takes at most ten entries. */
    private static final int MAX_ENTRIES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(LastReceiveRequeue.class);

    private final SqsClient sqs;
    private final String queueUrl;

    LastReceiveRequeue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /**
     * Puts a copy of each message on the queue, in order (the messages of one or more groups, each group's in its
     * order); answers those whose copy SQS took. Sending stops at the first batch SQS did not take whole, so that no
     * copy goes ahead of one refused.
     */
    Set<SqsMessage> putBack(List<SqsMessage> messages) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        messages.forEach(message -> entries.add(copy(Integer.toString(entries.size()), message)));
        Set<SqsMessage> copied = new HashSet<>();
        try {
            for (List<SendMessageBatchRequestEntry> batch : InboundQueue.batches(entries)) {
                SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl)
                        .entries(batch));
                response.successful().forEach(sent -> copied.add(messages.get(Integer.parseInt(sent.id()))));
                if (!response.failed().isEmpty()) {
                    LOG.error("the queue refused {} copies of events on their last receive ({}); they are left to "
                            + "the dead-letter queue", messages.size() - copied.size(),
                            response.failed().stream().map(InboundQueue::describe).toList());
                    return copied;
                }
            }
        } catch (SdkException e) {
            LOG.error("copies of {} events on their last receive could not be queued ({}); they are left to the "
                    + "dead-letter queue", messages.size() - copied.size(), e.getMessage());
        }
        return copied;
    }

    /** The message is done with (handled, or given up): the originals its copy stood for leave the queue. */
    void release(SqsMessage message) {
        release(message.originals());
    }

    private void release(List<String> originals) {
        for (int from = 0; from < originals.size(); from += MAX_ENTRIES) {
            List<DeleteMessageBatchRequestEntry> batch = new ArrayList<>();
            originals.subList(from, Math.min(originals.size(), from + MAX_ENTRIES)).forEach(handle -> batch.add(
                    DeleteMessageBatchRequestEntry.builder().id(Integer.toString(batch.size())).receiptHandle(handle)
                            .build()));
            try {
                sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(batch)).failed()
                        .forEach(failure -> LOG.warn("the original of a queued event put back was not deleted ({}); "
                                + "it comes back when its hold ends and moves to the dead-letter queue, already "
                                + "handled", failure.code()));
            } catch (SdkException e) {
                LOG.warn("the originals of a queued event put back were not deleted ({}); they come back when their "
                        + "hold ends and move to the dead-letter queue, already handled", e.getMessage());
            }
        }
    }

    /**
     * The copy failed on its event's last receive: its event is given up. The first of its originals, the message the
     * chat platform's event was queued as, has been received as often as the redrive policy allows, and is made
     * visible at once, so that SQS moves it to the dead-letter queue on its next receive; the copies between are
     * deleted. The copy itself is deleted as handled (it is not reported failed): SQS would not move it, received
     * once. Should the original stay invisible, it moves there when its hold ends instead.
     */
    void giveUp(SqsMessage copy) {
        List<String> originals = copy.originals();
        try {
            sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(originals.getFirst())
                    .visibilityTimeout(0));
        } catch (SdkException e) {
            LOG.warn("the original of a queued event given up stays held back ({}); it moves to the dead-letter "
                    + "queue when its hold ends", e.getMessage());
        }
        release(copy.originals().subList(1, originals.size()));
    }

    private static SendMessageBatchRequestEntry copy(String id, SqsMessage message) {
        List<String> originals = new ArrayList<>(message.originals());
        originals.add(message.receiptHandle());
        // the receive that had no time to start the event is not counted: the copy has that try still to come
        int earlier = Math.max(0, message.receives() - 1);
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(message.body())
                .messageGroupId(againGroup(message.groupId()))
                .messageDeduplicationId(InboundQueue.sqsId("again:" + message.messageId()))
                .messageAttributes(Map.of(
                        ORIGINALS, MessageAttributeValue.builder().dataType("String")
                                .stringValue(String.join(" ", originals)).build(),
                        EARLIER_RECEIVES, MessageAttributeValue.builder().dataType("Number")
                                .stringValue(Integer.toString(earlier)).build()))
                .build();
    }

    /**
     * The message group of copies from {@code group}: their own, since the person's group is held by the originals
     * until the copies are done.
     */
    static String againGroup(String group) {
        return InboundQueue.sqsId(group + "+again");
    }
}

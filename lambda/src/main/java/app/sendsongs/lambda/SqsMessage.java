package app.sendsongs.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of the event Lambda's SQS event source mapping invokes a function with
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html): the message's id, the receipt handle that changes
 * its visibility, its body, its message group (FIFO queues; each message is its own group otherwise) and how many
 * times it has been received, this time included; for a copy the inbound function put back on the queue
 * ({@link LastReceiveRequeue}), the receipt handles of the messages it stands for, which it holds back meanwhile, and
 * the receives its event had before it was copied, which SQS does not count on the copy.
 */
record SqsMessage(String messageId, String receiptHandle, String body, String groupId, int receiveCount,
                  List<String> originals, int earlierReceives) {
    SqsMessage {
        originals = List.copyOf(originals);
    }

    /** The receives of its event in all: this message's, and for a copy, those before it was copied. */
    int receives() {
        return earlierReceives + receiveCount;
    }

    /** A copy put back on the queue ({@link LastReceiveRequeue}), which holds back the messages it stands for. */
    boolean isCopy() {
        return !originals.isEmpty();
    }

    /** The records of an SQS event, in the order the queue handed them over; anything else is refused. */
    static List<SqsMessage> read(JsonNode event) {
        JsonNode records = event.path("Records");
        if (!records.isArray()) {
            throw new IllegalArgumentException("not an SQS event: it has no \"Records\" list");
        }
        List<SqsMessage> messages = new ArrayList<>();
        for (JsonNode record : records) {
            if (!"aws:sqs".equals(record.path("eventSource").asText())) {
                throw new IllegalArgumentException("not an SQS event: a record's eventSource is not aws:sqs");
            }
            String messageId = text(record, "messageId");
            JsonNode attributes = record.path("attributes");
            String group = attributes.path("MessageGroupId").asText(messageId);
            messages.add(new SqsMessage(messageId, text(record, "receiptHandle"), text(record, "body"),
                    group.isEmpty() ? messageId : group, receiveCount(attributes), originals(record),
                    earlierReceives(record)));
        }
        return messages;
    }

    /** The receipt handles a copy carries in its message attribute, as Lambda passes them on. */
    private static List<String> originals(JsonNode record) {
        String handles = record.path("messageAttributes").path(LastReceiveRequeue.ORIGINALS).path("stringValue")
                .asText("");
        return handles.isBlank() ? List.of() : List.of(handles.strip().split(" +"));
    }

    /** The receives a copy's event had before it was copied, from its message attribute; 0 for none. */
    private static int earlierReceives(JsonNode record) {
        String count = record.path("messageAttributes").path(LastReceiveRequeue.EARLIER_RECEIVES).path("stringValue")
                .asText("0");
        try {
            return Math.max(0, Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an SQS event: " + LastReceiveRequeue.EARLIER_RECEIVES
                    + " is not a number");
        }
    }

    private static int receiveCount(JsonNode attributes) {
        try {
            return Math.max(1, Integer.parseInt(attributes.path("ApproximateReceiveCount").asText("1")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an SQS event: ApproximateReceiveCount is not a number");
        }
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || !value.isTextual() || (!field.equals("body") && value.asText().isEmpty())) {
            throw new IllegalArgumentException("not an SQS event: a record has no " + field);
        }
        return value.asText();
    }
}

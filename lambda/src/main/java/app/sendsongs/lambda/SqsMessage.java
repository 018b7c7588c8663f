package app.sendsongs.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of the event Lambda's SQS event source mapping invokes a function with
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html): the message's id, the receipt handle that changes
 * its visibility, its body, its message group (FIFO queues; each message is its own group otherwise) and how many
 * times it has been received, this time included; for a copy the inbound function put back on the queue
 * ({@link LastReceiveRequeue}), the receipt handles of the messages it stands for, which it holds back meanwhile.
 */
record SqsMessage(String messageId, String receiptHandle, String body, String groupId, int receiveCount,
                  List<String> originals) {
    SqsMessage {
        originals = List.copyOf(originals);
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
                    group.isEmpty() ? messageId : group, receiveCount(attributes), originals(record)));
        }
        return messages;
    }

    /** The receipt handles a copy carries in its message attribute, as Lambda passes them on. */
    private static List<String> originals(JsonNode record) {
        String handles = record.path("messageAttributes").path(LastReceiveRequeue.ORIGINALS).path("stringValue")
                .asText("");
        return handles.isBlank() ? List.of() : List.of(handles.strip().split(" +"));
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

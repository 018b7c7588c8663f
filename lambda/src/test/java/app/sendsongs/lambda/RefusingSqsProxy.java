package app.sendsongs.lambda;

import app.sendsongs.testsupport.AwsJsonProxy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SQS in front of ElasticMQ, refusing chosen entries of the next {@code SendMessageBatch}: they are taken out of the
 * request before it is passed on, so they are not queued, and added to the response's {@code Failed} list as SQS
 * reports an entry it could not take (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html,
 * {@code BatchResultErrorEntry}: {@code Id}, {@code SenderFault}, {@code Code}, {@code Message}). Every other
 * request is passed on untouched.
 */
final class RefusingSqsProxy extends AwsJsonProxy {
    private final Set<String> refuse = new HashSet<>();

    RefusingSqsProxy(URI target) {
        super(target);
    }

    /** The next SendMessageBatch does not queue the entries with these ids and reports them failed. */
    synchronized void refuseInNextBatch(String... entryIds) {
        refuse.addAll(List.of(entryIds));
    }

    @Override
    protected byte[] relay(String operation, byte[] request, Service service) throws IOException {
        Set<String> refused = "AmazonSQS.SendMessageBatch".equals(operation) ? takeRefusals() : Set.of();
        if (refused.isEmpty()) {
            return service.answer(request);
        }
        return withFailures(service.answer(withoutEntries(request, refused)), refused);
    }

    private synchronized Set<String> takeRefusals() {
        Set<String> taken = Set.copyOf(refuse);
        refuse.clear();
        return taken;
    }

    private static byte[] withoutEntries(byte[] request, Set<String> refused) throws IOException {
        ObjectNode json = (ObjectNode) SampleEvents.JSON.readTree(request);
        ArrayNode kept = SampleEvents.JSON.createArrayNode();
        json.path("Entries").forEach(entry -> {
            if (!refused.contains(entry.path("Id").asText())) {
                kept.add(entry);
            }
        });
        json.set("Entries", kept);
        return SampleEvents.JSON.writeValueAsBytes(json);
    }

    private static byte[] withFailures(byte[] response, Set<String> refused) throws IOException {
        JsonNode parsed = SampleEvents.JSON.readTree(response);
        ObjectNode json = parsed.isObject() ? (ObjectNode) parsed : SampleEvents.JSON.createObjectNode();
        ArrayNode failed = json.has("Failed") ? (ArrayNode) json.get("Failed") : json.putArray("Failed");
        refused.stream().sorted().forEach(id -> failed.addObject().put("Id", id).put("SenderFault", false)
                .put("Code", "InternalError").put("Message", "We encountered an internal error. Please try again."));
        return SampleEvents.JSON.writeValueAsBytes(json);
    }
}

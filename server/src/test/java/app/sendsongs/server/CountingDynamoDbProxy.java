package app.sendsongs.server;

import app.sendsongs.testsupport.AwsJsonProxy;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * DynamoDB in front of another endpoint (dynalite), passing every request on untouched and counting them by operation
 * (the {@code X-Amz-Target} header's {@code DynamoDB_20120810.<Operation>}): what a runtime configured with its own
 * client by URL ({@code DYNAMODB_ENDPOINT}) calls on the table.
 */
final class CountingDynamoDbProxy extends AwsJsonProxy {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    CountingDynamoDbProxy(URI target) {
        super(target);
    }

    /** Every operation passed on so far, with how often. */
    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((operation, count) -> snapshot.put(operation, count.sum()));
        return snapshot;
    }

    /** How many requests were passed on so far, of any operation. */
    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    protected byte[] relay(String operation, byte[] request, Service service) throws IOException {
        counts.computeIfAbsent(operation.substring(operation.indexOf('.') + 1), name -> new LongAdder()).increment();
        return service.answer(request);
    }
}

package app.sendsongs.testsupport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Counts the DynamoDB operations (GetItem, Query, Scan, ...) a client sends, and the items its queries read. */
public final class OperationRecorder implements ExecutionInterceptor {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder itemsQueried = new LongAdder();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation, name -> new LongAdder()).increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse query && query.scannedCount() != null) {
            itemsQueried.add(query.scannedCount());
        }
    }

    /** The items every query so far read (before any filter), as DynamoDB bills them. */
    public long itemsQueried() {
        return itemsQueried.sum();
    }

    /** Every operation sent so far, with how often. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((operation, count) -> snapshot.put(operation, count.sum()));
        return snapshot;
    }
}

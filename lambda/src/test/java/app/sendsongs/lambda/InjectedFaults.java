package app.sendsongs.lambda;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes a function's next calls to one AWS service fail, as an unreachable service does once the SDK has given up
 * retrying, or as a function whose execution environment died makes none: the call throws before anything is sent.
 */
final class InjectedFaults implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();
    private final Map<String, BooleanSupplier> whileTrue = new ConcurrentHashMap<>();

    /** The next {@code count} calls to {@code service} (the SDK's name: {@code DynamoDb}, {@code Sqs}) fail. */
    void failNext(String service, int count) {
        remaining.computeIfAbsent(service, name -> new AtomicInteger()).addAndGet(count);
    }

    /** Every call to {@code service} fails while {@code condition} holds (asked before each call). */
    void failWhile(String service, BooleanSupplier condition) {
        whileTrue.put(service, condition);
    }

    /** No more injected failures. */
    void clear() {
        remaining.clear();
        whileTrue.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        AtomicInteger left = remaining.get(service);
        BooleanSupplier condition = whileTrue.get(service);
        if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || condition != null && condition.getAsBoolean()) {
            throw SdkClientException.create("injected fault: " + service + " "
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " is unreachable");
        }
    }
}

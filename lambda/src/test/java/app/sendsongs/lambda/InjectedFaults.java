package app.sendsongs.lambda;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes a function's next calls to one AWS service fail, as an unreachable service does once the SDK has given up
 * retrying: the call throws before anything is sent.
 */
final class InjectedFaults implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();

    /** The next {@code count} calls to {@code service} (the SDK's name: {@code DynamoDb}, {@code Sqs}) fail. */
    void failNext(String service, int count) {
        remaining.computeIfAbsent(service, name -> new AtomicInteger()).addAndGet(count);
    }

    /** No more injected failures. */
    void clear() {
        remaining.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        AtomicInteger left = remaining.get(service);
        if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw SdkClientException.create("injected fault: " + service + " "
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " is unreachable");
        }
    }
}

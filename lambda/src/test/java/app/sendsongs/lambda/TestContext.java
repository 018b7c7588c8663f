package app.sendsongs.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/** The invocation context Lambda passes to a handler, for one invocation of a named function. */
record TestContext(String functionName, String awsRequestId, Supplier<Duration> timeLeft) implements Context {
    /** What an invocation of the inbound and tick functions has left when it starts: their timeout. */
    static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(IntakeQueues.FUNCTION_TIMEOUT_SECONDS);
    /** The registration function's timeout in deploy/terraform ({@code TerraformIT} checks that the two agree). */
    static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(25);

    TestContext(String functionName, String awsRequestId) {
        this(functionName, awsRequestId, () -> FUNCTION_TIMEOUT);
    }

    static TestContext of(String functionName) {
        return new TestContext(functionName, UUID.randomUUID().toString());
    }

    /**
     * An invocation of a function behind the HTTP API, counting down from its timeout as deployed (the registration
     * function's; the others' as the inbound function's).
     */
    static TestContext deployed(String functionName) {
        return countingDownFrom(functionName, functionName.equals("registration") ? REGISTRATION_TIMEOUT
                : FUNCTION_TIMEOUT);
    }

    /** An invocation with only {@code timeLeft} of its time left, as Lambda counts it down. */
    static TestContext withTimeLeft(String functionName, Duration timeLeft) {
        return new TestContext(functionName, UUID.randomUUID().toString(), () -> timeLeft);
    }

    /** An invocation with {@code timeLeft} from now, counting down as time passes, as Lambda's does. */
    static TestContext countingDownFrom(String functionName, Duration timeLeft) {
        long start = System.nanoTime();
        return new TestContext(functionName, UUID.randomUUID().toString(),
                () -> timeLeft.minusNanos(System.nanoTime() - start));
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/25/[$LATEST]test";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:" + functionName + ":live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) timeLeft.get().toMillis();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.err.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}

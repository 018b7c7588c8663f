package app.sendsongs.lambda;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a handler takes from outside its code: the environment variables, the AWS clients, the store, the clock,
 * and where its metric lines go ({@link EmbeddedMetrics}). Lambda creates handlers with their no-argument
 * constructors, which use {@link #lambda()}; tests pass clients pointed at emulators, a store of their choice, a
 * manual clock and, when they read them, a collector of metric lines.
 */
public record Surroundings(Map<String, String> environment, AwsClients aws, StoreOpener stores, Clock clock,
                           Consumer<String> metricLines) {
    public Surroundings {
        environment = Map.copyOf(environment);
    }

    /** Metric lines to standard output, which Lambda sends to the function's log, where CloudWatch reads them. */
    public Surroundings(Map<String, String> environment, AwsClients aws, StoreOpener stores, Clock clock) {
        this(environment, aws, stores, clock, System.out::println);
    }

    /** The real thing: the process environment, the function's region and role, DynamoDB, the system clock. */
    public static Surroundings lambda() {
        return new Surroundings(System.getenv(), AwsClients.standard(), StoreOpener.dynamoDb(), Clock.systemUTC());
    }
}

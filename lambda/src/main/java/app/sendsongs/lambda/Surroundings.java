package app.sendsongs.lambda;

import java.time.Clock;
import java.util.Map;

/**
 * What a handler takes from outside its code: the environment variables, the AWS clients, the store and the
 * clock. Lambda creates handlers with their no-argument constructors, which use {@link #lambda()}; tests pass
 * clients pointed at emulators, a store of their choice and a manual clock.
 */
public record Surroundings(Map<String, String> environment, AwsClients aws, StoreOpener stores, Clock clock) {
    public Surroundings {
        environment = Map.copyOf(environment);
    }

    /** The real thing: the process environment, the function's region and role, DynamoDB, the system clock. */
    public static Surroundings lambda() {
        return new Surroundings(System.getenv(), AwsClients.standard(), StoreOpener.dynamoDb(), Clock.systemUTC());
    }
}

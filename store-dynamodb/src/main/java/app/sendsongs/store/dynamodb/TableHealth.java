package app.sendsongs.store.dynamodb;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Whether DynamoDB takes the store's writes now, as the last write found: failing while the service refuses them
 * whatever they hold (the table missing, throttled beyond the SDK's retries, unreachable, access denied, a fault of
 * its own), and taking them again from the first write it answers. A write refused for what it holds (a condition
 * not met, a value it cannot store) says nothing of the table. Learnt from the writes the store makes anyway, so
 * asking costs no call.
 */
public final class TableHealth {
    private static final Logger LOG = Logger.getLogger(TableHealth.class.getName());
    /** The errors DynamoDB gives a request for what it holds, not for the state of the table or the service. */
    private static final Set<String> ABOUT_THE_DATA = Set.of("ValidationException",
            "ItemCollectionSizeLimitExceededException", "TransactionCanceledException");

    private volatile String fault;

    /** Why writes to the table fail now, in a sentence for an operator; empty while they are taken. */
    public Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    /** A write to {@code table} was answered (done, or refused for what it holds). */
    void taken(String table) {
        if (fault != null) {
            fault = null;
            LOG.info("DynamoDB takes writes to " + table + " again");
        }
    }

    /** A write to {@code table} ended in {@code failure}: notes whether the table or the service failed it. */
    void failed(String table, RuntimeException failure) {
        ofTheTable(failure).ifPresentOrElse(why -> failing(table, why), () -> taken(table));
    }

    /** Writes of a batch stayed unprocessed however often they were sent again: DynamoDB throttles the table. */
    void throttled(String table) {
        failing(table, "throttled beyond retries");
    }

    private void failing(String table, String why) {
        String now = "writing to DynamoDB table " + table + " fails: " + why;
        if (fault == null) {
            LOG.severe(now);
        }
        fault = now;
    }

    private static Optional<String> ofTheTable(RuntimeException failure) {
        return switch (failure) {
            case ConditionalCheckFailedException refused -> Optional.empty();
            case ResourceNotFoundException missing -> Optional.of("the table does not exist");
            case AwsServiceException service when ABOUT_THE_DATA.contains(errorCode(service)) -> Optional.empty();
            case AwsServiceException service when service.isThrottlingException() ->
                    Optional.of("throttled (" + errorCode(service) + ")");
            case AwsServiceException service -> Optional.of(errorCode(service) + " (HTTP " + service.statusCode()
                    + ")");
            case SdkClientException unreachable -> Optional.of("DynamoDB cannot be reached");
            case SdkException other -> Optional.of(other.getClass().getSimpleName());
            default -> Optional.empty();
        };
    }

    private static String errorCode(AwsServiceException service) {
        return service.awsErrorDetails() == null ? "an error" : String.valueOf(service.awsErrorDetails().errorCode());
    }
}

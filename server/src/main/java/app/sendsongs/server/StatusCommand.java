package app.sendsongs.server;

import app.sendsongs.store.sqlite.SqliteStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code send-songs status}: the counts of what the store holds, on either kind of store. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print what the bot holds, from its store (STORE: the SQLite file or the DynamoDB table), "
                + "while the server runs: people and their listening connections, songs watched and not yet "
                + "delivered, held messages, the listen checks due with the wait of the oldest, and the inbound "
                + "events waiting to be handled with the age of the oldest. Counts only: no names, ids or "
                + "messages. On DynamoDB it reads the whole table once.")
final class StatusCommand extends DatabaseSettings implements Callable<Integer> {
    /** The variables status reads: the store's, on either kind of store. */
    static final List<String> VARIABLES = List.of("STORE", "SQLITE_PATH", "DYNAMODB_TABLE", "AWS_REGION",
            "DYNAMODB_ENDPOINT", "AWS_ACCESS_KEY_ID", Logging.VARIABLE);

    @Option(names = "--json", description = "One JSON object instead of lines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<String> problems = new ArrayList<>();
        StoreConfig store;
        try {
            store = StoreConfig.from(settings(), problems);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            store = null;
        }
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems));
            return 2;
        }
        Instant now = Instant.now();
        try {
            StatusReport report = new StatusReport(ServerStore.figures(store, now), now, describe(store));
            System.out.print(json ? report.json() + "\n" : report.text());
            return 0;
        } catch (SqliteStoreException | SdkException e) {
            System.err.println("status: " + e.getMessage());
            return 1;
        }
    }

    private static String describe(StoreConfig store) {
        return switch (store) {
            case StoreConfig.Sqlite sqlite -> "SQLite " + sqlite.path().toAbsolutePath();
            case StoreConfig.DynamoDb dynamo -> "DynamoDB table " + dynamo.table() + " in " + dynamo.region();
        };
    }
}

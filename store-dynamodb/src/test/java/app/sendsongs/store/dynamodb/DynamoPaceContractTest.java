package app.sendsongs.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.chat.SendPacer;
import app.sendsongs.store.contract.PaceLedgerContract;
import app.sendsongs.testsupport.DynaliteExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The send pace on the table, each sender with a ledger (and a table object) of its own, as separate functions
 * have: it keeps the same contract as the pace kept in one process, and a table that cannot be written holds the
 * message rather than letting it go unpaced.
 */
class DynamoPaceContractTest extends PaceLedgerContract {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    @Override
    protected Pace newPace() {
        String table = DYNAMO.freshTable();
        return () -> DynamoStores.sendPace(DYNAMO.client(), table, "telegram", RULES);
    }

    @Test
    void aMissingTableHoldsTheMessageInsteadOfSendingItUnpaced() throws InterruptedException {
        SendPacer sender = new SendPacer(DynamoStores.sendPace(DYNAMO.client(), "no-such-table", "telegram", RULES),
                clock, clock::advance, Duration.ofSeconds(3));

        assertThat(sender.acquire(7, false)).contains(SendPacer.UNKNOWN_PACE_WAIT);
    }

    @Test
    void anUnreachableServiceHoldsTheMessageAndTakesNothing() throws IOException, InterruptedException {
        String table = DYNAMO.freshTable();
        try (DynamoDbClient nobody = unreachable()) {
            SendPacer cut = new SendPacer(DynamoStores.sendPace(nobody, table, "telegram", RULES), clock,
                    clock::advance, Duration.ofSeconds(3));
            assertThat(cut.acquire(7, false)).contains(SendPacer.UNKNOWN_PACE_WAIT);
            cut.hold(7, Duration.ofSeconds(30)); // told nothing, and does not throw
        }

        SendPacer other = new SendPacer(DynamoStores.sendPace(DYNAMO.client(), table, "telegram", RULES), clock,
                clock::advance, Duration.ZERO);
        assertThat(other.acquire(7, false)).as("the held message took no slot").isEmpty();
        assertThat(other.acquire(7, false)).isEmpty();
    }

    @Test
    void aChatsPaceLeavesWithTheTablesTimeToLive() throws InterruptedException {
        String table = DYNAMO.freshTable();
        PaceLedger ledger = DynamoStores.sendPace(DYNAMO.client(), table, "telegram", RULES);
        new SendPacer(ledger, clock, clock::advance, Duration.ZERO).acquire(-42, true);

        Map<String, AttributeValue> item = DYNAMO.client().getItem(r -> r.tableName(table)
                .key(TableLayout.key("PACE#telegram#-42", "PACE"))).item();
        assertThat(Long.parseLong(item.get(TableLayout.GC_AFTER).n())).as("two days after its group window")
                .isEqualTo(clock.instant().plus(RULES.groupWindow()).plus(TableLayout.GC_GRACE).getEpochSecond());
    }

    private static DynamoDbClient unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(DynaliteExtension.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        DynaliteExtension.ACCESS_KEY, DynaliteExtension.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}

package app.sendsongs.store.dynamodb;

import static app.sendsongs.store.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.core.watch.Watch;
import app.sendsongs.core.watch.WatchStore;
import app.sendsongs.testsupport.DynaliteExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the store's writes tell of its table: failing while DynamoDB refuses them whatever they hold. */
class TableHealthTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

    private final TableHealth health = new TableHealth();

    @Test
    void aMissingTableFailsTheWritesUntilOneIsTakenAgain() {
        WatchStore missing = watches(DYNAMO.client(), "no-such-table");
        WatchStore table = watches(DYNAMO.client(), DYNAMO.freshTable());

        assertThatThrownBy(() -> missing.deleteWatch(at("bob"))).isInstanceOf(SdkException.class);
        assertThat(health.fault()).hasValueSatisfying(why -> assertThat(why).contains("no-such-table")
                .contains("does not exist"));

        table.deleteWatch(at("bob"));
        assertThat(health.fault()).isEmpty();
    }

    @Test
    void anUnreachableServiceFailsTheWrites() throws IOException {
        try (DynamoDbClient nobody = client(closedPort())) {
            assertThatThrownBy(() -> watches(nobody, "send-songs").deleteWatch(at("bob")))
                    .isInstanceOf(SdkException.class);
        }
        assertThat(health.fault()).hasValueSatisfying(why -> assertThat(why).contains("cannot be reached"));
    }

    @Test
    void aWriteRefusedForWhatItHoldsSaysTheTableTakesWrites() {
        WatchStore table = watches(DYNAMO.client(), DYNAMO.freshTable());
        assertThatThrownBy(() -> watches(DYNAMO.client(), "no-such-table").deleteWatch(at("bob")))
                .isInstanceOf(SdkException.class);

        assertThat(table.endWatch(new Watch(at("bob"), NOW, NOW, 7))).as("no such watch: the condition refuses it")
                .isFalse();
        assertThat(health.fault()).isEmpty();
    }

    private WatchStore watches(DynamoDbClient client, String table) {
        return DynamoStores.create(client, table, TokenCipher.random(), health).watches();
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(DynaliteExtension.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        DynaliteExtension.ACCESS_KEY, DynaliteExtension.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}

package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DynamoDB table failing under a running server, seen from outside: the webhook and {@code /health}. */
class DynamoDbStoreFaultsEndToEndTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String table;
    private Demo demo;

    @BeforeEach
    void start() {
        table = DYNAMO.freshTable();
        demo = Demo.start(Map.of("PORT", "0", "STORE", "dynamodb", "DYNAMODB_TABLE", table,
                "DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString(), "AWS_REGION", DynaliteExtension.REGION.id(),
                "AWS_ACCESS_KEY_ID", DynaliteExtension.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", DynaliteExtension.SECRET_KEY,
                "TICK_SECONDS", "3600"));
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    @Timeout(60)
    void whileTheTableIsGoneHealthSaysTheStoreFailsAndOnceWritesAreTakenAgainItIsOk() throws Exception {
        assertThat(write("ann").statusCode()).isEqualTo(200);
        assertThat(health().statusCode()).isEqualTo(200);

        DYNAMO.client().deleteTable(request -> request.tableName(table));
        DYNAMO.client().waiter().waitUntilTableNotExists(request -> request.tableName(table));

        HttpResponse<String> refused = write("ann");
        assertThat(refused.statusCode()).as("the sandbox's answer when the bot does not answer 200").isEqualTo(502);
        assertThat(refused.body()).contains("bot answered 503");
        HttpResponse<String> failing = health();
        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(failing.body()).contains("store failing").doesNotContain(table);

        DynamoStores.createTable(DYNAMO.client(), table);

        assertThat(write("bea").statusCode()).isEqualTo(200);
        HttpResponse<String> ok = health();
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"ok\"");
    }

    private HttpResponse<String> write(String person) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/sandbox/messenger/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + person + "\",\"text\":\"hi\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> health() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

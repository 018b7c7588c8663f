package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The store's file failing under a running server, seen from outside: the webhook and {@code /health}. */
class StoreFaultsEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;
    private Path database;
    private Demo demo;

    @BeforeEach
    void start() {
        database = dir.resolve("send-songs.db");
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TICK_SECONDS", "3600"));
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    @Timeout(30)
    void aDatabaseFileDeletedUnderTheServerIsNeitherAcknowledgedNorCalledHealthy() throws Exception {
        assertThat(write("ann").statusCode()).isEqualTo(200);
        assertThat(health().statusCode()).isEqualTo(200);

        Files.delete(database);

        HttpResponse<String> refused = write("ann");
        assertThat(refused.statusCode()).as("the sandbox's answer when the bot does not answer 200").isEqualTo(502);
        assertThat(refused.body()).contains("bot answered 503");
        HttpResponse<String> health = health();
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("store failing").doesNotContain(dir.toString());
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

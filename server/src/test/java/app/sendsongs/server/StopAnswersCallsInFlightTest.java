package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.sandbox.WebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server (SIGTERM) while a webhook call waits for its write: the call still gets its answer. */
class StopAnswersCallsInFlightTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void aWebhookCallWaitingForItsWriteWhenTheServerStopsIsAnswered200OnceItsEventsAreKept() throws Exception {
        Path database = dir.resolve("send-songs.db");
        Demo demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", database.toString(), "TICK_SECONDS", "3600"));
        Thread stopping = null;
        try (HttpClient http = HttpClient.newHttpClient();
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE"); // another writer on the file: the call's write waits for it
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(webhook(demo.baseUrl()),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(2_000); // the call reaches its write (a stop before that refuses it), even on a slow machine
            stopping = Thread.ofVirtual().start(demo::close);
            Thread.sleep(500);
            lock.execute("ROLLBACK");

            assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            if (stopping == null) {
                demo.close();
            } else {
                stopping.join();
            }
        }
    }

    private static HttpRequest webhook(String baseUrl) {
        long now = System.currentTimeMillis();
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":" + now + ",\"messaging\":[{\"sender\":"
                + "{\"id\":\"ann\"},\"recipient\":{\"id\":\"1\"},\"timestamp\":" + now + ",\"message\":{\"mid\":"
                + "\"m-in-flight\",\"text\":\"help\"}}]}]}").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(baseUrl + "/webhook"))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, new WebhookSigner(Demo.SANDBOX_CREDENTIALS.get("MESSENGER_APP_SECRET"))
                        .sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}

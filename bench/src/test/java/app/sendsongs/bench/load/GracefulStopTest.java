package app.sendsongs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.Stores;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.sandbox.WebhookSigner;
import app.sendsongs.store.sqlite.SqliteStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as systemd or a container runtime sends it, stops the server only after it has handled what it
 * acknowledged: the server process (demo wiring, a SQLite file) gets a burst of signed webhook POSTs, is asked to
 * stop the moment the last one is answered, and its file then holds every acknowledged event as handled and none
 * still waiting.
 */
class GracefulStopTest {
    private static final String APP_SECRET = "graceful-stop-app-secret";
    private static final int POSTS = 30;
    private static final int EVENTS_PER_POST = 5;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sigtermHandlesEveryAcknowledgedEventBeforeTheProcessExits() throws Exception {
        Path database = dir.resolve("stop.db");
        List<String> keys = new ArrayList<>();
        ServerProcess server = ServerProcess.startDemo(List.of("-Xmx256m"), Map.of("MESSENGER_APP_SECRET", APP_SECRET,
                "SQLITE_PATH", database.toString(), "TICK_SECONDS", "1"), dir.resolve("server.log"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            WebhookSigner signer = new WebhookSigner(APP_SECRET);
            long now = System.currentTimeMillis();
            for (int post = 0; post < POSTS; post++) {
                List<String> mids = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_POST; i++) {
                    mids.add("m-stop-" + post + "-" + i);
                }
                byte[] body = body("psid-" + (post % 20), mids, now).getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/webhook"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", signer.sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                mids.forEach(mid -> keys.add("messenger:" + mid));
            }
        } finally {
            server.close(); // SIGTERM, then waits for the process to exit
        }

        assertThat(server.exitCode()).as(server.tail()).isIn(0, 143);
        try (SqliteStores store = SqliteStores.file(database, TokenCipher.fromBase64(randomKey()))) {
            Stores stores = store.stores();
            assertThat(stores.inbox().hasWaiting()).as("nothing acknowledged is left for the next start").isFalse();
            assertThat(keys).as("every acknowledged event was handled before the process exited")
                    .allMatch(key -> stores.inbound().handled(key));
        }
    }

    /** Messenger's webhook body: one entry, {@code mids.size()} texts from one person. */
    private static String body(String psid, List<String> mids, long timeMillis) {
        StringBuilder messaging = new StringBuilder();
        for (String mid : mids) {
            if (!messaging.isEmpty()) {
                messaging.append(',');
            }
            messaging.append("{\"sender\":{\"id\":\"").append(psid).append("\"},\"recipient\":{\"id\":\"1\"},")
                    .append("\"timestamp\":").append(timeMillis).append(",\"message\":{\"mid\":\"").append(mid)
                    .append("\",\"text\":\"help\"}}");
        }
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":" + timeMillis + ",\"messaging\":["
                + messaging + "]}]}";
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

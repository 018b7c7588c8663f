package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on the running server: the counts move with the share story, the endpoint answers only the
 * configured bearer token, and is not there at all without one.
 */
class MetricsEndpointTest {
    private static final String TOKEN = "metrics-token-3f9a1c77e2b04d5a";
    private static final String LINK = "https://open.spotify.com/track/";
    /** One sample line of the text format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theCountsMoveWithTheShareStory() {
        start(Map.of("METRICS_TOKEN", TOKEN));
        String before = scrape();
        assertThat(sandbox.postWebhook("{\"object\":\"page\",\"entry\":[]}", "sha256=00").status()).isEqualTo(403);
        String track = sandbox.trackIds().getFirst();

        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" post:\"told you\" " + LINK + track);
        sandbox.advanceMinutes(10);
        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);
        assertThat(sandbox.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to ");
        assertThat(demo.server().awaitWebhookIdle(Duration.ofSeconds(5))).isTrue();

        String after = scrape();
        Map<String, String> messenger = Map.of("platform", "messenger");
        assertThat(value(after, "send_songs_webhook_requests_total", Map.of("platform", "messenger",
                "outcome", "accepted"))).isGreaterThanOrEqualTo(3);
        assertThat(value(after, "send_songs_webhook_requests_total", Map.of("outcome", "bad_signature")))
                .isEqualTo(value(before, "send_songs_webhook_requests_total", Map.of("outcome", "bad_signature")) + 1);
        assertThat(value(after, "send_songs_webhook_events_total", messenger)).isGreaterThanOrEqualTo(3);
        assertThat(value(after, "send_songs_messages_handled_seconds_count", Map.of("platform", "messenger",
                "input", "text", "outcome", "handled"))).isGreaterThanOrEqualTo(3);
        assertThat(value(after, "send_songs_messages_handled_seconds_bucket", Map.of("le", "+Inf")))
                .as("handling latency is a histogram").isGreaterThanOrEqualTo(3);
        assertThat(value(after, "send_songs_messages_total", Map.of("platform", "messenger", "outcome", "sent")))
                .as("answers, the song, the notice and the note").isGreaterThanOrEqualTo(6);
        assertThat(value(after, "send_songs_listen_checks_seconds_count", Map.of("source", "spotify",
                "outcome", "read"))).isGreaterThanOrEqualTo(2);
        assertThat(value(after, "send_songs_connections_total", Map.of("source", "spotify", "outcome", "ok")))
                .isEqualTo(2);
        assertThat(value(after, "send_songs_outside_calls_seconds_count", Map.of("service", "spotify",
                "outcome", "ok"))).isGreaterThanOrEqualTo(3);
        assertThat(value(after, "send_songs_outside_calls_seconds_count", Map.of("service", "messenger",
                "outcome", "ok"))).isGreaterThanOrEqualTo(6);
        assertThat(value(after, "send_songs_http_requests_seconds_count", Map.of("route", "/webhook",
                "method", "POST", "status", "2xx"))).isGreaterThanOrEqualTo(3);
        assertThat(value(after, "send_songs_listen_checks_due", Map.of())).isZero();
        assertThat(value(after, "send_songs_listen_checks_lag_seconds", Map.of())).isZero();
        assertThat(value(after, "send_songs_intake_depth", Map.of())).isZero();
        assertThat(value(after, "send_songs_handling_limit", Map.of())).isPositive();
        assertThat(after).contains("send_songs_intake_depth ", "send_songs_inbox_events_waiting ",
                "send_songs_inbox_events_age_seconds ", "jvm_memory_used_bytes{",
                "jvm_gc_", "jetty_threads_current ", "jetty_connections_");

        assertThat(after).as("no person, name, account or secret in a label")
                .doesNotContain("alice", "Alice", "Bob", "bob-sp", TOKEN, "sandbox-page-token", "told you");
    }

    @Test
    void onlyTheConfiguredBearerTokenIsAnswered() {
        start(Map.of("METRICS_TOKEN", TOKEN));

        assertThat(sandbox.get("/metrics").status()).isEqualTo(401);
        assertThat(sandbox.getAuthorized("/metrics", "Bearer wrong-token").status()).isEqualTo(401);
        assertThat(sandbox.getAuthorized("/metrics", "Bearer " + TOKEN + "x").status()).isEqualTo(401);
        assertThat(sandbox.getAuthorized("/metrics", "Basic " + TOKEN).status()).isEqualTo(401);
        SandboxClient.Response refused = sandbox.getAuthorized("/metrics", "Bearer ");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("jvm_");
        assertThat(refused.headers().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        SandboxClient.Response answered = sandbox.getAuthorized("/metrics", "Bearer " + TOKEN);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.headers().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
    }

    @Test
    void withoutATokenThereIsNoMetricsEndpoint() {
        start(Map.of());

        assertThat(sandbox.get("/metrics").status()).isEqualTo(404);
        assertThat(sandbox.getAuthorized("/metrics", "Bearer ").status()).isEqualTo(404);
    }

    private void start(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("PORT", "0", "SQLITE_PATH",
                dir.resolve("send-songs.db").toString(), "TICK_SECONDS", "3600"));
        values.putAll(extra);
        demo = Demo.start(values);
        sandbox = new SandboxClient(demo.baseUrl());
    }

    private String scrape() {
        SandboxClient.Response response = sandbox.getAuthorized("/metrics", "Bearer " + TOKEN);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}; 0 when there are none. */
    static double value(String exposition, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }
}

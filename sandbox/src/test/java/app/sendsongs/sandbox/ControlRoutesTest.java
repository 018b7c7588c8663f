package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControlRoutesTest {
    private static final String GRAPH = "/sandbox/graph/v25.0/me/messages?access_token=sandbox-page-access-token";
    private final SandboxHarness h = new SandboxHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void clockAdvanceRunsTheDueWork() {
        AtomicInteger runs = new AtomicInteger();
        String[] seen = new String[1];
        h.sandbox.onClockAdvance(() -> {
            runs.incrementAndGet();
            seen[0] = h.clock.instant().toString();
        });
        SandboxHarness.Response advanced = h.post("/sandbox/clock/advance", Map.of("seconds", 90));
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(advanced.json().path("now").asText()).isEqualTo("2026-11-25T10:01:30Z");
        assertThat(runs).hasValue(1);
        assertThat(seen[0]).isEqualTo("2026-11-25T10:01:30Z");
        assertThat(h.get("/sandbox/clock").json().path("now").asText()).isEqualTo("2026-11-25T10:01:30Z");

        assertThat(h.post("/sandbox/clock/advance", Map.of("seconds", -1)).status()).isEqualTo(400);
        assertThat(h.post("/sandbox/clock/advance", "{}").status()).isEqualTo(400);
        assertThat(h.post("/sandbox/clock/advance", "not json").status()).isEqualTo(400);
        assertThat(runs).hasValue(1);
    }

    @Test
    void theClockNamesTheRunOfTheSandboxSoAPageTellsARestart() {
        String run = h.get("/sandbox/clock").json().path("run").asText();
        h.post("/sandbox/clock/advance", Map.of("seconds", 60));

        assertThat(run).startsWith("run-");
        assertThat(h.get("/sandbox/clock").json().path("run").asText()).isEqualTo(run);
        try (SandboxHarness again = new SandboxHarness()) {
            assertThat(again.get("/sandbox/clock").json().path("run").asText()).isNotEqualTo(run);
        }
    }

    @Test
    void spotifyFaultsCarryRetryAfterAndRunOut() {
        String token = h.connectToken("judy");
        SandboxHarness.Response queued = h.post("/sandbox/faults",
                Map.of("target", "spotify", "status", 429, "count", 2, "retry_after", 7));
        assertThat(queued.status()).isEqualTo(200);
        assertThat(h.get("/sandbox/faults").json().path("spotify").get(0).path("remaining").asInt()).isEqualTo(2);

        for (int i = 0; i < 2; i++) {
            SandboxHarness.Response limited = h.get("/sandbox/api/v1/me/player/recently-played", token);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("7");
            assertThat(limited.json().path("error").path("status").asInt()).isEqualTo(429);
            assertThat(limited.json().path("error").path("message").asText()).isEqualTo("API rate limit exceeded");
        }
        assertThat(h.get("/sandbox/api/v1/me/player/recently-played", token).status()).as("no plays: 204")
                .isEqualTo(204);
        assertThat(h.get("/sandbox/faults").json().path("spotify")).isEmpty();

        h.post("/sandbox/faults", Map.of("target", "spotify", "status", 503));
        SandboxHarness.Response tokenFault = h.token(Map.of("grant_type", "client_credentials"));
        assertThat(tokenFault.status()).isEqualTo(503);
        assertThat(tokenFault.header("Retry-After")).isEqualTo("1");
        assertThat(h.token(Map.of("grant_type", "client_credentials")).status()).isEqualTo(200);
    }

    @Test
    void messengerFaultsAndClearing() {
        h.post("/sandbox/messenger/send", Map.of("from", "psid-9", "text", "hi"));
        h.post("/sandbox/faults", Map.of("target", "messenger", "status", 500, "count", 1));
        SandboxHarness.Response failed = h.post(GRAPH,
                "{\"recipient\":{\"id\":\"psid-9\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"x\"}}");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().path("error").path("type").asText()).isEqualTo("OAuthException");
        assertThat(h.get("/sandbox/messenger/inbox/psid-9").json()).isEmpty();
        assertThat(h.get("/sandbox/messenger/stats").json().path("delivered").asLong()).isZero();

        h.post("/sandbox/faults", Map.of("target", "messenger", "status", 429, "count", 5));
        assertThat(h.delete("/sandbox/faults").json().path("messenger")).isEmpty();
        assertThat(h.post(GRAPH, "{\"recipient\":{\"id\":\"psid-9\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"x\"}}")
                .status()).isEqualTo(200);
        assertThat(h.get("/sandbox/messenger/stats").json().path("delivered").asLong()).isEqualTo(1);

        assertThat(h.post("/sandbox/faults", Map.of("target", "email", "status", 500)).status()).isEqualTo(400);
        assertThat(h.post("/sandbox/faults", Map.of("target", "spotify", "status", 404)).status()).isEqualTo(400);
        assertThat(h.post("/sandbox/faults", Map.of("target", "spotify", "status", 500, "count", 0)).status()).isEqualTo(400);
    }

    @Test
    void playsListAndUsers() {
        String first = h.get("/sandbox/spotify/tracks").json().get(0).path("id").asText();
        h.post("/sandbox/spotify/users/kim/plays", Map.of("track", "https://open.spotify.com/track/" + first + "?si=abc"));
        assertThat(h.get("/sandbox/spotify/users/kim/plays").json().get(0).path("track").asText()).isEqualTo(first);
        assertThat(h.get("/sandbox/spotify/users").json().toString()).contains("kim");
        assertThat(h.post("/sandbox/spotify/users/kim/plays", Map.of("track", first, "at", "yesterday")).status()).isEqualTo(400);
    }
}

package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulated ListenBrainz over HTTP: tokens, listens, rate limit headers, errors and the control API. */
class ListenBrainzEmulatorTest {
    private static final String FERRIS = "sw0KSZFy2XPBgUm7JydSrm";

    private final SandboxHarness h = new SandboxHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void aUsersTokenValidatesAsThatUserAndAResetTokenNoLonger() {
        String token = h.get("/sandbox/listenbrainz/users/rob/token").json().path("token").asText();

        JsonNode valid = validate("Token " + token).json();
        assertThat(valid.path("code").asInt()).isEqualTo(200);
        assertThat(valid.path("message").asText()).isEqualTo("Token valid.");
        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.path("user_name").asText()).isEqualTo("rob");
        assertThat(h.get("/sandbox/listenbrainz/users/rob/token").json().path("token").asText()).isEqualTo(token);
        assertThat(h.get("/sandbox/listenbrainz/1/validate-token?token=" + token).json().path("valid").asBoolean())
                .isTrue();

        String fresh = h.post("/sandbox/listenbrainz/users/rob/token/reset", Map.of()).json().path("token").asText();
        assertThat(fresh).isNotEqualTo(token);
        JsonNode invalid = validate("Token " + token).json();
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.path("message").asText()).isEqualTo("Token invalid.");
        assertThat(invalid.has("user_name")).isFalse();
        assertThat(validate("token " + fresh).json().path("user_name").asText()).isEqualTo("rob");
    }

    @Test
    void validatingWithoutATokenIsABadRequest() {
        SandboxHarness.Response none = h.get("/sandbox/listenbrainz/1/validate-token");

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("code").asInt()).isEqualTo(400);
        assertThat(none.json().path("error").asText()).isEqualTo("You need to provide an Authorization token.");
    }

    // ---------------------------------------------------------------- listens

    @Test
    void listensComeNewestFirstWithTheirPayloadAndTwentyFiveByDefault() {
        for (int i = 0; i < 30; i++) {
            h.sandbox.listenBrainz().listen("rob", "A", "T" + i, null, null, null, null, Instant.ofEpochSecond(100 + i));
        }

        JsonNode payload = h.get("/sandbox/listenbrainz/1/user/rob/listens").json().path("payload");

        assertThat(payload.path("count").asInt()).isEqualTo(25);
        assertThat(payload.path("listens").get(0).path("listened_at").asLong()).isEqualTo(129);
        assertThat(payload.path("listens").get(24).path("listened_at").asLong()).isEqualTo(105);
        assertThat(payload.path("latest_listen_ts").asLong()).isEqualTo(129);
        assertThat(payload.path("oldest_listen_ts").asLong()).isEqualTo(100);
        assertThat(payload.path("user_id").asText()).isEqualTo("rob");
        JsonNode first = payload.path("listens").get(0);
        assertThat(first.path("recording_msid").asText()).hasSize(36);
        assertThat(first.path("track_metadata").path("artist_name").asText()).isEqualTo("A");
        assertThat(first.path("track_metadata").path("track_name").asText()).isEqualTo("T29");
    }

    @Test
    void withMinTsTheAnswerHoldsTheOldestListensAfterItStillNewestFirst() {
        for (int i = 0; i < 10; i++) {
            h.sandbox.listenBrainz().listen("rob", "A", "T" + i, null, null, null, null, Instant.ofEpochSecond(100 + i));
        }

        JsonNode after = h.get("/sandbox/listenbrainz/1/user/rob/listens?min_ts=102&count=3").json().path("payload");
        assertThat(after.path("listens")).extracting(l -> l.path("listened_at").asLong()).containsExactly(105L, 104L, 103L);
        JsonNode before = h.get("/sandbox/listenbrainz/1/user/rob/listens?max_ts=103&count=5").json().path("payload");
        assertThat(before.path("listens")).extracting(l -> l.path("listened_at").asLong()).containsExactly(102L, 101L, 100L);
        JsonNode between = h.get("/sandbox/listenbrainz/1/user/rob/listens?min_ts=101&max_ts=104").json().path("payload");
        assertThat(between.path("listens")).extracting(l -> l.path("listened_at").asLong()).containsExactly(103L, 102L);
    }

    @Test
    void theCountIsCutToAThousand() {
        for (int i = 0; i < 1005; i++) {
            h.sandbox.listenBrainz().listen("rob", "A", "T" + i, null, null, null, null, Instant.ofEpochSecond(100 + i));
        }

        assertThat(h.get("/sandbox/listenbrainz/1/user/rob/listens?count=5000").json().path("payload").path("count")
                .asInt()).isEqualTo(1000);
        assertThat(h.get("/sandbox/listenbrainz/1/user/rob/listens?count=0").json().path("payload").path("count")
                .asInt()).isZero();
    }

    @Test
    void aListenWithASpotifyIdLooksImportedFromSpotify() {
        JsonNode posted = h.post("/sandbox/listenbrainz/users/rob/listens", Map.of("artist", "Marlow Vance",
                "track", "Ferris Wheel in February", "spotify_id", "spotify:track:" + FERRIS,
                "at", "2026-11-25T09:00:00Z")).json();
        assertThat(posted.path("listened_at").asLong()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z").getEpochSecond());

        JsonNode info = h.get("/sandbox/listenbrainz/1/user/rob/listens").json().path("payload").path("listens").get(0)
                .path("track_metadata").path("additional_info");
        assertThat(info.path("spotify_id").asText()).isEqualTo("https://open.spotify.com/track/" + FERRIS);
        assertThat(info.path("origin_url").asText()).isEqualTo("https://open.spotify.com/track/" + FERRIS);
        assertThat(info.path("music_service").asText()).isEqualTo("spotify.com");
        assertThat(info.path("isrc").asText()).isEqualTo(h.sandbox.spotify().catalogue().byId(FERRIS).orElseThrow().isrc());
        assertThat(info.path("duration_ms").asLong()).isPositive();
        assertThat(info.path("artist_names").get(0).asText()).isEqualTo("Marlow Vance");
        assertThat(info.path("recording_msid").asText()).hasSize(36);
    }

    @Test
    void aListenWithARecordingMbidIsMappedAndTheSameListenIsKeptOnce() {
        Map<String, Object> listen = Map.of("artist", "Röyksopp", "track", "Some Resolve",
                "recording_mbid", "30d08f4c-d825-4ae1-b79c-44242cddd7c0", "isrc", "NOA3E2200001",
                "at", "2026-11-25T09:00:00Z");
        h.post("/sandbox/listenbrainz/users/rob/listens", listen);
        h.post("/sandbox/listenbrainz/users/rob/listens", listen);

        JsonNode payload = h.get("/sandbox/listenbrainz/1/user/rob/listens").json().path("payload");
        assertThat(payload.path("count").asInt()).isEqualTo(1);
        JsonNode metadata = payload.path("listens").get(0).path("track_metadata");
        assertThat(metadata.path("additional_info").path("recording_mbid").asText())
                .isEqualTo("30d08f4c-d825-4ae1-b79c-44242cddd7c0");
        assertThat(metadata.path("additional_info").path("isrc").asText()).isEqualTo("NOA3E2200001");
        assertThat(metadata.path("mbid_mapping").path("recording_mbid").asText())
                .isEqualTo("30d08f4c-d825-4ae1-b79c-44242cddd7c0");
    }

    @Test
    void badListensRequestsAreRefusedInListenBrainzsErrorFormat() {
        h.get("/sandbox/listenbrainz/users/rob/token");
        assertLbError(h.get("/sandbox/listenbrainz/1/user/nobody/listens"), 404, "Cannot find user: nobody");
        assertLbError(h.get("/sandbox/listenbrainz/1/user/rob/listens?min_ts=abc"), 400,
                "Incorrect min_ts timestamp argument: abc");
        assertLbError(h.get("/sandbox/listenbrainz/1/user/rob/listens?count=many"), 400, "Invalid count argument: many");
        assertLbError(h.get("/sandbox/listenbrainz/1/user/rob/listens?count=-1"), 400,
                "Number of items requested should be positive");
        assertLbError(h.get("/sandbox/listenbrainz/1/user/rob/listens?min_ts=10&max_ts=10"), 400,
                "max_ts should be greater than min_ts");
        assertLbError(h.get("/sandbox/listenbrainz/1/user/rob/listens?max_ts=99999999999999"), 400,
                "Incorrect max_ts timestamp argument: 99999999999999");
        assertThat(h.delete("/sandbox/listenbrainz/users/rob").json().path("deleted").asBoolean()).isTrue();
        assertLbError(h.get("/sandbox/listenbrainz/1/user/rob/listens"), 404, "Cannot find user: rob");
    }

    // ---------------------------------------------------------------- rate limit and faults

    @Test
    void everyAnswerCarriesTheRateHeadersAndAUsersTokenCountsAgainstTheCallersIp() {
        String token = h.get("/sandbox/listenbrainz/users/rob/token").json().path("token").asText();
        String other = h.get("/sandbox/listenbrainz/users/ann/token").json().path("token").asText();
        assertThat(h.post("/sandbox/listenbrainz/limits", Map.of("per_token", 3, "per_ip", 2, "window_s", 60))
                .json().path("window_s").asInt()).isEqualTo(60);
        h.sandbox.listenBrainz().rateLimits(3, 2, 60, Clock.fixed(Instant.ofEpochSecond(1_800_000_015), ZoneOffset.UTC));

        SandboxHarness.Response first = listens("rob", token);
        assertThat(first.header("X-RateLimit-Limit")).as("a user's token buys no window of its own").isEqualTo("2");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(first.header("X-RateLimit-Reset")).isEqualTo("1800000060");
        assertThat(first.header("X-RateLimit-Reset-In")).isEqualTo("45");
        assertThat(listens("ann", other).header("X-RateLimit-Remaining")).as("another user's token, the same IP")
                .isEqualTo("0");
        SandboxHarness.Response over = listens("rob", token);
        assertLbError(over, 429, ListenBrainzApiEmulator.OVER_LIMIT);
        assertThat(over.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(h.get("/sandbox/listenbrainz/1/user/rob/listens").status()).as("no token, the same IP")
                .isEqualTo(429);

        h.sandbox.listenBrainz().whitelistTokens(List.of("service-token"));
        SandboxHarness.Response whitelisted = listens("rob", "service-token");
        assertThat(whitelisted.status()).isEqualTo(200);
        assertThat(whitelisted.header("X-RateLimit-Limit")).as("only a whitelisted token has its own").isEqualTo("3");

        JsonNode stats = h.get("/sandbox/listenbrainz/stats").json();
        assertThat(stats.path("rate-limited").asLong()).isEqualTo(2);
        assertThat(stats.path("listens").asLong()).isEqualTo(5);
    }

    @Test
    void faultsAnswerLikeListenBrainzAndTheProxyInFrontOfIt() {
        h.get("/sandbox/listenbrainz/users/rob/token");
        h.post("/sandbox/faults", Map.of("target", "listenbrainz", "status", 429, "retry_after", 7));
        h.post("/sandbox/faults", Map.of("target", "listenbrainz", "status", 502));
        h.post("/sandbox/faults", Map.of("target", "listenbrainz", "status", 503));

        SandboxHarness.Response limited = h.get("/sandbox/listenbrainz/1/user/rob/listens");
        assertLbError(limited, 429, ListenBrainzApiEmulator.OVER_LIMIT);
        assertThat(limited.header("X-RateLimit-Reset-In")).isEqualTo("7");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        SandboxHarness.Response gateway = h.get("/sandbox/listenbrainz/1/user/rob/listens");
        assertThat(gateway.status()).isEqualTo(502);
        assertThat(gateway.body()).contains("<title>502 Bad Gateway</title>");
        assertThat(h.get("/sandbox/listenbrainz/1/user/rob/listens").json().path("code").asInt()).isEqualTo(503);
        assertThat(h.get("/sandbox/listenbrainz/1/user/rob/listens").status()).isEqualTo(200);
    }

    @Test
    void theControlApiRefusesBadListens() {
        assertThat(h.post("/sandbox/listenbrainz/users/rob/listens", Map.of("artist", "A")).status()).isEqualTo(400);
        assertThat(h.post("/sandbox/listenbrainz/users/rob/listens", Map.of("artist", "A", "track", "T",
                "spotify_id", "not-a-track")).status()).isEqualTo(400);
        assertThat(h.post("/sandbox/listenbrainz/users/rob/listens", Map.of("artist", "A", "track", "T",
                "at", "2031-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(h.get("/sandbox/listenbrainz/users/no%20one/token").status()).isEqualTo(400);
        assertThat(h.post("/sandbox/listenbrainz/limits", Map.of("window_s", 0)).status()).isEqualTo(400);
        Map<String, Object> plain = new HashMap<>(Map.of("artist", "A", "track", "T"));
        assertThat(h.post("/sandbox/listenbrainz/users/rob/listens", plain).json().path("listened_at").asLong())
                .isEqualTo(SandboxHarness.START.getEpochSecond());
        assertThat(h.get("/sandbox/listenbrainz/users/rob/listens").json()).hasSize(1);
    }

    private SandboxHarness.Response validate(String authorization) {
        return h.get("/sandbox/listenbrainz/1/validate-token", Map.of("Authorization", authorization));
    }

    private SandboxHarness.Response listens(String user, String token) {
        return h.get("/sandbox/listenbrainz/1/user/" + user + "/listens", Map.of("Authorization", "Token " + token));
    }

    private static void assertLbError(SandboxHarness.Response response, int status, String error) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("code").asInt()).isEqualTo(status);
        assertThat(response.json().path("error").asText()).isEqualTo(error);
    }
}

package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulated Last.fm over HTTP: consent, sessions, recent tracks, hidden listening, errors and the rate. */
class LastfmEmulatorTest {
    private static final String KEY = LastfmEmulator.API_KEY;
    private static final String SECRET = LastfmEmulator.SHARED_SECRET;
    private static final String CALLBACK = "https://bot.example/callback/lastfm?state=s1";

    private final SandboxHarness h = new SandboxHarness();

    @BeforeEach
    void generousRate() {
        h.sandbox.lastfm().rateLimit(1000, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    // ---------------------------------------------------------------- consent and sessions

    @Test
    void theDocumentedSignatureExampleHoldsForTheEmulatorsSignature() {
        // https://lastfm-docs.github.io/api-docs/auth/signature/
        Map<String, String> params = Map.of("method", "auth.getSession", "api_key", "YOUR_API_KEY",
                "token", "YOUR_REQUESTED_TOKEN", "format", "json");
        assertThat(LastfmSignature.of(params, "YOUR_SECRET")).isEqualTo("94539006de89b3c6b3c030bb1e52b9c4");
    }

    @Test
    void consentWithoutAUserShowsTheAllowPageCarryingTheRequest() {
        SandboxHarness.Response page = h.get("/sandbox/lastfm/api/auth/?api_key=" + KEY + "&cb=" + enc(CALLBACK));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"agree\"").contains("name=\"api_key\" value=\"" + KEY + "\"")
                .contains("name=\"cb\" value=\"https://bot.example/callback/lastfm?state=s1\"");
    }

    @Test
    void consentAsAUserRedirectsToTheCallbackWithAToken() {
        SandboxHarness.Response consent = consent("Marlow_V", CALLBACK);

        assertThat(consent.status()).isEqualTo(302);
        String location = consent.header("Location");
        assertThat(location).startsWith(CALLBACK + "&token=");
        assertThat(SandboxHarness.URLDecoderHelper.param(location, "token")).matches("[0-9a-f]{32}");
        assertThat(consent("marlow_v", "https://bot.example/cb").header("Location"))
                .startsWith("https://bot.example/cb?token=");
    }

    @Test
    void consentRefusesBadKeysCallbacksAndNamesAndANoThanksReturnsNowhere() {
        assertThat(h.get("/sandbox/lastfm/api/auth/?api_key=nope&cb=" + enc(CALLBACK) + "&sandbox_user=amy").status())
                .isEqualTo(400);
        assertThat(h.get("/sandbox/lastfm/api/auth/?api_key=" + KEY + "&sandbox_user=amy").status()).isEqualTo(400);
        assertThat(h.get("/sandbox/lastfm/api/auth/?api_key=" + KEY + "&cb=ftp://x/&sandbox_user=amy").status())
                .isEqualTo(400);
        assertThat(h.get("/sandbox/lastfm/api/auth/?api_key=" + KEY + "&cb=" + enc(CALLBACK) + "&sandbox_user=1x")
                .status()).isEqualTo(400);
        SandboxHarness.Response denied = h.get("/sandbox/lastfm/api/auth/?api_key=" + KEY + "&cb=" + enc(CALLBACK)
                + "&sandbox_user=amy&sandbox_deny=1");
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.header("Location")).isNull();
    }

    @Test
    void aSignedGetSessionTurnsTheTokenIntoASessionKeyOnce() {
        String token = token("Marlow_V");

        SandboxHarness.Response session = signed(Map.of("method", "auth.getSession", "token", token));

        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("session").path("name").asText()).isEqualTo("Marlow_V");
        assertThat(session.json().path("session").path("key").asText()).matches("[0-9a-f]{32}");
        assertThat(session.json().path("session").path("subscriber").asInt()).isZero();
        assertError(signed(Map.of("method", "auth.getSession", "token", token)), 403, 4);
    }

    @Test
    void getSessionNeedsTheRightSignatureAndAFreshAllowedToken() {
        String token = token("amy");
        Map<String, String> unsigned = params(Map.of("method", "auth.getSession", "token", token));
        assertError(h.get("/sandbox/lastfm/2.0/?" + SandboxHarness.formEncoded(unsigned)), 403, 13);
        unsigned.put("api_sig", LastfmSignature.of(unsigned, "not-the-secret"));
        assertError(h.get("/sandbox/lastfm/2.0/?" + SandboxHarness.formEncoded(unsigned)), 403, 13);

        h.clock.advance(Duration.ofMinutes(60));
        assertError(signed(Map.of("method", "auth.getSession", "token", token)), 403, 15);
        assertError(signed(Map.of("method", "auth.getSession", "token", "0123456789abcdef0123456789abcdef")), 403, 4);

        String requested = signed(Map.of("method", "auth.getToken")).json().path("token").asText();
        assertError(signed(Map.of("method", "auth.getSession", "token", requested)), 403, 14);
        assertThat(h.get("/sandbox/lastfm/api/auth/?api_key=" + KEY + "&token=" + requested + "&sandbox_user=amy")
                .status()).isEqualTo(200);
        assertThat(signed(Map.of("method", "auth.getSession", "token", requested)).json()
                .path("session").path("name").asText()).isEqualTo("amy");
    }

    // ---------------------------------------------------------------- recent tracks

    @Test
    void oneTrackComesAsAnObjectAndSeveralAsAnArrayWithStringAttributes() {
        scrobble("amy", "Marlow Vance", "Ferris Wheel in February", "2026-11-25T09:00:00Z");

        JsonNode one = recent("amy", Map.of()).json().path("recenttracks");
        assertThat(one.path("track").isObject()).isTrue();
        assertThat(one.path("track").path("artist").path("#text").asText()).isEqualTo("Marlow Vance");
        assertThat(one.path("track").path("name").asText()).isEqualTo("Ferris Wheel in February");
        assertThat(one.path("track").path("date").path("uts").isTextual()).isTrue();
        assertThat(one.path("track").path("date").path("uts").asText()).isEqualTo("1795597200");
        assertThat(one.path("track").path("date").path("#text").asText()).isEqualTo("25 Nov 2026, 09:00");
        assertThat(one.path("@attr").path("total").asText()).isEqualTo("1");
        assertThat(one.path("@attr").path("totalPages").asText()).isEqualTo("1");
        assertThat(one.path("@attr").path("perPage").asText()).isEqualTo("50");

        scrobble("amy", "Neon Heron", "Glasshouse", "2026-11-25T09:05:00Z");
        JsonNode two = recent("amy", Map.of()).json().path("recenttracks");
        assertThat(two.path("track").isArray()).isTrue();
        assertThat(two.path("track").get(0).path("name").asText()).isEqualTo("Glasshouse");

        h.post("/sandbox/lastfm/users/zed/private", Map.of("private", false));
        assertThat(recent("zed", Map.of()).json().path("recenttracks").path("track").isArray()).isTrue();
        assertThat(recent("zed", Map.of()).json().path("recenttracks").path("track")).isEmpty();
    }

    @Test
    void theTrackPlayingNowComesFirstOnPageOneOnlyWithoutADate() {
        scrobble("amy", "A", "Old", "2026-11-25T08:00:00Z");
        scrobble("amy", "A", "Older", "2026-11-25T07:00:00Z");
        h.post("/sandbox/lastfm/users/amy/now-playing", Map.of("artist", "B", "track", "Now"));

        JsonNode page1 = recent("amy", Map.of("limit", "1")).json().path("recenttracks");
        assertThat(page1.path("track")).hasSize(2);
        assertThat(page1.path("track").get(0).path("@attr").path("nowplaying").asText()).isEqualTo("true");
        assertThat(page1.path("track").get(0).has("date")).isFalse();
        assertThat(page1.path("@attr").path("totalPages").asText()).isEqualTo("2");
        JsonNode page2 = recent("amy", Map.of("limit", "1", "page", "2")).json().path("recenttracks");
        assertThat(page2.path("track").isObject()).isTrue();
        assertThat(page2.path("track").path("name").asText()).isEqualTo("Older");

        scrobble("amy", "B", "Now", "2026-11-25T09:59:00Z");
        assertThat(recent("amy", Map.of("limit", "1")).json().path("recenttracks").path("track").isObject()).isTrue();
        h.post("/sandbox/lastfm/users/amy/now-playing", Map.of("artist", "C", "track", "Then"));
        h.clock.advance(Duration.ofMinutes(10));
        assertThat(recent("amy", Map.of("limit", "1")).json().path("recenttracks").path("track").isObject()).isTrue();
    }

    @Test
    void fromIsInclusiveToExclusiveAndTheLimitIsCutTo200() {
        for (int i = 0; i < 205; i++) {
            h.sandbox.lastfm().scrobble("amy", "A", "T" + i, null, null, Instant.ofEpochSecond(1_000_000 + i));
        }
        JsonNode range = recent("amy", Map.of("from", "1000010", "to", "1000012")).json().path("recenttracks");
        assertThat(range.path("track")).extracting(t -> t.path("name").asText()).containsExactly("T11", "T10");

        JsonNode big = recent("amy", Map.of("limit", "1000")).json().path("recenttracks");
        assertThat(big.path("track")).hasSize(200);
        assertThat(big.path("@attr").path("perPage").asText()).isEqualTo("200");
        assertThat(big.path("@attr").path("totalPages").asText()).isEqualTo("2");
        assertThat(recent("amy", Map.of("limit", "200", "page", "9")).json().path("recenttracks").path("track"))
                .isEmpty();
        assertError(recent("amy", Map.of("limit", "0")), 400, 6);
        assertError(recent("amy", Map.of("page", "two")), 400, 6);
        assertError(recent("amy", Map.of("from", "-5")), 400, 6);
    }

    @Test
    void extendedRecentTracksNameTheArtistAndSayWhetherLoved() {
        scrobble("amy", "Marlow Vance", "Ferris Wheel in February", "2026-11-25T09:00:00Z");

        JsonNode track = recent("amy", Map.of("extended", "1")).json().path("recenttracks").path("track");

        assertThat(track.path("artist").path("name").asText()).isEqualTo("Marlow Vance");
        assertThat(track.path("artist").has("#text")).isFalse();
        assertThat(track.path("loved").asText()).isEqualTo("0");
    }

    @Test
    void hiddenListeningNeedsThatUsersOwnSignedSession() {
        scrobble("amy", "A", "Secret", "2026-11-25T09:00:00Z");
        h.post("/sandbox/lastfm/users/amy/private", Map.of("private", true));
        String amyKey = session("amy");
        String bobKey = session("bob");

        assertError(recent("amy", Map.of()), 403, 17);
        assertThat(h.get("/sandbox/lastfm/2.0/?" + SandboxHarness.formEncoded(params(Map.of(
                "method", "user.getRecentTracks", "user", "amy")))).json().path("message").asText())
                .isEqualTo("Login: User required to be logged in");
        assertError(signed(Map.of("method", "user.getRecentTracks", "user", "amy", "sk", bobKey)), 403, 17);
        Map<String, String> unsigned = params(Map.of("method", "user.getRecentTracks", "user", "amy", "sk", amyKey));
        assertError(h.get("/sandbox/lastfm/2.0/?" + SandboxHarness.formEncoded(unsigned)), 403, 13);

        JsonNode mine = signed(Map.of("method", "user.getRecentTracks", "user", "amy", "sk", amyKey)).json();
        assertThat(mine.path("recenttracks").path("track").path("name").asText()).isEqualTo("Secret");
        SandboxHarness.Response posted = h.postForm("/sandbox/lastfm/2.0/",
                signedParams(Map.of("method", "user.getRecentTracks", "user", "amy", "sk", amyKey)));
        assertThat(posted.status()).isEqualTo(200);

        assertThat(h.post("/sandbox/lastfm/users/amy/revoke", Map.of()).json().path("revoked").asInt()).isEqualTo(1);
        assertError(signed(Map.of("method", "user.getRecentTracks", "user", "amy", "sk", amyKey)), 403, 9);
    }

    @Test
    void theWebServiceRefusesWhatTheRealOneRefuses() {
        h.post("/sandbox/lastfm/users/amy/private", Map.of("private", false));
        SandboxHarness.Response unknown = recent("nobody_here", Map.of());
        assertError(unknown, 404, 6);
        assertThat(unknown.json().path("message").asText()).isEqualTo("User not found");
        assertError(h.get("/sandbox/lastfm/2.0/?method=user.getRecentTracks&user=amy&api_key=wrong&format=json"),
                403, 10);
        assertError(h.get("/sandbox/lastfm/2.0/?method=user.getNothing&api_key=" + KEY + "&format=json"), 400, 3);
        assertThat(h.get("/sandbox/lastfm/2.0/?method=User.getrecenttracks&user=amy&api_key=" + KEY
                + "&format=json").status()).isEqualTo(200);
        SandboxHarness.Response xml = h.get("/sandbox/lastfm/2.0/?method=user.getRecentTracks&user=amy&api_key=" + KEY);
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.body()).contains("<error code=\"5\">");
        assertError(h.get("/sandbox/lastfm/2.0/?method=user.getRecentTracks&api_key=" + KEY + "&format=json"),
                400, 6);
    }

    // ---------------------------------------------------------------- rate, faults, control

    @Test
    void callsBeyondTheRateAnswerError29AndAreCounted() {
        h.post("/sandbox/lastfm/users/amy/private", Map.of("private", false));
        assertThat(h.post("/sandbox/lastfm/limits", Map.of("requests", 3, "window_ms", 60_000)).status())
                .isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(recent("amy", Map.of()).status()).isEqualTo(200);
        }
        SandboxHarness.Response limited = recent("amy", Map.of());
        assertError(limited, 429, 29);
        assertThat(limited.json().path("message").asText()).startsWith("Rate Limit Exceeded");
        assertThat(limited.header("Retry-After")).isNull();

        JsonNode stats = h.get("/sandbox/lastfm/stats").json();
        assertThat(stats.path("user.getrecenttracks").asLong()).isEqualTo(4);
        assertThat(stats.path("rate-limited").asLong()).isEqualTo(1);
        assertThat(stats.path("total").asLong()).isEqualTo(4);
        assertThat(h.delete("/sandbox/lastfm/stats").json().path("total").asLong()).isZero();
        assertThat(h.post("/sandbox/lastfm/limits", Map.of("requests", 0)).status()).isEqualTo(400);
    }

    @Test
    void faultsAnswerInLastfmsOwnFormatWithTheGivenCode() {
        h.post("/sandbox/lastfm/users/amy/private", Map.of("private", false));
        assertThat(h.post("/sandbox/faults", Map.of("target", "lastfm", "status", 403, "code", 26)).status())
                .isEqualTo(200);
        h.post("/sandbox/faults", Map.of("target", "lastfm", "status", 500));
        h.post("/sandbox/faults", Map.of("target", "lastfm", "status", 429, "retry_after", 5));

        assertError(recent("amy", Map.of()), 403, 26);
        assertError(recent("amy", Map.of()), 500, 8);
        SandboxHarness.Response limited = recent("amy", Map.of());
        assertError(limited, 429, 29);
        assertThat(limited.header("Retry-After")).isNull();
        assertThat(recent("amy", Map.of()).status()).isEqualTo(200);
        assertThat(h.post("/sandbox/faults", Map.of("target", "spotify", "status", 200)).status())
                .as("only Last.fm takes 200 faults").isEqualTo(400);
        assertThat(h.post("/sandbox/faults", Map.of("target", "lastfm", "status", 500, "code", "x")).status())
                .isEqualTo(400);
    }

    @Test
    void theControlApiRefusesBadPlaysAndListsScrobblesNewestFirst() {
        assertThat(h.post("/sandbox/lastfm/users/amy/scrobbles", Map.of("artist", "A")).status()).isEqualTo(400);
        assertThat(h.post("/sandbox/lastfm/users/amy/scrobbles", Map.of("artist", "A", "track", "T",
                "at", "2030-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(h.post("/sandbox/lastfm/users/amy/scrobbles", Map.of("artist", "A".repeat(2000), "track", "T"))
                .status()).isEqualTo(400);
        assertThat(h.post("/sandbox/lastfm/users/a/scrobbles", Map.of("artist", "A", "track", "T")).status())
                .isEqualTo(400);
        assertThat(h.post("/sandbox/lastfm/users/amy/private", Map.of("private", "yes")).status()).isEqualTo(400);

        JsonNode posted = h.post("/sandbox/lastfm/users/amy/scrobbles", Map.of("artist", "A", "track", "Now")).json();
        assertThat(posted.path("at").asText()).isEqualTo(SandboxHarness.START.toString());
        scrobble("amy", "A", "Earlier", "2026-11-25T09:00:00Z");
        assertThat(h.get("/sandbox/lastfm/users/amy/scrobbles").json()).extracting(s -> s.path("track").asText())
                .containsExactly("Now", "Earlier");
    }

    // ---------------------------------------------------------------- helpers

    private SandboxHarness.Response consent(String user, String callback) {
        return h.get("/sandbox/lastfm/api/auth/?api_key=" + KEY + "&cb=" + enc(callback) + "&sandbox_user=" + user);
    }

    private String token(String user) {
        return SandboxHarness.URLDecoderHelper.param(consent(user, CALLBACK).header("Location"), "token");
    }

    private String session(String user) {
        return signed(Map.of("method", "auth.getSession", "token", token(user))).json().path("session").path("key")
                .asText();
    }

    private void scrobble(String user, String artist, String track, String at) {
        assertThat(h.post("/sandbox/lastfm/users/" + user + "/scrobbles",
                Map.of("artist", artist, "track", track, "at", at)).status()).isEqualTo(200);
    }

    private SandboxHarness.Response recent(String user, Map<String, String> extra) {
        Map<String, String> params = params(Map.of("method", "user.getRecentTracks", "user", user));
        params.putAll(extra);
        return h.get("/sandbox/lastfm/2.0/?" + SandboxHarness.formEncoded(params));
    }

    private SandboxHarness.Response signed(Map<String, String> call) {
        return h.get("/sandbox/lastfm/2.0/?" + SandboxHarness.formEncoded(signedParams(call)));
    }

    private static Map<String, String> signedParams(Map<String, String> call) {
        Map<String, String> params = params(call);
        params.put("api_sig", LastfmSignature.of(params, SECRET));
        return params;
    }

    private static Map<String, String> params(Map<String, String> call) {
        Map<String, String> params = new LinkedHashMap<>(call);
        params.put("api_key", KEY);
        params.put("format", "json");
        return params;
    }

    private static void assertError(SandboxHarness.Response response, int status, int code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("error").asInt()).as(response.body()).isEqualTo(code);
        assertThat(response.json().path("message").asText()).isNotBlank();
        assertThat(response.json().path("links").isArray()).as("Last.fm's error 6 carries \"links\":[]")
                .isEqualTo(code == 6);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}

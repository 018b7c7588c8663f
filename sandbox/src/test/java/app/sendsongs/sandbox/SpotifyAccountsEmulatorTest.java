package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpotifyAccountsEmulatorTest {
    private static final String REDIRECT = "https://bot.example/callback";
    private final SandboxHarness h = new SandboxHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    private String authorizeQuery() {
        return "/sandbox/accounts/authorize?response_type=code&client_id=sandbox-client-id"
                + "&scope=user-read-recently-played&redirect_uri=https%3A%2F%2Fbot.example%2Fcallback&state=xyz";
    }

    private static String authorizeTo(String redirect) {
        return "/sandbox/accounts/authorize?response_type=code&client_id=sandbox-client-id&redirect_uri="
                + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8) + "&sandbox_user=alice";
    }

    @Test
    void aRedirectUriIsHttpsOrPlainHttpToALoopbackIpNeverLocalhost() {
        assertThat(h.get(authorizeTo("https://bot.example/callback")).status()).isEqualTo(302);
        assertThat(h.get(authorizeTo("http://127.0.0.1:8080/callback")).status()).isEqualTo(302);
        assertThat(h.get(authorizeTo("http://[::1]:8080/callback")).status()).isEqualTo(302);
        for (String insecure : new String[] {"http://localhost:8080/callback", "http://bot.example/callback",
            "http://192.168.1.5:8080/callback", "ftp://bot.example/callback", "https://bot.example/callback#x"}) {
            SandboxHarness.Response refused = h.get(authorizeTo(insecure));
            assertThat(refused.status()).as(insecure).isEqualTo(400);
            assertThat(refused.body()).as(insecure).contains("INVALID_CLIENT: Invalid redirect URI");
            assertThat(refused.header("Location")).as(insecure).isNull();
        }
    }

    @Test
    void onceRegisteredOnlyThoseUrisExactlyAndALoopbackOneWithoutAPortOnAnyPort() {
        SandboxHarness.Response set = h.post("/sandbox/spotify/app/redirect-uris",
                "{\"redirect_uris\":[\"https://bot.example/callback\",\"http://127.0.0.1/callback\"]}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("redirect_uris").toString())
                .isEqualTo("[\"https://bot.example/callback\",\"http://127.0.0.1/callback\"]");

        assertThat(h.get(authorizeTo("https://bot.example/callback")).status()).isEqualTo(302);
        assertThat(h.get(authorizeTo("http://127.0.0.1:49152/callback")).status()).isEqualTo(302);
        for (String unregistered : new String[] {"https://bot.example/callback/", "https://BOT.example/callback",
            "https://bot.example/Callback", "https://bot.example/callback?x=1", "https://other.example/callback",
            "http://127.0.0.1:8080/other", "http://[::1]:8080/callback"}) {
            assertThat(h.get(authorizeTo(unregistered)).status()).as(unregistered).isEqualTo(400);
        }

        h.post("/sandbox/spotify/app/redirect-uris", "{\"redirect_uris\":[\"http://127.0.0.1:8080/callback\"]}");
        assertThat(h.get(authorizeTo("http://127.0.0.1:8080/callback")).status()).isEqualTo(302);
        assertThat(h.get(authorizeTo("http://127.0.0.1:8081/callback")).status())
                .as("a URI registered with a port names that port").isEqualTo(400);
    }

    @Test
    void theDashboardRefusesAnInsecureRedirectUriAndKeepsTheOnesBefore() {
        h.post("/sandbox/spotify/app/redirect-uris", "{\"redirect_uris\":[\"https://bot.example/callback\"]}");
        for (String body : new String[] {"{\"redirect_uris\":[\"http://localhost:8080/callback\"]}",
            "{\"redirect_uris\":[\"https://ok.example/cb\",\"http://bot.example/callback\"]}",
            "{\"redirect_uris\":\"https://bot.example/callback\"}", "{\"redirect_uris\":[1]}", "{}"}) {
            SandboxHarness.Response refused = h.post("/sandbox/spotify/app/redirect-uris", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).as(body).isNotBlank();
        }
        assertThat(h.get("/sandbox/spotify/app").json().path("redirect_uris").toString())
                .isEqualTo("[\"https://bot.example/callback\"]");
    }

    @Test
    void fullCodeExchangeRefreshAndRevoke() {
        SandboxHarness.Response authorize = h.get(authorizeQuery() + "&sandbox_user=alice");
        assertThat(authorize.status()).isEqualTo(302);
        String location = authorize.header("Location");
        assertThat(location).startsWith(REDIRECT + "?code=").contains("&state=xyz");
        String code = SandboxHarness.URLDecoderHelper.param(location, "code");

        SandboxHarness.Response wrongRedirect = h.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "https://evil.example/callback"));
        assertThat(wrongRedirect.status()).isEqualTo(400);
        assertThat(wrongRedirect.json().path("error").asText()).isEqualTo("invalid_grant");

        // the failed attempt consumed the code (single use) - get a fresh one
        code = SandboxHarness.URLDecoderHelper.param(h.get(authorizeQuery() + "&sandbox_user=alice").header("Location"), "code");
        SandboxHarness.Response token = h.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
        assertThat(token.status()).isEqualTo(200);
        JsonNode tokens = token.json();
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(tokens.path("scope").asText()).isEqualTo("user-read-recently-played");
        String access = tokens.path("access_token").asText();
        String refresh1 = tokens.path("refresh_token").asText();
        assertThat(access).isNotBlank();
        assertThat(refresh1).isNotBlank();

        SandboxHarness.Response reused = h.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json()).isEqualTo(SandboxHarness.JSON.createObjectNode()
                .put("error", "invalid_grant").put("error_description", "Invalid authorization code"));

        JsonNode me = h.get("/sandbox/api/v1/me", access).json();
        assertThat(me.path("id").asText()).isEqualTo("alice");
        assertThat(me.path("uri").asText()).isEqualTo("spotify:user:alice");
        assertThat(me.path("type").asText()).isEqualTo("user");

        SandboxHarness.Response kept = h.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh1));
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().has("refresh_token")).as("a refresh need not return a refresh token").isFalse();
        assertThat(kept.json().path("access_token").asText()).isNotEqualTo(access);
        SandboxHarness.Response refreshed = h.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh1));
        assertThat(refreshed.status()).isEqualTo(200);
        String refresh2 = refreshed.json().path("refresh_token").asText();
        assertThat(refresh2).isNotBlank().isNotEqualTo(refresh1);
        // rotation: the old refresh token keeps working too
        assertThat(h.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh1)).status()).isEqualTo(200);

        assertThat(h.post("/sandbox/spotify/users/alice/revoke", "{}").status()).isEqualTo(200);
        for (String r : new String[] {refresh1, refresh2}) {
            SandboxHarness.Response dead = h.token(Map.of("grant_type", "refresh_token", "refresh_token", r));
            assertThat(dead.status()).isEqualTo(400);
            assertThat(dead.json().path("error").asText()).isEqualTo("invalid_grant");
            assertThat(dead.json().path("error_description").asText()).isEqualTo("Refresh token revoked");
        }
        SandboxHarness.Response afterRevoke = h.get("/sandbox/api/v1/me", access);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.json().path("error").path("status").asInt()).isEqualTo(401);

        SandboxHarness.Response unknown = h.token(Map.of("grant_type", "refresh_token", "refresh_token", "nope"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error_description").asText()).isEqualTo("Invalid refresh token");
    }

    @Test
    void accessTokensExpireAfterAnHourOfSandboxTime() {
        String access = h.connectToken("bob");
        assertThat(h.get("/sandbox/api/v1/me", access).status()).isEqualTo(200);
        h.clock.advance(Duration.ofSeconds(3600));
        SandboxHarness.Response expired = h.get("/sandbox/api/v1/me", access);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("error").path("message").asText()).isEqualTo("The access token expired");
        assertThat(h.get("/sandbox/api/v1/me", "garbage").json().path("error").path("message").asText())
                .isEqualTo("Invalid access token");
    }

    @Test
    void codesExpireAfterTenMinutes() {
        String code = SandboxHarness.URLDecoderHelper.param(h.get(authorizeQuery() + "&sandbox_user=carol").header("Location"), "code");
        h.clock.advance(Duration.ofMinutes(10));
        SandboxHarness.Response late = h.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void clientAuthenticationAndGrantTypes() {
        SandboxHarness.Response badSecret = h.token(Map.of("grant_type", "client_credentials"), "sandbox-client-id", "wrong");
        assertThat(badSecret.status()).isEqualTo(401);
        assertThat(badSecret.json().path("error").asText()).isEqualTo("invalid_client");

        SandboxHarness.Response badClient = h.token(Map.of("grant_type", "client_credentials"), "other", "x");
        assertThat(badClient.status()).isEqualTo(400);
        assertThat(badClient.json().path("error_description").asText()).isEqualTo("Invalid client");

        SandboxHarness.Response formAuth = h.token(Map.of("grant_type", "client_credentials",
                "client_id", "sandbox-client-id", "client_secret", "sandbox-client-secret"), null, null);
        assertThat(formAuth.status()).isEqualTo(200);
        assertThat(formAuth.json().has("refresh_token")).isFalse();
        String appToken = formAuth.json().path("access_token").asText();
        assertThat(h.get("/sandbox/api/v1/tracks/" + firstTrackId(), appToken).status()).isEqualTo(200);
        assertThat(h.get("/sandbox/api/v1/me", appToken).status()).isEqualTo(403);

        SandboxHarness.Response unsupported = h.token(Map.of("grant_type", "password"));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void consentPageAgreeAndCancel() {
        SandboxHarness.Response page = h.get(authorizeQuery());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("name=\"sandbox_user\"", "value=\"listener-", "id=\"agree\"", "id=\"cancel\"",
                "name=\"redirect_uri\" value=\"https://bot.example/callback\"");

        SandboxHarness.Response cancel = h.get(authorizeQuery() + "&sandbox_user=&sandbox_deny=1");
        assertThat(cancel.status()).isEqualTo(302);
        assertThat(cancel.header("Location")).isEqualTo(REDIRECT + "?error=access_denied&state=xyz");

        SandboxHarness.Response badClient = h.get(authorizeQuery().replace("sandbox-client-id", "nope"));
        assertThat(badClient.status()).isEqualTo(400);
        assertThat(badClient.body()).contains("INVALID_CLIENT: Invalid client");
        assertThat(h.get("/sandbox/accounts/authorize?response_type=code&client_id=sandbox-client-id").status())
                .isEqualTo(400);
    }

    @Test
    void aConsentPageWithoutScopeAsksForNone() {
        // scope is optional in Spotify's authorization code flow
        SandboxHarness.Response page = h.get(authorizeQuery().replaceAll("&scope=[^&]*", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("(no scopes)");
    }

    @Test
    void recentlyPlayedNeedsTheScope() {
        String noScope = h.connect("dave", "user-read-email").path("access_token").asText();
        assertThat(h.get("/sandbox/api/v1/me/player/recently-played", noScope).status()).isEqualTo(403);
    }

    private String firstTrackId() {
        return h.get("/sandbox/spotify/tracks").json().get(0).path("id").asText();
    }

    @Test
    void aGrantEndsSixMonthsAfterTheConsentHoweverOftenItIsRefreshed() {
        String code = SandboxHarness.URLDecoderHelper.param(h.get(authorizeQuery() + "&sandbox_user=olga")
                .header("Location"), "code");
        String refresh = h.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT))
                .json().path("refresh_token").asText();

        for (int month = 1; month < 6; month++) {
            h.clock.advance(Duration.ofDays(30));
            SandboxHarness.Response refreshed = h.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
            assertThat(refreshed.status()).isEqualTo(200);
            refresh = refreshed.json().path("refresh_token").asText(refresh);
        }
        h.clock.advance(Duration.ofDays(40));

        SandboxHarness.Response ended = h.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(ended.status()).isEqualTo(400);
        assertThat(ended.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(ended.json().path("error_description").asText()).isEqualTo("Refresh token expired");
    }
}

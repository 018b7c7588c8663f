package app.sendsongs.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.ConsentRefusedException;
import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicServiceException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import app.sendsongs.testsupport.LogCapture;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OAuth side of {@link SpotifyClient} over real HTTP against the emulated Spotify accounts service. */
class SpotifyAccountsTest {
    private final SpotifySandbox sandbox = new SpotifySandbox();
    private final SpotifyClient client = sandbox.client;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    // ---------------------------------------------------------------- authorize

    @Test
    void authorizeUrlAsksForTheReadOnlyScopeWithEveryParameterEncoded() {
        String state = "a b&c=d/\u00e9+%";
        URI url = client.authorizeUrl(state);

        assertThat(url.getRawPath()).isEqualTo("/sandbox/accounts/authorize");
        assertThat(url.getRawQuery()).doesNotContain(" ").doesNotContain("\u00e9")
                .doesNotContain(sandbox.config.spotifyClientSecret());
        assertThat(SpotifySandbox.query(url)).containsExactly(
                Map.entry("response_type", "code"),
                Map.entry("client_id", sandbox.config.spotifyClientId()),
                Map.entry("scope", "user-read-recently-played"),
                Map.entry("redirect_uri", SpotifySandbox.REDIRECT_URI),
                Map.entry("state", state));
    }

    @Test
    void authorizeUrlPointsAtTheRealAccountsServiceByDefault() {
        SpotifyClient production = new SpotifyClient(SpotifyConfig.of("id", "secret", "https://bot.example/callback"),
                sandbox.clock);

        assertThat(production.authorizeUrl("s").toString()).startsWith("https://accounts.spotify.com/authorize?");
    }

    @Test
    void theEmulatorRedirectsBackWithACodeAndTheSameState() {
        String state = "st@te with spaces&more";

        SpotifySandbox.Consent consent = sandbox.consent(client.authorizeUrl(state), "alice");

        assertThat(consent.location()).startsWith(SpotifySandbox.REDIRECT_URI + "&code=");
        assertThat(consent.code()).isNotBlank();
        assertThat(consent.state()).isEqualTo(state);
    }

    // ---------------------------------------------------------------- code exchange

    @Test
    void exchangesTheCodeForTokensThatLastAnHour() throws Exception {
        SpotifyGrant grant = client.exchangeCode(sandbox.consent(client.authorizeUrl("s"), "alice").code());

        assertThat(grant.accessToken()).isNotBlank();
        assertThat(grant.refreshToken()).isNotBlank().isNotEqualTo(grant.accessToken());
        assertThat(grant.accessTokenExpiresAt()).isEqualTo(SpotifySandbox.START.plusSeconds(3600));
        assertThat(client.accountId(grant.accessToken())).isEqualTo("alice");
    }

    @Test
    void aCodeWorksOnlyOnce() throws Exception {
        String code = sandbox.consent(client.authorizeUrl("s"), "alice").code();
        client.exchangeCode(code);

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class, () -> client.exchangeCode(code));

        assertThat(e).isInstanceOf(ConsentRefusedException.class).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.getMessage()).isEqualTo("Spotify refused this consent: it was already used or has expired.")
                .doesNotContain(code);
    }

    @Test
    void anUnknownCodeIsRefusedClearly() {
        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> client.exchangeCode("AQ-made-up-code"))
                    .isInstanceOf(ConsentRefusedException.class)
                    .hasMessageContaining("refused this consent")
                    .hasMessageNotContaining("AQ-made-up-code");
            assertThat(log.text()).contains("Invalid authorization code").doesNotContain("AQ-made-up-code");
        }
    }

    @Test
    void anExpiredCodeIsRefused() {
        String code = sandbox.consent(client.authorizeUrl("s"), "alice").code();
        sandbox.clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> client.exchangeCode(code))
                .isInstanceOf(MusicServiceException.class).hasMessageContaining("expired");
    }

    @Test
    void aBlankCodeIsRefusedWithoutCallingSpotify() {
        long before = sandbox.spotifyCalls();

        assertThatThrownBy(() -> client.exchangeCode(" ")).isInstanceOf(MusicServiceException.class);
        assertThatThrownBy(() -> client.exchangeCode(null)).isInstanceOf(MusicServiceException.class);
        assertThat(sandbox.spotifyCalls()).isEqualTo(before);
    }

    @Test
    void theRedirectUriOfTheExchangeMustBeTheOneOfTheConsent() {
        String code = sandbox.consent(client.authorizeUrl("s"), "alice").code();
        SpotifyClient otherRedirect = new SpotifyClient(new SpotifyConfig(sandbox.spotifyConfig.accountsBaseUrl(),
                sandbox.spotifyConfig.apiBaseUrl(), sandbox.config.spotifyClientId(),
                sandbox.config.spotifyClientSecret(), "https://elsewhere.example/callback"), sandbox.clock);

        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> otherRedirect.exchangeCode(code)).isInstanceOf(ConsentRefusedException.class);
            assertThat(log.text()).contains("Invalid redirect URI");
        }
    }

    @Test
    void aWrongClientSecretFailsWithoutShowingIt() {
        String code = sandbox.consent(client.authorizeUrl("s"), "alice").code();
        SpotifyClient wrongSecret = new SpotifyClient(new SpotifyConfig(sandbox.spotifyConfig.accountsBaseUrl(),
                sandbox.spotifyConfig.apiBaseUrl(), sandbox.config.spotifyClientId(), "wrong-client-secret",
                SpotifySandbox.REDIRECT_URI), sandbox.clock);

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class,
                () -> wrongSecret.exchangeCode(code));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.getMessage()).contains("invalid_client").doesNotContain("wrong-client-secret").doesNotContain(code)
                .as("an operator's mistake, told as one").contains("check the app's client id and secret");
    }

    // ---------------------------------------------------------------- refresh

    @Test
    void refreshGivesANewAccessTokenAndTheRotatedRefreshToken() throws Exception {
        SpotifyGrant first = sandbox.connect("alice");
        sandbox.clock.advance(Duration.ofHours(2));

        SpotifyGrant kept = client.refresh(first.refreshToken());
        SpotifyGrant second = client.refresh(kept.refreshToken());

        assertThat(kept.refreshToken()).as("no new refresh token came: the one in use is kept")
                .isEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotBlank().isNotEqualTo(first.accessToken());
        assertThat(second.accessTokenExpiresAt()).isEqualTo(sandbox.clock.instant().plusSeconds(3600));
        assertThat(second.refreshToken()).as("the emulator rotates refresh tokens every second refresh").isNotBlank()
                .isNotEqualTo(first.refreshToken());
        assertThat(client.accountId(second.accessToken())).isEqualTo("alice");
        assertThat(client.refresh(second.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void refreshKeepsTheOldRefreshTokenWhenSpotifySendsNone() throws Exception {
        SpotifyClient probe = sandbox.probeClient();
        sandbox.probeBody = "{\"access_token\":\"BQ-new\",\"token_type\":\"Bearer\",\"expires_in\":1800,"
                + "\"scope\":\"user-read-recently-played\"}";

        SpotifyGrant grant = probe.refresh("AQ-long-lived-refresh");

        assertThat(grant.accessToken()).isEqualTo("BQ-new");
        assertThat(grant.refreshToken()).isEqualTo("AQ-long-lived-refresh");
        assertThat(grant.accessTokenExpiresAt()).isEqualTo(SpotifySandbox.START.plusSeconds(1800));
        assertThat(SpotifySandbox.query(URI.create("x:/?" + sandbox.probed.get(0).body())))
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "AQ-long-lived-refresh");
    }

    @Test
    void aRevokedGrantMeansThePersonMustConnectAgain() throws Exception {
        SpotifyGrant grant = sandbox.connect("alice");
        sandbox.revoke("alice");

        assertThatThrownBy(() -> client.refresh(grant.refreshToken()))
                .isInstanceOf(GrantRevokedException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining(grant.refreshToken());
    }

    @Test
    void anUnknownOrMissingRefreshTokenIsARevokedGrant() {
        long before = sandbox.spotifyCalls();
        assertThatThrownBy(() -> client.refresh("")).isInstanceOf(GrantRevokedException.class);
        assertThatThrownBy(() -> client.refresh((String) null)).isInstanceOf(GrantRevokedException.class);
        assertThat(sandbox.spotifyCalls()).as("no call for a missing token").isEqualTo(before);

        assertThatThrownBy(() -> client.refresh("AQ-never-issued"))
                .isInstanceOf(GrantRevokedException.class).hasMessageNotContaining("AQ-never-issued");
    }

    @Test
    void anAccountsOutageIsNotARevokedGrant() throws Exception {
        SpotifyGrant grant = sandbox.connect("alice");
        sandbox.fault(503, 1, 5, null);

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class,
                () -> client.refresh(grant.refreshToken()));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.getMessage()).contains("HTTP 503").doesNotContain(grant.refreshToken());
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(client.refresh(grant.refreshToken()).accessToken()).isNotBlank();
    }

    // ---------------------------------------------------------------- client authentication

    @Test
    void theClientSecretTravelsOnlyAsHttpBasic() throws Exception {
        SpotifyClient probe = sandbox.probeClient();
        sandbox.probeBody = "{\"access_token\":\"BQ-a\",\"expires_in\":3600,\"refresh_token\":\"AQ-r\"}";
        String secret = sandbox.config.spotifyClientSecret();

        probe.exchangeCode("AQ-the-code");

        SpotifySandbox.Probed request = sandbox.probed.get(0);
        assertThat(request.path()).isEqualTo("/probe/accounts/api/token");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.headers().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (sandbox.config.spotifyClientId() + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.body()).doesNotContain(secret).doesNotContain("client_secret");
        assertThat(SpotifySandbox.query(URI.create("x:/?" + request.body()))).containsExactly(
                Map.entry("grant_type", "authorization_code"),
                Map.entry("code", "AQ-the-code"),
                Map.entry("redirect_uri", SpotifySandbox.REDIRECT_URI));
    }

    @Test
    void aTokenAnswerWithoutTokensIsAnError() {
        SpotifyClient probe = sandbox.probeClient();
        sandbox.probeBody = "{\"token_type\":\"Bearer\"}";
        assertThatThrownBy(() -> probe.exchangeCode("AQ-c"))
                .isInstanceOf(MusicServiceException.class).hasMessageContaining("without an access token");

        sandbox.probeBody = "{\"access_token\":\"BQ-a\",\"expires_in\":3600}";
        assertThatThrownBy(() -> probe.exchangeCode("AQ-c"))
                .isInstanceOf(MusicServiceException.class).hasMessageContaining("without a refresh token");
    }
}

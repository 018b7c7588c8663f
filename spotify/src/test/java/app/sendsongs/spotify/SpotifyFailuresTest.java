package app.sendsongs.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.testsupport.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, outages and secrecy of {@link SpotifyClient}, with faults injected into the emulated Spotify. */
class SpotifyFailuresTest {
    private static final TrackId FERRIS = new TrackId("sw0KSZFy2XPBgUm7JydSrm");
    private static final Instant LONG_AGO = SpotifySandbox.START.minus(Duration.ofDays(1));

    private final SpotifySandbox sandbox = new SpotifySandbox();
    private final SpotifyClient client = sandbox.client;
    private SpotifyGrant grant;

    @BeforeEach
    void connect() throws MusicServiceException {
        grant = sandbox.connect("alice");
        sandbox.play("alice", FERRIS.value(), SpotifySandbox.START.minusSeconds(30));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private MusicServiceException failureOf(ThrowingCall call) {
        return catchThrowableOfType(MusicServiceException.class, call::run);
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    // ---------------------------------------------------------------- 429

    @Test
    void aRateLimitSurfacesItsRetryAfter() {
        sandbox.fault(429, 1, 30, null);

        MusicServiceException e = failureOf(() -> client.recentlyPlayed(grant.accessToken(), LONG_AGO));

        assertThat(e).isNotInstanceOf(QuotaExceededException.class).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.getMessage()).contains("rate limit").contains("30 s");
    }

    @Test
    void afterARateLimitNoCallReachesSpotifyUntilRetryAfterHasPassedOnTheClock() throws Exception {
        sandbox.fault(429, 1, 30, null);
        failureOf(() -> client.recentlyPlayed(grant.accessToken(), LONG_AGO));
        long callsAfter429 = sandbox.spotifyCalls();

        List<MusicServiceException> refused = new ArrayList<>();
        refused.add(failureOf(() -> client.recentlyPlayed(grant.accessToken(), LONG_AGO)));
        refused.add(failureOf(() -> client.track(FERRIS)));
        refused.add(failureOf(() -> client.accountId(grant.accessToken())));
        refused.add(failureOf(() -> client.refresh(grant.refreshToken())));
        refused.add(failureOf(() -> client.exchangeCode("AQ-some-code")));

        assertThat(sandbox.spotifyCalls()).as("nothing went out").isEqualTo(callsAfter429);
        assertThat(refused).allSatisfy(e -> {
            assertThat(e).isNotNull().isNotInstanceOf(GrantRevokedException.class);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        });
        assertThat(client.rateLimiter().remaining()).contains(Duration.ofSeconds(30));

        sandbox.clock.advance(Duration.ofSeconds(29));
        assertThat(failureOf(() -> client.accountId(grant.accessToken())).retryAfter())
                .contains(Duration.ofSeconds(1));
        assertThat(sandbox.spotifyCalls()).isEqualTo(callsAfter429);

        sandbox.clock.advance(Duration.ofSeconds(1));
        assertThat(client.accountId(grant.accessToken())).isEqualTo("alice");
        assertThat(client.recentlyPlayed(grant.accessToken(), LONG_AGO).plays()).hasSize(1);
        assertThat(sandbox.spotifyCalls()).isEqualTo(callsAfter429 + 2);
    }

    @Test
    void aQuotaRateLimitIsToldApartAndKeepsBeingToldApartWhileItLasts() {
        sandbox.fault(429, 1, 600, "QUOTA_EXCEEDED");

        MusicServiceException first = failureOf(() -> client.track(FERRIS));
        MusicServiceException next = failureOf(() -> client.recentlyPlayed(grant.accessToken(), LONG_AGO));

        assertThat(first).isInstanceOf(QuotaExceededException.class);
        assertThat(first.retryAfter()).contains(Duration.ofSeconds(600));
        assertThat(first.getMessage()).contains("quota");
        assertThat(next).isInstanceOf(QuotaExceededException.class);
        assertThat(next.retryAfter()).contains(Duration.ofSeconds(600));
    }

    @Test
    void aRateLimitOnTheTokenEndpointHoldsTheWholeClientToo() {
        sandbox.fault(429, 1, 12, null);

        MusicServiceException e = failureOf(() -> client.refresh(grant.refreshToken()));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(failureOf(() -> client.accountId(grant.accessToken())).retryAfter())
                .contains(Duration.ofSeconds(12));
    }

    @Test
    void aRetryAfterOfZeroDoesNotHoldLaterCalls() throws Exception {
        sandbox.fault(429, 1, 0, null);

        assertThat(failureOf(() -> client.accountId(grant.accessToken())).retryAfter()).contains(Duration.ZERO);
        assertThat(client.accountId(grant.accessToken())).isEqualTo("alice");
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsADefaultTime() {
        SpotifyClient probe = sandbox.probeClient();
        sandbox.probeStatus = 429;
        sandbox.probeBody = "{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}";

        MusicServiceException e = failureOf(() -> probe.accountId("BQ-x"));

        assertThat(e.retryAfter()).contains(SpotifyTransport.DEFAULT_RETRY_AFTER);
        assertThat(probe.rateLimiter().remaining()).contains(SpotifyTransport.DEFAULT_RETRY_AFTER);
    }

    @Test
    void aQuotaIsRecognisedByItsReasonNotByAnyMention() {
        SpotifyClient probe = sandbox.probeClient();
        sandbox.probeStatus = 429;
        sandbox.probeHeaders = Map.of("Retry-After", "5");
        sandbox.probeBody = "{\"error\":{\"status\":429,\"message\":\"not QUOTA_EXCEEDED, just a burst\"}}";

        assertThat(failureOf(() -> probe.accountId("BQ-x"))).isNotInstanceOf(QuotaExceededException.class);
    }

    // ---------------------------------------------------------------- 5xx and the network

    @Test
    void aServerErrorIsAPassingFailureThatHoldsNothing() throws Exception {
        sandbox.fault(500, 1, 0, null);

        MusicServiceException e = failureOf(() -> client.recentlyPlayed(grant.accessToken(), LONG_AGO));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.getMessage()).contains("HTTP 500").doesNotContain(grant.accessToken());
        assertThat(e.retryAfter()).isEmpty();
        assertThat(client.recentlyPlayed(grant.accessToken(), LONG_AGO).plays()).hasSize(1);
    }

    @Test
    void serviceUnavailableCarriesItsRetryAfter() {
        sandbox.fault(503, 1, 9, null);

        MusicServiceException e = failureOf(() -> client.track(FERRIS));

        assertThat(e.getMessage()).contains("HTTP 503");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(9));
    }

    @Test
    void gatewayErrorsArePassingFailures() {
        sandbox.fault(502, 1, 0, null);
        sandbox.fault(504, 1, 0, null);

        assertThat(failureOf(() -> client.accountId(grant.accessToken())).getMessage()).contains("HTTP 502");
        assertThat(failureOf(() -> client.refresh(grant.refreshToken())))
                .isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("HTTP 504");
    }

    @Test
    void anUnreachableSpotifyIsAPassingFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SpotifyClient nowhere = new SpotifyClient(new SpotifyConfig("http://localhost:" + closedPort,
                "http://localhost:" + closedPort, "id", "secret-xyz", "https://bot.example/cb"), sandbox.clock);

        MusicServiceException e = failureOf(() -> nowhere.refresh("AQ-refresh-xyz"));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.getMessage()).contains("could not be reached").doesNotContain("AQ-refresh-xyz")
                .doesNotContain("secret-xyz");
    }

    // ---------------------------------------------------------------- secrecy

    @Test
    void noTokenCodeOrSecretEverReachesTheLogsOrAnExceptionMessage() throws Exception {
        List<String> secrets = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            SpotifySandbox.Consent consent = sandbox.consent(client.authorizeUrl("s"), "bob");
            SpotifyGrant bob = client.exchangeCode(consent.code());
            secrets.addAll(List.of(consent.code(), bob.accessToken(), bob.refreshToken(),
                    grant.accessToken(), grant.refreshToken(), sandbox.config.spotifyClientSecret()));

            messages.add(failureOf(() -> client.exchangeCode(consent.code())).getMessage());
            SpotifyGrant refreshed = client.refresh(bob.refreshToken());
            secrets.addAll(List.of(refreshed.accessToken(), refreshed.refreshToken()));
            client.accountId(refreshed.accessToken());
            client.track(new TrackId("u199toNJxbe9vLUJHiPlZ5"));
            client.recentlyPlayed(refreshed.accessToken(), LONG_AGO);
            messages.add(failureOf(() -> client.accountId(grant.accessToken() + "x")).getMessage());
            sandbox.fault(500, 1, 0, null);
            messages.add(failureOf(() -> client.refresh(refreshed.refreshToken())).getMessage());
            sandbox.fault(429, 1, 5, "QUOTA_EXCEEDED");
            messages.add(failureOf(() -> client.track(FERRIS)).getMessage());
            messages.add(failureOf(() -> client.track(FERRIS)).getMessage());
            sandbox.clock.advance(Duration.ofSeconds(5));
            sandbox.revoke("bob");
            messages.add(failureOf(() -> client.refresh(refreshed.refreshToken())).getMessage());
            messages.add(failureOf(() -> client.recentlyPlayed(refreshed.accessToken(), LONG_AGO)).getMessage());

            String logged = log.text();
            assertThat(logged).contains("app.sendsongs.spotify.SpotifyClient").contains("quota");
            for (String secret : secrets) {
                assertThat(logged).doesNotContain(secret);
                assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain(secret));
            }
        }
    }

    @Test
    void clientToStringShowsNoSecretEither() {
        assertThat(String.valueOf(client)).doesNotContain(sandbox.config.spotifyClientSecret());
        assertThat(String.valueOf(grant)).doesNotContain(grant.accessToken()).doesNotContain(grant.refreshToken());
    }
}

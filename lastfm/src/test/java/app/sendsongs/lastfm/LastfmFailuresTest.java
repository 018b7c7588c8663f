package app.sendsongs.lastfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.LastfmConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.sandbox.LastfmEmulator;
import app.sendsongs.testsupport.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, outages, odd answers and secrecy of {@link LastfmClient}, over real HTTP. */
class LastfmFailuresTest {
    private static final Instant NOW = LastfmSandbox.START;
    private static final Instant DAY_AGO = NOW.minus(Duration.ofDays(1));

    private final LastfmSandbox sandbox = new LastfmSandbox();
    private final LastfmClient client = sandbox.client;
    private LastfmConnection amy;

    @BeforeEach
    void connect() throws MusicServiceException {
        amy = sandbox.connect("amy");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    // ---------------------------------------------------------------- error 29

    /**
     * A client with no spacing of its own reads three pages back to back, faster than Last.fm's rate of two calls in a
     * window: its third call is answered error 29, and it waits out its backoff (longer than the window) and reads
     * every play. How fast back to back is depends on the machine: on a loaded one a page took over a second, and the
     * three calls never met a window of 300 ms. So the window starts at 300 ms and doubles until the client did go
     * faster than it, each read losing nothing; a client that did not wait out a 29 fails its read however long the
     * window.
     */
    @Test
    void anAppGoingFasterThanTheRateIsHeldBackAndLosesNothing() throws Exception {
        sandbox.scrobbles("amy", 450, NOW);
        long refused = 0;
        for (Duration window = Duration.ofMillis(300); refused == 0; window = window.multipliedBy(2)) {
            assertThat(window).as("a window the client's three calls fit in").isLessThan(Duration.ofSeconds(10));
            refused = callsRefusedReadingEverythingAtOnce(window);
        }
        assertThat(refused).isPositive();
    }

    /** Reads amy's 450 plays (three pages) at once under a rate of two calls per {@code window}; how many were refused. */
    private long callsRefusedReadingEverythingAtOnce(Duration window) throws MusicServiceException {
        long refusedBefore = sandbox.calls("rate-limited");
        sandbox.control.lastfmRate(2, window.toMillis());
        Duration backoff = window.plusMillis(50); // by its next try, the window of its first call has passed
        LastfmClient hasty = sandbox.client(LastfmEmulator.API_KEY, LastfmEmulator.SHARED_SECRET,
                new LastfmRateLimiter(Duration.ZERO, backoff, backoff.multipliedBy(3), backoff.multipliedBy(9),
                        Clock.systemUTC(), duration -> Thread.sleep(duration)));

        RecentPlays recent = hasty.recentPlays(amy, DAY_AGO);

        assertThat(recent.plays()).as("read under a rate of 2 per %s", window).hasSize(450);
        return sandbox.calls("rate-limited") - refusedBefore;
    }

    @Test
    void injected29sAreWaitedOutThroughTheLimiter() throws Exception {
        sandbox.control.scrobble("amy", "Marlow Vance", "Ferris Wheel in February", NOW.minusSeconds(60));
        sandbox.control.faultWithCode("lastfm", 429, 2, 29);
        long started = System.nanoTime();

        RecentPlays recent = client.recentPlays(amy, DAY_AGO);

        assertThat(recent.plays()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(sandbox.calls("user.getrecenttracks")).isEqualTo(3);
    }

    @Test
    void twentyNinesInARowFailTheCallWithTheWaitAndHoldTheNextOnes() throws Exception {
        sandbox.control.scrobble("amy", "Marlow Vance", "Ferris Wheel in February", NOW.minusSeconds(60));
        sandbox.control.faultWithCode("lastfm", 429, 3, 29);

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class,
                () -> client.recentPlays(amy, DAY_AGO));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("error 29");
        assertThat(e.retryAfter()).contains(Duration.ofMillis(200));
        assertThat(client.rateLimiter().held()).isPresent();
        assertThat(client.recentPlays(amy, DAY_AGO).plays()).hasSize(1);
    }

    @Test
    void theStandardLimiterKeepsABurstWithinLastfmsRate() throws Exception {
        sandbox.control.lastfmRate(5, 1000);
        LastfmClient standard = new LastfmClient(sandbox.config, LastfmRateLimiter.standard(),
                HttpClient.newHttpClient());
        long started = System.nanoTime();

        for (int i = 0; i < 8; i++) {
            standard.recentPlays(amy, DAY_AGO);
        }

        assertThat(sandbox.calls("rate-limited")).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1750));
    }

    // ---------------------------------------------------------------- other failures

    @Test
    void serverFailuresArePassingAndTellTheirCode() {
        sandbox.control.fault("lastfm", 503, 1, 0);
        sandbox.control.fault("lastfm", 500, 1, 0);

        MusicServiceException offline = catchThrowableOfType(MusicServiceException.class,
                () -> client.recentPlays(amy, DAY_AGO));
        MusicServiceException failed = catchThrowableOfType(MusicServiceException.class,
                () -> client.recentPlays(amy, DAY_AGO));

        assertThat(offline).isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("error 11");
        assertThat(failed).isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("error 8");
        assertThat(offline.retryAfter()).isEmpty();
    }

    @Test
    void anErrorThatComesWith200OkIsStillTheErrorItSays() throws Exception {
        sandbox.control.scrobble("amy", "Marlow Vance", "Ferris Wheel in February", NOW.minusSeconds(60));
        sandbox.control.faultWithCode("lastfm", 200, 1, 16);
        sandbox.control.faultWithCode("lastfm", 200, 1, 29);
        sandbox.control.faultWithCode("lastfm", 200, 1, 9);

        MusicServiceException temporary = catchThrowableOfType(MusicServiceException.class,
                () -> client.recentPlays(amy, DAY_AGO));
        assertThat(temporary).isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("error 16");
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> client.recentPlays(amy, DAY_AGO)))
                .as("a 29 in a 200 is waited out, then the 9 says the session is gone")
                .isInstanceOf(GrantRevokedException.class);
        assertThat(client.recentPlays(amy, DAY_AGO).plays()).hasSize(1);
    }

    @Test
    void aSuspendedApiKeyIsTheAppsProblemNotThePersons() {
        sandbox.control.faultWithCode("lastfm", 403, 1, 26);

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class,
                () -> client.recentPlays(amy, DAY_AGO));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("error 26")
                .hasMessageContaining("suspended");
    }

    @Test
    void answersThatAreNotLastfmsJsonGiveClearErrors() {
        LastfmClient probe = sandbox.probeClient(Duration.ofSeconds(2));
        sandbox.probeBody = "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8);
        sandbox.probeStatus = 502;
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(amy, DAY_AGO)))
                .hasMessageContaining("server error").hasMessageContaining("HTTP 502");

        sandbox.probeStatus = 200;
        sandbox.probeBody = "not json".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(amy, DAY_AGO)))
                .hasMessageContaining("not a JSON object");

        sandbox.probeBody = "{\"something\":\"else\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(amy, DAY_AGO)))
                .hasMessageContaining("without \"recenttracks\"");

        sandbox.probeBody = "{\"session\":{\"name\":\"amy\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.completeConsent("t")))
                .hasMessageContaining("without a user name and session key");
    }

    @Test
    void oddButValidTracksAreSkippedAndTheRestRead() throws Exception {
        LastfmClient probe = sandbox.probeClient(Duration.ofSeconds(2));
        sandbox.probeBody = ("{\"recenttracks\":{\"track\":["
                + "{\"artist\":{\"#text\":\"A\"},\"name\":\"No date\"},"
                + "{\"artist\":{\"#text\":\"\"},\"name\":\"No artist\",\"date\":{\"uts\":\"1795597200\"}},"
                + "{\"artist\":{\"#text\":\"A\"},\"name\":\"Bad date\",\"date\":{\"uts\":\"soon\"}},"
                + "{\"artist\":{\"name\":\"B\"},\"name\":\"Extended\",\"date\":{\"uts\":1795597300},\"mbid\":\"\"}"
                + "],\"@attr\":{\"totalPages\":\"x\"}}}").getBytes(StandardCharsets.UTF_8);

        RecentPlays recent = probe.recentPlays(amy, DAY_AGO);

        assertThat(recent.plays()).singleElement().satisfies(p -> {
            assertThat(p.recording().artists()).containsExactly("B");
            assertThat(p.playedAt()).isEqualTo(Instant.ofEpochSecond(1795597300));
        });
    }

    @Test
    void anOversizedAnswerIsRefusedWithoutReadingItAll() {
        LastfmClient probe = sandbox.probeClient(Duration.ofSeconds(5));
        byte[] huge = new byte[LastfmTransport.MAX_ANSWER_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        sandbox.probeBody = huge;

        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(amy, DAY_AGO)))
                .hasMessageContaining("more than " + LastfmTransport.MAX_ANSWER_BYTES + " bytes");
    }

    @Test
    void aStalledAnswerIsGivenUpOnInTime() {
        LastfmClient probe = sandbox.probeClient(Duration.ofMillis(500));
        byte[] body = new byte[200_000];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        sandbox.probeBody = body;
        sandbox.probeStall = Duration.ofSeconds(3);
        long started = System.nanoTime();

        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(amy, DAY_AGO)))
                .hasMessageContaining("did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anUnreachableLastfmIsAPassingFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LastfmClient nowhere = new LastfmClient(new LastfmConfig(null, "http://localhost:" + closedPort, "key",
                "secret-xyz", LastfmSandbox.CALLBACK), LastfmSandbox.fastLimiter(), HttpClient.newHttpClient());

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class, () -> nowhere.recentPlays(amy,
                DAY_AGO));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.getMessage()).contains("could not be reached").doesNotContain("secret-xyz")
                .doesNotContain(amy.sessionKey());
    }

    @Test
    void theCallsCarryNoSecretInTheUrlAndAreSigned() throws Exception {
        LastfmClient probe = sandbox.probeClient(Duration.ofSeconds(2));
        sandbox.probeBody = "{\"recenttracks\":{\"track\":[]}}".getBytes(StandardCharsets.UTF_8);

        probe.recentPlays(amy, DAY_AGO);

        var form = sandbox.probed.get(0);
        assertThat(form.get("sk")).containsExactly(amy.sessionKey());
        assertThat(form.get("api_sig").get(0)).matches("[0-9a-f]{32}");
        assertThat(form.get("format")).containsExactly("json");
        assertThat(form.get("limit")).containsExactly("200");
        assertThat(form.get("from")).containsExactly(Long.toString(DAY_AGO.getEpochSecond()));
    }

    // ---------------------------------------------------------------- secrecy

    @Test
    void noSessionKeyTokenOrSecretEverReachesTheLogsOrAnExceptionMessage() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(amy.sessionKey(), LastfmEmulator.SHARED_SECRET));
        List<String> messages = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            String token = sandbox.consent(client.consentUrl("s"), "bob").token();
            LastfmConnection bob = client.completeConsent(token);
            secrets.addAll(List.of(token, bob.sessionKey()));
            messages.add(catchThrowableOfType(MusicServiceException.class, () -> client.completeConsent(token))
                    .getMessage());
            sandbox.control.scrobble("bob", "A", "T", NOW.minusSeconds(30));
            client.recentPlays(bob, DAY_AGO);
            sandbox.control.faultWithCode("lastfm", 429, 3, 29);
            messages.add(catchThrowableOfType(MusicServiceException.class, () -> client.recentPlays(bob, DAY_AGO))
                    .getMessage());
            sandbox.control.fault("lastfm", 500, 1, 0);
            Thread.sleep(250);
            messages.add(catchThrowableOfType(MusicServiceException.class, () -> client.recentPlays(bob, DAY_AGO))
                    .getMessage());
            sandbox.control.revokeLastfm("bob");
            messages.add(catchThrowableOfType(MusicServiceException.class, () -> client.recentPlays(bob, DAY_AGO))
                    .getMessage());

            String logged = log.text();
            assertThat(logged).contains("app.sendsongs.lastfm.LastfmClient").contains("error 29");
            for (String secret : secrets) {
                assertThat(logged).doesNotContain(secret);
                assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain(secret));
            }
        }
        assertThat(String.valueOf(sandbox.config)).doesNotContain(LastfmEmulator.SHARED_SECRET);
    }
}

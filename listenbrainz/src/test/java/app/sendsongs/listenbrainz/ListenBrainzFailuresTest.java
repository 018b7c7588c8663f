package app.sendsongs.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.sendsongs.core.music.GrantRevokedException;
import app.sendsongs.core.music.ListenBrainzConnection;
import app.sendsongs.core.music.MusicServiceException;
import app.sendsongs.core.music.RecentPlays;
import app.sendsongs.testsupport.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, outages, odd answers and secrecy of {@link ListenBrainzClient}, over real HTTP. */
class ListenBrainzFailuresTest {
    private static final Instant NOW = ListenBrainzSandbox.START;
    private static final Instant DAY_AGO = NOW.minus(Duration.ofDays(1));

    private final ListenBrainzSandbox sandbox = new ListenBrainzSandbox();
    private final ListenBrainzClient client = sandbox.client;
    private ListenBrainzConnection rob;

    @BeforeEach
    void connect() throws MusicServiceException {
        rob = sandbox.connect("rob");
        sandbox.control.listen("rob", Map.of("artist", "A", "track", "T", "at", NOW.minusSeconds(60).toString()));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    // ---------------------------------------------------------------- rate limit

    @Test
    void aSpentWindowIsWaitedOutBeforeListenBrainzHasToSay429() throws Exception {
        sandbox.control.listenBrainzRate(2, 2, 1);

        for (int i = 0; i < 5; i++) {
            assertThat(client.recentPlays(rob, DAY_AGO).plays()).hasSize(1);
        }

        assertThat(sandbox.calls("rate-limited")).isZero();
        assertThat(sandbox.calls("listens")).isEqualTo(5);
    }

    @Test
    void everyonesReadsShareTheServersOneWindowAndNoneIsRefused() throws Exception {
        ListenBrainzConnection ann = sandbox.connect("ann");
        sandbox.control.listen("ann", Map.of("artist", "B", "track", "U", "at", NOW.minusSeconds(30).toString()));
        sandbox.control.listenBrainzRate(100, 2, 1);

        for (int i = 0; i < 3; i++) {
            assertThat(client.recentPlays(rob, DAY_AGO).plays()).hasSize(1);
            assertThat(client.recentPlays(ann, DAY_AGO).plays()).hasSize(1);
        }

        assertThat(sandbox.calls("rate-limited")).as("their tokens buy no window each").isZero();
        assertThat(sandbox.calls("listens")).isEqualTo(6);
    }

    @Test
    void a429IsWaitedOutForItsResetInAndTheCallTriedAgain() throws Exception {
        sandbox.control.fault("listenbrainz", 429, 1, 1);
        long started = System.nanoTime();

        RecentPlays recent = client.recentPlays(rob, DAY_AGO);

        assertThat(recent.plays()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(sandbox.calls("listens")).isEqualTo(2);
    }

    @Test
    void aWindowSpentByAnotherCallerIsWaitedOutToo() throws Exception {
        sandbox.control.listenBrainzRate(2, 2, 1);
        HttpClient other = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            other.send(HttpRequest.newBuilder(URI.create(sandbox.base + "/sandbox/listenbrainz/1/user/rob/listens"))
                    .header("Authorization", "Token " + rob.userToken()).build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(client.recentPlays(rob, DAY_AGO).plays()).hasSize(1);
        assertThat(sandbox.calls("rate-limited")).isPositive();
    }

    @Test
    void repeated429sFailTheCallWithTheWaitAndLoseNothing() throws Exception {
        sandbox.control.fault("listenbrainz", 429, 3, 1);

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class,
                () -> client.recentPlays(rob, DAY_AGO));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("rate limit");
        assertThat(e.retryAfter()).isPresent();
        assertThat(client.rateLimiter().held()).isPresent();
        assertThat(client.recentPlays(rob, DAY_AGO).plays()).hasSize(1);
    }

    @Test
    void aWindowThatEndsTooFarAheadFailsAtOnceSayingWhen() throws Exception {
        ListenBrainzClient probe = sandbox.probeClient(Duration.ofSeconds(2));
        sandbox.probeBody = "{\"payload\":{\"count\":0,\"listens\":[]}}".getBytes(StandardCharsets.UTF_8);
        sandbox.probeHeaders = Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset-In", "60",
                "X-RateLimit-Limit", "50", "X-RateLimit-Reset", "0");
        probe.recentPlays(rob, DAY_AGO);

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class,
                () -> probe.recentPlays(rob, DAY_AGO));

        assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(58),
                Duration.ofSeconds(60)));
        assertThat(sandbox.probed).hasSize(1);
    }

    // ---------------------------------------------------------------- other failures

    @Test
    void proxyAndServerErrorsArePassingFailures() {
        sandbox.control.fault("listenbrainz", 502, 1, 0);
        sandbox.control.fault("listenbrainz", 503, 1, 0);

        MusicServiceException gateway = catchThrowableOfType(MusicServiceException.class,
                () -> client.recentPlays(rob, DAY_AGO));
        MusicServiceException unavailable = catchThrowableOfType(MusicServiceException.class,
                () -> client.recentPlays(rob, DAY_AGO));

        assertThat(gateway).isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("HTTP 502");
        assertThat(unavailable).isNotInstanceOf(GrantRevokedException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void answersThatAreNotListenBrainzsJsonGiveClearErrors() {
        ListenBrainzClient probe = sandbox.probeClient(Duration.ofSeconds(2));
        sandbox.probeBody = "not json".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(rob, DAY_AGO)))
                .hasMessageContaining("not a JSON object");

        sandbox.probeBody = "{\"payload\":{\"listens\":{}}}".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(rob, DAY_AGO)))
                .hasMessageContaining("without payload.listens");

        sandbox.probeStatus = 400;
        sandbox.probeBody = "{\"code\":400,\"error\":\"Incorrect min_ts timestamp argument: x\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(rob, DAY_AGO)))
                .hasMessageContaining("HTTP 400").hasMessageContaining("Incorrect min_ts");

        sandbox.probeStatus = 200;
        sandbox.probeBody = "{\"code\":200,\"valid\":true}".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.completeConsent("tok-12345678")))
                .hasMessageContaining("does not know this user token");
    }

    @Test
    void listensWithoutWhatAPlayNeedsAreSkippedAndTheRestRead() throws Exception {
        ListenBrainzClient probe = sandbox.probeClient(Duration.ofSeconds(2));
        sandbox.probeBody = ("{\"payload\":{\"count\":4,\"listens\":["
                + "{\"listened_at\":1795597300,\"track_metadata\":{\"artist_name\":\"B\",\"track_name\":\"Good\","
                + "\"additional_info\":{\"spotify_id\":\"https://open.spotify.com/track/not-an-id\","
                + "\"artist_names\":[\"B\",\"C\",7]},\"mbid_mapping\":{\"recording_mbid\":\"m-1\"}}},"
                + "{\"listened_at\":\"soon\",\"track_metadata\":{\"artist_name\":\"A\",\"track_name\":\"No time\"}},"
                + "{\"listened_at\":1795597200,\"track_metadata\":{\"artist_name\":\"\",\"track_name\":\"No artist\"}},"
                + "{\"listened_at\":1795597200}"
                + "]}}").getBytes(StandardCharsets.UTF_8);

        RecentPlays recent = probe.recentPlays(rob, DAY_AGO);

        assertThat(recent.plays()).singleElement().satisfies(p -> {
            assertThat(p.recording().title()).isEqualTo("Good");
            assertThat(p.recording().artists()).containsExactly("B", "C");
            assertThat(p.recording().spotifyIds()).isEmpty();
            assertThat(p.recording().musicBrainzId()).contains("m-1");
        });
    }

    @Test
    void anOversizedAnswerIsRefused() {
        ListenBrainzClient probe = sandbox.probeClient(Duration.ofSeconds(5));
        byte[] huge = new byte[ListenBrainzTransport.MAX_ANSWER_BYTES + 10];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        sandbox.probeBody = huge;

        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(rob, DAY_AGO)))
                .hasMessageContaining("more than " + ListenBrainzTransport.MAX_ANSWER_BYTES + " bytes");
    }

    @Test
    void aStalledAnswerIsGivenUpOnInTime() {
        ListenBrainzClient probe = sandbox.probeClient(Duration.ofMillis(500));
        byte[] body = new byte[200_000];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        sandbox.probeBody = body;
        sandbox.probeStall = Duration.ofSeconds(3);
        long started = System.nanoTime();

        assertThat(catchThrowableOfType(MusicServiceException.class, () -> probe.recentPlays(rob, DAY_AGO)))
                .hasMessageContaining("did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anUnreachableListenBrainzIsAPassingFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ListenBrainzClient nowhere = new ListenBrainzClient(new ListenBrainzConfig("http://localhost:" + closedPort,
                ListenBrainzSandbox.TOKEN_PAGE), ListenBrainzSandbox.limiter(), HttpClient.newHttpClient());

        MusicServiceException e = catchThrowableOfType(MusicServiceException.class,
                () -> nowhere.recentPlays(rob, DAY_AGO));

        assertThat(e).isNotInstanceOf(GrantRevokedException.class);
        assertThat(e.getMessage()).contains("could not be reached").doesNotContain(rob.userToken());
    }

    // ---------------------------------------------------------------- secrecy

    @Test
    void noUserTokenEverReachesTheLogsOrAnExceptionMessage() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(rob.userToken()));
        List<String> messages = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            String bobToken = sandbox.control.listenBrainzToken("bob");
            secrets.add(bobToken);
            ListenBrainzConnection bob = client.completeConsent(bobToken);
            String reset = sandbox.control.resetListenBrainzToken("bob");
            secrets.add(reset);
            messages.add(catchThrowableOfType(MusicServiceException.class, () -> client.completeConsent(bobToken))
                    .getMessage());
            client.recentPlays(bob, DAY_AGO);
            sandbox.control.fault("listenbrainz", 429, 3, 0);
            messages.add(catchThrowableOfType(MusicServiceException.class, () -> client.recentPlays(bob, DAY_AGO))
                    .getMessage());
            sandbox.control.fault("listenbrainz", 500, 1, 0);
            messages.add(catchThrowableOfType(MusicServiceException.class, () -> client.recentPlays(bob, DAY_AGO))
                    .getMessage());
            sandbox.control.deleteListenBrainzUser("bob");
            messages.add(catchThrowableOfType(MusicServiceException.class, () -> client.recentPlays(bob, DAY_AGO))
                    .getMessage());

            String logged = log.text();
            assertThat(logged).contains("app.sendsongs.listenbrainz.ListenBrainzClient").contains("rate limit");
            for (String secret : secrets) {
                assertThat(logged).doesNotContain(secret);
                assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain(secret));
            }
        }
    }
}

package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers on one DynamoDB table ({@code STORE=dynamodb}, here on dynalite), as a deployment
 * with several instances has, running their due work at the same moment: every due listen check
 * is run by exactly one of them. The first server is the demo (production server plus emulators);
 * the second is a production server whose Messenger and Spotify are the first one's emulators.
 * Both tick loops are driven by the test, released together, so they contend for the same checks.
 */
class TwoSchedulersOnOneTableTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final int RECEIVERS = 50;
    private static final int PLAYERS = 25;
    private static final String LINK = "https://open.spotify.com/track/";
    private static final String TOKEN_KEY = "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=";

    private Demo first;
    private BotServer second;
    private SandboxClient sandbox;

    @BeforeEach
    void start() {
        Map<String, String> shared = new HashMap<>(Map.of("STORE", "dynamodb", "DYNAMODB_TABLE", DYNAMO.freshTable(),
                "DYNAMODB_ENDPOINT", DYNAMO.endpoint().toString(), "AWS_REGION", DynaliteExtension.REGION.id(),
                "AWS_ACCESS_KEY_ID", DynaliteExtension.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", DynaliteExtension.SECRET_KEY,
                "TOKEN_ENCRYPTION_KEY", TOKEN_KEY, "TICK_SECONDS", "3600",
                "SEND_LIMIT_PER_HOUR", "100")); // one sender sends all the songs
        Map<String, String> firstValues = new HashMap<>(shared);
        firstValues.put("PORT", "0");
        first = Demo.start(firstValues);
        sandbox = new SandboxClient(first.baseUrl());

        Map<String, String> secondValues = new HashMap<>(shared);
        ServerConfig firstConfig = first.config();
        secondValues.putAll(Map.of("PORT", "0", "PUBLIC_BASE_URL", first.baseUrl(),
                "MESSENGER_APP_SECRET", firstConfig.appSecret(), "MESSENGER_VERIFY_TOKEN", firstConfig.verifyToken(),
                "MESSENGER_PAGE_ACCESS_TOKEN", firstConfig.pageAccessToken(),
                "SPOTIFY_CLIENT_ID", firstConfig.spotifyClientId(),
                "SPOTIFY_CLIENT_SECRET", firstConfig.spotifyClientSecret(),
                "MESSENGER_GRAPH_BASE_URL", firstConfig.graphBaseUrl(),
                "SPOTIFY_ACCOUNTS_BASE_URL", firstConfig.spotifyAccountsBaseUrl(),
                "SPOTIFY_API_BASE_URL", firstConfig.spotifyApiBaseUrl()));
        second = new BotServer(ServerConfig.from(secondValues), first.clock(), http -> { }).start();
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void everyDueListenCheckRunsExactlyOnceAcrossBothServers() throws Exception {
        String track = sandbox.trackIds().getFirst();
        sandbox.register("sender", "sender-sp", "Sam Sender");
        for (int i = 1; i <= RECEIVERS; i++) {
            sandbox.register(psid(i), spotifyUser(i), name(i));
        }
        for (int i = 1; i <= RECEIVERS; i++) {
            String command = "send_song name:\"" + name(i) + "\" post:\"" + note(i) + "\" " + LINK + track;
            assertThat(sandbox.ask("sender", command)).singleElement().asString().startsWith("Sent ");
        }
        for (int i = 1; i <= PLAYERS; i++) {
            sandbox.play(spotifyUser(i), track);
        }
        sandbox.delete("/sandbox/spotify/stats");

        first.clock().advance(Duration.ofMinutes(10));
        assertThat(runBothSchedulersUntilIdle()).as("checks run by the two servers together").isEqualTo(RECEIVERS);

        JsonNode calls = sandbox.spotifyStats().path("by_user");
        for (int i = 1; i <= RECEIVERS; i++) {
            assertThat(calls.path(spotifyUser(i)).path("recently-played").asLong()).as(spotifyUser(i)).isEqualTo(1);
        }
        List<String> toSender = sandbox.inbox("sender");
        for (int i = 1; i <= RECEIVERS; i++) {
            String told = "🎧 " + name(i) + " listened to ";
            assertThat(toSender).filteredOn(text -> text.startsWith(told)).as(told).hasSize(i <= PLAYERS ? 1 : 0);
            String receiverNote = note(i);
            assertThat(sandbox.inbox(psid(i))).filteredOn(text -> text.contains(receiverNote)).as(receiverNote)
                    .hasSize(i <= PLAYERS ? 1 : 0);
        }

        // The songs not played yet are checked again at their next due time, again once each.
        sandbox.delete("/sandbox/spotify/stats");
        first.clock().advance(Duration.ofMinutes(5));
        assertThat(runBothSchedulersUntilIdle()).isEqualTo(RECEIVERS - PLAYERS);

        JsonNode again = sandbox.spotifyStats().path("by_user");
        for (int i = 1; i <= RECEIVERS; i++) {
            assertThat(again.path(spotifyUser(i)).path("recently-played").asLong()).as(spotifyUser(i))
                    .isEqualTo(i <= PLAYERS ? 0 : 1);
        }
        assertThat(sandbox.inbox("sender")).hasSize(toSender.size());
    }

    /**
     * Both servers' due work at once, each in a loop until it finds nothing due, as their tick
     * loops would; returns how many listen checks they ran together.
     */
    private int runBothSchedulersUntilIdle() throws Exception {
        List<BotServer> servers = List.of(first.server(), second);
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (BotServer server : servers) {
                runs.add(pool.submit(() -> {
                    go.await();
                    int total = 0;
                    for (int ran = server.app().tick(); ran > 0; ran = server.app().tick()) {
                        total += ran;
                    }
                    return total;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(2, TimeUnit.MINUTES);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String psid(int i) {
        return "r" + i;
    }

    private static String spotifyUser(int i) {
        return "r" + i + "-sp";
    }

    private static String name(int i) {
        return "Listener " + i;
    }

    private static String note(int i) {
        return "note for listener " + i + "!";
    }

}

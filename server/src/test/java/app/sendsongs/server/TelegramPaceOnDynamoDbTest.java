package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.SendPacer;
import app.sendsongs.sandbox.TelegramEmulator;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.telegram.OutgoingText;
import app.sendsongs.telegram.SendResult;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.TelegramFailure;
import app.sendsongs.testsupport.DynaliteExtension;
import app.sendsongs.testsupport.SandboxControl;
import java.net.URI;
import java.time.Clock;
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
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two servers on one DynamoDB table ({@code STORE=dynamodb}, here on dynalite), both on Telegram (the emulator, on a
 * sandbox of its own) and sending at once, as a deployment with several instances does: together they keep
 * {@code TELEGRAM_MESSAGES_PER_SECOND}, each message taking its slot from the one pace on the table, the items the
 * Lambda functions on the table take theirs from. While the table cannot tell the pace, nothing goes unpaced.
 */
class TelegramPaceOnDynamoDbTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final int PER_SECOND = 4;
    /** Messages each server sends, each to a group chat of its own, all at once. */
    private static final int EACH = 12;
    private static final long FIRST_CHAT = -4_200;
    /** The inbox workers of a server on Telegram. */
    private static final int WORKERS_WITH_TELEGRAM = 256;
    /** The shards of the table's due index (the DynamoDB store's {@code TableLayout.DUE_SHARDS}): one query each a look. */
    private static final long SHARDS = 4;
    private static final String TOKEN_KEY = "c2VuZC1zb25ncy10ZXN0LWtleS0zMi1ieXRlcy1sb24=";

    private StandaloneSandbox sandbox;
    private SandboxControl control;
    private String table;
    private final List<BotServer> servers = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = StandaloneSandbox.start(Map.of(), "127.0.0.1", 0, "http://127.0.0.1:9/webhook");
        control = new SandboxControl("http://127.0.0.1:" + sandbox.port());
        table = DYNAMO.freshTable();
    }

    /** Starts {@code count} servers on the table, on Telegram at {@link #PER_SECOND} messages a second. */
    private void startServers(int count) {
        startServers(count, DYNAMO.endpoint());
    }

    /** As above, calling DynamoDB at {@code endpoint}. */
    private void startServers(int count, URI endpoint) {
        String base = "http://127.0.0.1:" + sandbox.port();
        Map<String, String> values = new HashMap<>(Map.of("STORE", "dynamodb", "DYNAMODB_TABLE", table,
                "DYNAMODB_ENDPOINT", endpoint.toString(), "AWS_REGION", DynaliteExtension.REGION.id(),
                "AWS_ACCESS_KEY_ID", DynaliteExtension.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", DynaliteExtension.SECRET_KEY, "TOKEN_ENCRYPTION_KEY", TOKEN_KEY,
                "TICK_SECONDS", "3600", "PORT", "0", "PUBLIC_BASE_URL", "https://bot.example"));
        values.putAll(Map.of("SPOTIFY_CLIENT_ID", Demo.SANDBOX_CREDENTIALS.get("SPOTIFY_CLIENT_ID"),
                "SPOTIFY_CLIENT_SECRET", Demo.SANDBOX_CREDENTIALS.get("SPOTIFY_CLIENT_SECRET"),
                TelegramSettings.TOKEN, TelegramEmulator.BOT_TOKEN, TelegramSettings.SECRET, "telegram-secret",
                TelegramSettings.API_BASE_URL, base + "/sandbox/telegram",
                TelegramSettings.MESSAGES_PER_SECOND, Integer.toString(PER_SECOND)));
        for (int i = 0; i < count; i++) {
            servers.add(new BotServer(ServerConfig.from(values), Clock.systemUTC(), http -> { }).start());
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(BotServer::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Timeout(300)
    void twoServersSendingAtOnceKeepTheConfiguredPaceTogether() throws Exception {
        startServers(2);
        for (int i = 0; i < 2 * EACH; i++) {
            control.telegramGroup(chat(i), "Chat " + i, List.of(1_000L + i));
        }

        long started = System.nanoTime();
        List<SendResult> results = sendAllAtOnce();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(results).as("every message went out")
                .allMatch(SendResult.Sent.class::isInstance).hasSize(2 * EACH);
        for (int i = 0; i < 2 * EACH; i++) {
            assertThat(control.telegramChat(chat(i))).as("chat %d", chat(i)).hasSize(1);
        }
        // A second's burst of PER_SECOND, then one message every 1/PER_SECOND s, whichever server sends it: each
        // server pacing alone would have sent its share in under half that time.
        Duration together = Duration.ofMillis(1_000L * (2 * EACH - PER_SECOND) / PER_SECOND);
        assertThat(took).as("the time both servers' messages took").isGreaterThanOrEqualTo(
                together.minus(together.dividedBy(10)));
        assertThat(overallSlotsTaken()).as("slots of the overall pace on the table, the Lambda functions' too")
                .isEqualTo(2 * EACH);
        assertThat(control.telegramStats().path("rate_limited").asLong()).isZero();
    }

    @Test
    @Timeout(300)
    void whileTheTableCannotTellThePaceAMessageIsHeldAndNotSentUnpaced() {
        startServers(1);
        long chat = chat(0);
        control.telegramGroup(chat, "Chat", List.of(1_000L));
        TelegramBotApi api = servers.getFirst().telegramApi().orElseThrow();
        DYNAMO.client().deleteTable(r -> r.tableName(table));
        DYNAMO.client().waiter().waitUntilTableNotExists(r -> r.tableName(table));

        SendResult held = api.sendMessage(chat, OutgoingText.of("while the table is gone"));

        assertThat(held).isInstanceOfSatisfying(TelegramFailure.RetryLater.class, later ->
                assertThat(later.retryAfter()).as("tried again after").contains(SendPacer.UNKNOWN_PACE_WAIT));
        assertThat(control.telegramChat(chat)).isEmpty();

        DynamoStores.createTable(DYNAMO.client(), table);
        assertThat(api.sendMessage(chat, OutgoingText.of("once it is back"))).isInstanceOf(SendResult.Sent.class);
        assertThat(control.telegramChat(chat)).hasSize(1);
    }

    /**
     * A server on Telegram has many inbox workers (each may wait for its chat's pace while it holds its person), nearly
     * all of them idle. As the server stops they leave without looking in the table: a look queries each shard of the
     * table's due index, and one look by each worker made every stop 256 looks long (seconds on dynalite; on DynamoDB
     * a thousand needless reads at every SIGTERM).
     */
    @Test
    @Timeout(120)
    void anIdleServerStopsWithoutItsWorkersEachLookingInTheTable() {
        try (CountingDynamoDbProxy proxy = new CountingDynamoDbProxy(DYNAMO.endpoint())) {
            long started = System.nanoTime();
            startServers(1, proxy.endpoint());
            BotServer server = servers.getFirst();
            awaitTheWatchmansFirstLook(proxy);
            assertThat(server.awaitWebhookIdle(Duration.ofSeconds(30))).isTrue();
            long before = proxy.total();
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertThat(proxy.counts().get("Query")).as("queries as the server started: the watchman's looks, one a "
                    + "second, each a query of each of the due index's %d shards", SHARDS)
                    .isLessThanOrEqualTo(SHARDS * (seconds + 2));

            closeInTheTest(server);

            assertThat(proxy.total() - before).as("calls to the table while stopping (" + proxy.counts() + " in all)")
                    .isLessThan(WORKERS_WITH_TELEGRAM / 8);
        }
    }

    /**
     * People wrote just before the stop: their updates were acknowledged, so the stop still has the workers they woke
     * answer them, each answer taking its slot of the pace on the table (more answers than the pace's burst: some
     * still wait for their slot as the stop begins).
     */
    @Test
    @Timeout(120)
    void updatesAcknowledgedJustBeforeTheStopAreAnsweredBeforeItEnds() throws Exception {
        startServers(1);
        BotServer server = servers.getFirst();
        server.setUpTelegram(URI.create("http://127.0.0.1:" + server.port() + BotServer.TELEGRAM_WEBHOOK_PATH));
        List<Long> people = LongStream.rangeClosed(7_001, 7_006).boxed().toList();
        for (long person : people) {
            control.telegramSays(person, "Person " + person, "/start");
        }

        closeInTheTest(server);

        for (long person : people) {
            assertThat(control.telegramChat(person)).as("the answer to %d", person).isNotEmpty();
        }
    }

    /** Stops the server in the test (not again after it). */
    private void closeInTheTest(BotServer server) {
        servers.remove(server);
        server.close();
    }

    /** The watchman looks in the inbox as the server starts, a query of each of the due index's shards. */
    private static void awaitTheWatchmansFirstLook(CountingDynamoDbProxy proxy) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (proxy.counts().getOrDefault("Query", 0L) < SHARDS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited for the watchman's first look; the table was called " + proxy.counts());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Each server sends to its own half of the chats, every message on a thread of its own, all released at once. A
     * message held (its server's other threads kept the pace busy past the turn's wait, on a loaded machine) is sent
     * again after the wait it was given, as the outbox does.
     */
    private List<SendResult> sendAllAtOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SendResult>> sends = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2 * EACH; i++) {
                TelegramBotApi api = servers.get(i % 2).telegramApi().orElseThrow();
                long chat = chat(i);
                sends.add(threads.submit(() -> {
                    go.await();
                    return sendUntilNotHeld(api, chat);
                }));
            }
            go.countDown();
            List<SendResult> results = new ArrayList<>();
            for (Future<SendResult> send : sends) {
                results.add(send.get(2, TimeUnit.MINUTES));
            }
            return results;
        }
    }

    private static SendResult sendUntilNotHeld(TelegramBotApi api, long chat) throws InterruptedException {
        SendResult result = api.sendMessage(chat, OutgoingText.of("a message to " + chat));
        for (int tries = 1; tries < 5 && result instanceof TelegramFailure.RetryLater held
                && held.retryAfter().isPresent(); tries++) {
            Thread.sleep(held.retryAfter().get());
            result = api.sendMessage(chat, OutgoingText.of("a message to " + chat));
        }
        return result;
    }

    /** How many slots the overall pace on the table has given (the version of its item). */
    private long overallSlotsTaken() {
        Map<String, AttributeValue> item = DYNAMO.client().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("PACE#telegram"), "sk", AttributeValue.fromS("PACE"))))
                .item();
        return item.isEmpty() ? 0 : Long.parseLong(item.get("version").n());
    }

    private static long chat(int i) {
        return FIRST_CHAT - i;
    }
}

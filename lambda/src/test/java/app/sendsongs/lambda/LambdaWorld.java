package app.sendsongs.lambda;

import app.sendsongs.core.chat.OutboxStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.time.ManualClock;
import app.sendsongs.sandbox.LastfmEmulator;
import app.sendsongs.sandbox.Sandbox;
import app.sendsongs.sandbox.SandboxConfig;
import app.sendsongs.sandbox.TelegramEmulator;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.telegram.TelegramApiException;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.TelegramConfig;
import app.sendsongs.telegram.TelegramSetup;
import app.sendsongs.telegram.WebhookSecret;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/**
 * The serverless deployment on one machine: the five functions' handlers, each with its own AWS clients (and
 * call recorder) and only its own environment variables, the two webhooks and registration behind an emulated HTTP API;
 * their secrets in an emulated Parameter Store; their one DynamoDB table (on dynalite); the intake queue and its
 * dead-letter queue (on ElasticMQ), whose event source mapping hands queued events to the inbound function when a
 * test calls {@link #deliverQueued()}; and the sandbox emulators of Messenger, Telegram, Spotify, Last.fm and
 * ListenBrainz on a manual clock, whose {@code POST /sandbox/clock/advance} runs the tick function as the scheduler
 * would.
 */
final class LambdaWorld implements AutoCloseable {
    private static final String PARAMETER_PREFIX = "/send-songs-test/";
    static final String TELEGRAM_WEBHOOK_SECRET = "lambda-telegram-webhook-secret";

    final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final ParameterStoreEmulator parameters = new ParameterStoreEmulator();
    /** The sandbox signs with the same app secret as the sample events, so both reach the webhook. */
    final SandboxConfig sandboxConfig = new SandboxConfig(null, SampleEvents.SAMPLE_APP_SECRET, "100000000000001",
            "sandbox-page-access-token", "sandbox-client-id", "sandbox-client-secret");
    final Sandbox sandbox = new Sandbox(sandboxConfig, clock);
    final Javalin sandboxHttp;
    final ApiGatewayEmulator api = new ApiGatewayEmulator();
    private final URI dynamoDb;
    private final DynaliteExtension dynamo;
    private final ElasticMqExtension queueServer;
    private final URI sqs;
    final String table;
    final IntakeQueues queues;
    private final Map<String, TestAws> aws = new HashMap<>();
    private final String tokenKey = randomKey();
    private final Map<String, String> operatorSettings;
    final WebhookHandler webhook;
    final TelegramWebhookHandler telegramWebhook;
    final RegistrationHandler registration;
    final TickHandler tick;
    final InboundHandler inbound;
    private SqsEventSourceMapping inboundMapping;
    /** Every function's Embedded Metric Format lines, as they would reach their logs. */
    final List<String> metricLines = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The functions' table and queues are fresh ones on the test servers, deleted after the test. */
    LambdaWorld(DynaliteExtension dynamo, ElasticMqExtension queueServer) {
        this(dynamo, queueServer, Map.of());
    }

    /**
     * As a deployment whose operator also set {@code operatorSettings} (by the variables' names); each function gets
     * those it declares, as Terraform gives them.
     */
    LambdaWorld(DynaliteExtension dynamo, ElasticMqExtension queueServer, Map<String, String> operatorSettings) {
        this.operatorSettings = Map.copyOf(operatorSettings);
        this.dynamo = dynamo;
        this.queueServer = queueServer;
        dynamoDb = dynamo.endpoint();
        table = dynamo.freshTable();
        sqs = queueServer.endpoint();
        queues = queueServer.freshQueues();
        sandboxHttp = Javalin.create(config -> config.showJavalinBanner = false);
        sandbox.routes(sandboxHttp);
        sandboxHttp.start("127.0.0.1", 0);
        storeSecrets();
        webhook = new WebhookHandler(surroundings("webhook", WebhookHandler.SETTINGS));
        telegramWebhook = new TelegramWebhookHandler(surroundings("telegram_webhook",
                TelegramWebhookHandler.SETTINGS));
        registration = new RegistrationHandler(surroundings("registration", RegistrationHandler.SETTINGS));
        tick = new TickHandler(surroundings("tick", TickHandler.SETTINGS));
        inbound = new InboundHandler(surroundings("inbound", InboundHandler.SETTINGS));
        WebhookHandler.ROUTES.forEach(route -> api.route(route, "webhook", webhook));
        TelegramWebhookHandler.ROUTES.forEach(route -> api.route(route, "telegram_webhook", telegramWebhook));
        RegistrationHandler.ROUTES.forEach(route -> api.route(route, "registration", registration));
        sandbox.botWebhookUrl(api.baseUrl() + "/webhook");
        sandbox.onClockAdvance(this::runTick);
        pointTelegramAtTheApi();
    }

    /** The emulated Telegram posts the bot's updates to the API's Telegram route, as telegram-setup makes it do. */
    private void pointTelegramAtTheApi() {
        try {
            new TelegramSetup(new TelegramBotApi(new TelegramConfig(sandboxBase() + "/sandbox/telegram",
                    TelegramEmulator.BOT_TOKEN))).apply(URI.create(api.baseUrl() + "/telegram/webhook"),
                    new WebhookSecret(TELEGRAM_WEBHOOK_SECRET));
        } catch (TelegramApiException e) {
            throw new IllegalStateException(e);
        }
    }

    String sandboxBase() {
        return "http://127.0.0.1:" + sandboxHttp.port();
    }

    /** Every environment variable a deployment sets, by name; each function gets only those it declares. */
    Map<String, String> deploymentEnvironment() {
        Map<String, String> all = new HashMap<>();
        all.put(Setting.DYNAMODB_TABLE.name(), table);
        all.put(Setting.PUBLIC_BASE_URL.name(), api.baseUrl());
        all.put(Setting.SPOTIFY_CLIENT_ID.name(), sandboxConfig.spotifyClientId());
        for (Setting setting : Setting.values()) {
            if (setting.namesParameter()) {
                all.put(setting.name(), parameterName(setting));
            }
        }
        all.put(Setting.INBOUND_QUEUE_URL.name(), queues.url());
        all.put(Setting.WATCH_SCHEDULE.name(), "5m/1h,1h/7d");
        all.put(Setting.MESSENGER_GRAPH_BASE_URL.name(), sandboxBase() + "/sandbox/graph");
        all.put(Setting.TELEGRAM_API_BASE_URL.name(), sandboxBase() + "/sandbox/telegram");
        all.put(Setting.SPOTIFY_ACCOUNTS_BASE_URL.name(), sandboxBase() + "/sandbox/accounts");
        all.put(Setting.SPOTIFY_API_BASE_URL.name(), sandboxBase() + "/sandbox/api");
        all.put(Setting.LASTFM_API_KEY.name(), LastfmEmulator.API_KEY);
        all.put(Setting.LASTFM_WEB_BASE_URL.name(), sandboxBase() + "/sandbox/lastfm");
        all.put(Setting.LASTFM_API_BASE_URL.name(), sandboxBase() + "/sandbox/lastfm");
        all.put(Setting.LISTENBRAINZ_API_BASE_URL.name(), sandboxBase() + "/sandbox/listenbrainz");
        all.putAll(operatorSettings);
        return all;
    }

    static String parameterName(Setting setting) {
        return PARAMETER_PREFIX + setting.name().replace("_PARAMETER", "").toLowerCase().replace('_', '-');
    }

    /** The calls one function made to AWS so far (for the inbound function, its event source mapping's too). */
    Set<AwsCall> calls(String function) {
        return aws.get(function).recorder().calls();
    }

    /** A function's AWS clients, to inject faults into them. */
    TestAws aws(String function) {
        return aws.get(function);
    }

    /**
     * Runs the intake queue's event source mapping until nothing on the queue is visible: every event the webhook
     * queued so far has been handed to the inbound function (failed ones wait for their retry delay). The mapping
     * is created on first use, as a deployment creates it, with the inbound function's role and timeout. The number
     * of invocations.
     */
    int deliverQueued() {
        return inboundMapping().drain();
    }

    /**
     * What the last invocation of the inbound function left on the intake queue is visible again at once (ElasticMQ
     * keeps real time, so its retry delay is skipped); what SQS has moved to the dead-letter queue meanwhile is no
     * longer there to change.
     */
    void skipRetryDelay() {
        for (String receipt : inboundMapping().leftOnQueue()) {
            try {
                queueServer.client().changeMessageVisibility(request -> request.queueUrl(queues.url())
                        .receiptHandle(receipt).visibilityTimeout(0));
            } catch (ReceiptHandleIsInvalidException movedAway) {
                // received for the last time and moved to the dead-letter queue
            }
        }
    }

    /**
     * Receives everything visible on the intake queue and makes it visible again at once, {@code times} times, as
     * invocations that had no time to start those events would: each receive counts towards the queue's last.
     */
    void receiveWithoutHandling(int times) {
        for (int time = 0; time < times; time++) {
            for (var message : queueServer.client().receiveMessage(request -> request.queueUrl(queues.url())
                    .maxNumberOfMessages(10).waitTimeSeconds(0)).messages()) {
                queueServer.client().changeMessageVisibility(request -> request.queueUrl(queues.url())
                        .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            }
        }
    }

    /**
     * The event source mapping hands one batch of at most {@code batchSize} events to an invocation of the inbound
     * function with only {@code timeLeft} of its time left.
     */
    void deliverOneBatchWithTimeLeft(int batchSize, Duration timeLeft) {
        new SqsEventSourceMapping(aws.get("inbound").sqs(), queues, inbound, "inbound",
                IntakeQueues.FUNCTION_TIMEOUT_SECONDS, batchSize, () -> TestContext.withTimeLeft("inbound", timeLeft))
                .deliverOneBatch();
    }

    /**
     * Waits up to {@code wait} until the table holds no message for the person (each went out, or was confirmed
     * sent by its echo); whether it came to that.
     */
    boolean awaitNothingHeldFor(ChatAddress person, Duration wait) {
        OutboxStore outbox = DynamoStores.echoedMessages(dynamo.client(), table).outbox();
        long deadline = System.nanoTime() + wait.toNanos();
        while (!outbox.heldMessagesFor(person).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    synchronized SqsEventSourceMapping inboundMapping() {
        if (inboundMapping == null) {
            inboundMapping = new SqsEventSourceMapping(aws.get("inbound").sqs(), queues, inbound, "inbound",
                    IntakeQueues.FUNCTION_TIMEOUT_SECONDS, 10);
        }
        return inboundMapping;
    }

    /** Invokes a handler with an event, as Lambda does; the handler's JSON answer. */
    static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String function,
                           JsonNode event) {
        return invoke(handler, TestContext.of(function), event);
    }

    /** Invokes a handler with an event and the invocation's context; the handler's JSON answer. */
    static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, TestContext context,
                           JsonNode event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(SampleEvents.bytes(event)), out, context);
            return SampleEvents.JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes the tick function with the scheduler's event; the number of listen checks it ran. */
    int runTick() {
        return invoke(tick, "tick", SampleEvents.load("scheduler-tick")).path("listenChecks").asInt();
    }

    /** A function's surroundings: its declared environment only, its own recorded clients, the DynamoDB store. */
    Surroundings surroundings(String function, List<Setting> declared) {
        Map<String, String> all = deploymentEnvironment();
        Map<String, String> environment = new HashMap<>();
        declared.forEach(setting -> {
            if (all.containsKey(setting.name())) {
                environment.put(setting.name(), all.get(setting.name()));
            }
        });
        TestAws clients = new TestAws(parameters.endpoint(), dynamoDb, sqs);
        aws.put(function, clients);
        return new Surroundings(environment, clients, StoreOpener.dynamoDb(), clock, metricLines::add);
    }

    private void storeSecrets() {
        parameters.putSecureString(parameterName(Setting.MESSENGER_APP_SECRET_PARAMETER), sandboxConfig.appSecret());
        parameters.putSecureString(parameterName(Setting.MESSENGER_VERIFY_TOKEN_PARAMETER),
                SampleEvents.SAMPLE_VERIFY_TOKEN);
        parameters.putSecureString(parameterName(Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER),
                sandboxConfig.pageAccessToken());
        parameters.putSecureString(parameterName(Setting.SPOTIFY_CLIENT_SECRET_PARAMETER),
                sandboxConfig.spotifyClientSecret());
        parameters.putSecureString(parameterName(Setting.TOKEN_ENCRYPTION_KEY_PARAMETER), tokenKey);
        parameters.putSecureString(parameterName(Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER),
                Wiring.NO_PREVIOUS_KEY);
        parameters.putSecureString(parameterName(Setting.TELEGRAM_BOT_TOKEN_PARAMETER), TelegramEmulator.BOT_TOKEN);
        parameters.putSecureString(parameterName(Setting.TELEGRAM_WEBHOOK_SECRET_PARAMETER), TELEGRAM_WEBHOOK_SECRET);
        parameters.putSecureString(parameterName(Setting.LASTFM_SHARED_SECRET_PARAMETER), LastfmEmulator.SHARED_SECRET);
    }

    /** The token encryption key the functions read from Parameter Store. */
    String tokenKey() {
        return tokenKey;
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        api.close();
        sandboxHttp.stop();
        sandbox.close(); // its Messenger echoes' thread, which looks for echoes every 10 ms
        parameters.close();
    }
}

package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.user.HandleSeen;
import app.sendsongs.sandbox.TelegramEmulator;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.telegram.InlineButton;
import app.sendsongs.telegram.OutgoingText;
import app.sendsongs.telegram.SendResult;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.TelegramConfig;
import app.sendsongs.testsupport.DynaliteExtension;
import app.sendsongs.testsupport.SandboxControl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The Telegram webhook function invoked directly with API Gateway's payload 2.0 events, as Lambda invokes it, in
 * front of the intake queue: the secret checked first, the update queued, a private tap answered in the 200.
 */
class TelegramWebhookHandlerTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private LambdaWorld world;

    @BeforeEach
    void start() {
        world = new LambdaWorld(DYNAMO, QUEUES);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private JsonNode invoke(JsonNode event) {
        return LambdaWorld.invoke(world.telegramWebhook, "telegram_webhook", event);
    }

    private int queued() {
        return Integer.parseInt(QUEUES.client().getQueueAttributes(request -> request.queueUrl(world.queues.url())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void anUpdateWithTheSecretIsQueuedAndAPrivateTapAnsweredInTheAnswer() throws Exception {
        JsonNode answer = invoke(SampleEvents.load("telegram-webhook-post"));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        JsonNode call = SampleEvents.JSON.readTree(answer.path("body").asText());
        assertThat(call.path("method").asText()).isEqualTo("answerCallbackQuery");
        assertThat(call.path("callback_query_id").asText()).isEqualTo("3011000000000000777");
        assertThat(answer.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(queued()).isOne();
        assertThat(world.calls("telegram_webhook")).extracting(AwsCall::action).as("on the table, only the slot of "
                + "Telegram's pace that taking the spent choices off takes")
                .containsOnly("ssm:GetParameters", "sqs:SendMessage", "dynamodb:GetItem", "dynamodb:PutItem");
    }

    @Test
    void aPrivateTapTakesTheChoicesOffItsMessageBeforeItIsAnswered() {
        long vera = 7_101_000_004L;
        SandboxControl sandbox = new SandboxControl(world.sandboxBase());
        sandbox.telegramSays(vera, "/start");
        TelegramBotApi bot = new TelegramBotApi(new TelegramConfig(world.sandboxBase() + "/sandbox/telegram",
                TelegramEmulator.BOT_TOKEN));
        SendResult sent = bot.sendMessage(vera, OutgoingText.of("Pick").withKeyboard(List.of(List.of(
                new InlineButton.Callback("Help", "help"), new InlineButton.Callback("History", "history")))));
        long pick = ((SendResult.Sent) sent).messageId();

        String tap = sandbox.telegramPress(vera, vera, pick, "help");

        assertThat(sandbox.telegramCallback(tap).path("answered").asBoolean()).isTrue();
        JsonNode shown = sandbox.telegramChat(vera).get(0);
        assertThat(shown.path("text").asText()).isEqualTo("Pick");
        assertThat(shown.has("reply_markup")).as("the choices gone once the webhook answered").isFalse();
    }

    @Test
    void aTapIsAnsweredWellWithinTheFunctionsTimeoutWhenTelegramDoesNotAnswerTheEditOfItsMessage() throws Exception {
        try (SilentServer telegram = new SilentServer()) {
            Map<String, String> environment = new HashMap<>(world.deploymentEnvironment());
            environment.keySet().retainAll(TelegramWebhookHandler.SETTINGS.stream().map(Setting::name).toList());
            environment.put(Setting.TELEGRAM_API_BASE_URL.name(), telegram.url());
            TelegramWebhookHandler handler = new TelegramWebhookHandler(new Surroundings(environment,
                    new TestAws(world.parameters.endpoint(), DYNAMO.endpoint(), QUEUES.endpoint()),
                    StoreOpener.dynamoDb(), world.clock));
            long started = System.nanoTime();

            JsonNode answer = LambdaWorld.invoke(handler, "telegram_webhook", SampleEvents.load("telegram-webhook-post"));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the function's timeout is 10 s")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
            assertThat(answer.path("body").asText()).contains("answerCallbackQuery");
            assertThat(queued()).isOne();
        }
    }

    @Test
    void aMissingOrWrongSecretIsRefusedAndNothingIsQueued() {
        ObjectNode missing = SampleEvents.load("telegram-webhook-post");
        ((ObjectNode) missing.path("headers")).remove("x-telegram-bot-api-secret-token");
        ObjectNode wrong = SampleEvents.load("telegram-webhook-post");
        ((ObjectNode) wrong.path("headers")).put("x-telegram-bot-api-secret-token", "guess");

        assertThat(invoke(missing).path("statusCode").asInt()).isEqualTo(401);
        assertThat(invoke(wrong).path("statusCode").asInt()).isEqualTo(403);
        assertThat(queued()).isZero();
    }

    @Test
    void eachCallIsCountedByOutcomeAsOnTheServer() {
        ObjectNode wrong = SampleEvents.load("telegram-webhook-post");
        ((ObjectNode) wrong.path("headers")).put("x-telegram-bot-api-secret-token", "guess");
        ObjectNode malformed = SampleEvents.load("telegram-webhook-post");
        malformed.put("body", "not an update");

        invoke(SampleEvents.load("telegram-webhook-post"));
        invoke(wrong);
        invoke(malformed);

        List<EmfLines.Datum> data = EmfLines.read(world.metricLines);
        Map<String, String> telegram = Map.of("Function", "telegram_webhook", "Platform", "telegram");
        assertThat(EmfLines.sum(data, "WebhookRequests", with(telegram, "accepted"))).isEqualTo(1);
        assertThat(EmfLines.sum(data, "WebhookEvents", telegram)).isEqualTo(1);
        assertThat(EmfLines.sum(data, "WebhookRequests", with(telegram, "bad_secret"))).isEqualTo(1);
        assertThat(EmfLines.sum(data, "WebhookRequests", with(telegram, "malformed"))).isEqualTo(1);
    }

    @Test
    void itsCallsToTelegramAreMeasuredAsEveryFunctionsOutsideCalls() {
        invoke(SampleEvents.load("telegram-webhook-post")); // a private tap: its choices are taken off their message

        assertThat(EmfLines.read(world.metricLines)).filteredOn(datum -> datum.name().equals("OutsideCalls")
                        && datum.dimensions().get("Function").equals("telegram_webhook")
                        && "telegram".equals(datum.dimensions().get("Service")))
                .as("the edit of the tapped message, as the server measures it").isNotEmpty();
    }

    private static Map<String, String> with(Map<String, String> dimensions, String outcome) {
        Map<String, String> all = new HashMap<>(dimensions);
        all.put("Outcome", outcome);
        return all;
    }

    @Test
    void theUsernameTheUpdateShowsForItsSenderIsQueuedWithTheEventAndNoneAsNone() {
        invoke(SampleEvents.load("telegram-webhook-post")); // Vera, who has no username

        List<software.amazon.awssdk.services.sqs.model.Message> messages = QUEUES.client()
                .receiveMessage(request -> request.queueUrl(world.queues.url())).messages();
        assertThat(messages).singleElement().satisfies(message -> assertThat(InboundCodec.read(message.body()).seen())
                .contains(new HandleSeen(new ChatAddress(Platform.TELEGRAM, "7101000003"), Optional.empty())));
    }

    @Test
    void theSameUpdateTwiceIsQueuedOnce() {
        invoke(SampleEvents.load("telegram-webhook-post"));
        invoke(SampleEvents.load("telegram-webhook-post"));

        assertThat(queued()).isOne();
    }
}

package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.metrics.Meters;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.telegram.OutgoingText;
import app.sendsongs.telegram.SendResult;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.testsupport.DynaliteExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every function that calls Telegram as the bot takes its slots from the one pace on the table, however many of its
 * executions run: a message is counted there whichever function sent it, so that together they keep the bot's limits.
 */
class SharedTelegramPaceTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private LambdaWorld world;
    private People people;

    @BeforeEach
    void start() {
        world = new LambdaWorld(DYNAMO, QUEUES);
        people = new People(world);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void eachFunctionThatSendsToTelegramTakesItsSlotsFromThePaceOnTheTable() {
        long tara = 7_031;
        people.telegramSays(tara, "Tara", "Telegram", "tara_tele", "/start");
        assertThat(paceTakenFor(tara)).as("the inbound function's answers").isEqualTo(people.telegramChat(tara).size());

        Map<String, List<Setting>> functions = Map.of("inbound", InboundHandler.SETTINGS, "tick",
                TickHandler.SETTINGS, "registration", RegistrationHandler.SETTINGS, "telegram_webhook",
                TelegramWebhookHandler.SETTINGS);
        functions.forEach((function, declared) -> {
            Surroundings surroundings = world.surroundings(function, declared);
            TelegramBotApi api = Wiring.load(Settings.read(surroundings.environment(), declared), surroundings)
                    .telegram(Meters.NONE).orElseThrow();
            assertThat(api.sendMessage(tara, OutgoingText.of("from " + function))).as(function)
                    .isInstanceOf(SendResult.Sent.class);
        });

        assertThat(people.telegramChat(tara)).hasSize((int) paceTakenFor(tara));
    }

    /** How many slots the chat's pace on the table has given. */
    private long paceTakenFor(long chat) {
        Map<String, AttributeValue> item = DYNAMO.client().getItem(r -> r.tableName(world.table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("PACE#telegram#" + chat), "sk", AttributeValue.fromS("PACE"))))
                .item();
        return item.isEmpty() ? 0 : Long.parseLong(item.get("version").n());
    }
}

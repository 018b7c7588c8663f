package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook function invoked directly with API Gateway's payload 2.0 events, as Lambda invokes it. */
class WebhookHandlerTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);

    private static final String SAMPLE_SENDER = "6483920174825591";

    private LambdaWorld world;
    private People people;

    @BeforeEach
    void start() {
        world = new LambdaWorld(DYNAMO);
        people = new People(world);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        JsonNode ok = invoke(SampleEvents.load("webhook-verify"));
        assertThat(ok.path("statusCode").asInt()).isEqualTo(200);
        assertThat(ok.path("body").asText()).isEqualTo("1158201444");
        assertThat(ok.path("headers").path("Content-Type").asText()).startsWith("text/plain");

        ObjectNode wrong = SampleEvents.load("webhook-verify");
        wrong.put("rawQueryString", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess");
        assertThat(invoke(wrong).path("statusCode").asInt()).isEqualTo(403);
    }

    @Test
    void aSignedEventIsHandledOnceEvenWhenDeliveredTwice() {
        people.say(SAMPLE_SENDER, "hi");
        int before = people.inbox(SAMPLE_SENDER).size();

        JsonNode first = invoke(SampleEvents.webhookPostAt(world.clock.instant()));
        JsonNode again = invoke(SampleEvents.webhookPostAt(world.clock.instant()));

        assertThat(first.path("statusCode").asInt()).isEqualTo(200);
        assertThat(first.path("body").asText()).isEqualTo("EVENT_RECEIVED");
        assertThat(again.path("statusCode").asInt()).isEqualTo(200);
        assertThat(people.inbox(SAMPLE_SENDER)).hasSize(before + 1);
        assertThat(people.lastMessage(SAMPLE_SENDER)).contains("send_song");
    }

    @Test
    void aTamperedOrUnsignedBodyIsRefusedAndNothingHappens() {
        people.say(SAMPLE_SENDER, "hi");
        int before = people.inbox(SAMPLE_SENDER).size();
        ObjectNode tampered = SampleEvents.webhookPostAt(world.clock.instant());
        tampered.put("body", tampered.get("body").asText().replace("help", "history"));
        ObjectNode unsigned = SampleEvents.webhookPostAt(world.clock.instant());
        ((ObjectNode) unsigned.get("headers")).remove("x-hub-signature-256");

        assertThat(invoke(tampered).path("statusCode").asInt()).isEqualTo(403);
        assertThat(invoke(unsigned).path("statusCode").asInt()).isEqualTo(403);
        assertThat(people.inbox(SAMPLE_SENDER)).hasSize(before);
    }

    @Test
    void whenAMessageCannotBeHandledMessengerIsAskedToDeliverAgain() {
        Map<String, String> environment = new HashMap<>(world.deploymentEnvironment());
        environment.keySet().retainAll(WebhookHandler.SETTINGS.stream().map(Setting::name).toList());
        environment.put(Setting.DYNAMODB_TABLE.name(), "no-such-table");
        WebhookHandler misconfigured = new WebhookHandler(new Surroundings(environment,
                new TestAws(world.parameters.endpoint(), DYNAMO.endpoint()), StoreOpener.dynamoDb(), world.clock));

        JsonNode answer = LambdaWorld.invoke(misconfigured, "webhook", SampleEvents.webhookPostAt(world.clock.instant()));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(500);
        assertThat(answer.path("body").asText()).isEqualTo("1 of 1 messages failed; deliver again");
    }

    @Test
    void aRouteOfAnotherFunctionIsNotServed() {
        assertThat(invoke(SampleEvents.load("connect")).path("statusCode").asInt()).isEqualTo(404);
    }

    private JsonNode invoke(JsonNode event) {
        return LambdaWorld.invoke(world.webhook, "webhook", event);
    }
}

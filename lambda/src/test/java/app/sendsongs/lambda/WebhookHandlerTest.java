package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.sandbox.WebhookSigner;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The webhook function invoked directly with API Gateway's payload 2.0 events, as Lambda invokes it, in front of
 * the intake queue on ElasticMQ: what it answers, and what lands on the queue.
 */
class WebhookHandlerTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private static final String SAMPLE_SENDER = "6483920174825591";

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
    void aSignedPostIsQueuedAndAnsweredBeforeAnythingHandlesIt() {
        // registered: a stranger's help comes with the welcome, two messages long
        people.register(SAMPLE_SENDER, "sample-sp", "Sam Sample");
        int before = people.inbox(SAMPLE_SENDER).size();

        JsonNode answer = invoke(SampleEvents.webhookPostAt(world.clock.instant()));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("body").asText()).isEqualTo("EVENT_RECEIVED");
        assertThat(queued()).isOne();
        assertThat(people.inbox(SAMPLE_SENDER)).hasSize(before);
        assertThat(world.calls("webhook")).extracting(AwsCall::action)
                .containsOnly("ssm:GetParameters", "sqs:SendMessage");

        world.deliverQueued();
        assertThat(people.inbox(SAMPLE_SENDER)).hasSize(before + 1);
        assertThat(people.lastMessage(SAMPLE_SENDER)).contains("send_song");
        assertThat(queued()).isZero();
    }

    @Test
    void eventsLandInOrderGroupedByPersonWithTheirDeliveryKeysInTheFewestBatches() {
        List<SampleEvents.Said> said = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            said.add(new SampleEvents.Said(i % 2 == 0 ? "alice-psid" : "bob-psid", "m_" + i, "message " + i));
        }

        JsonNode answer = invoke(SampleEvents.signedWebhookPost(SampleEvents.messengerBody(now(), said)));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(world.aws("webhook").operations().counts()).containsEntry("SendMessageBatch", 3L);
        Map<String, List<Message>> byGroup = receiveAll();
        assertThat(byGroup.keySet()).containsExactlyInAnyOrder("messenger:alice-psid", "messenger:bob-psid");
        assertThat(byGroup.get("messenger:alice-psid")).extracting(this::text)
                .containsExactlyElementsOf(IntStream.range(0, 23).filter(i -> i % 2 == 0).mapToObj(i -> "message " + i)
                        .toList());
        assertThat(byGroup.get("messenger:bob-psid")).extracting(this::text)
                .containsExactlyElementsOf(IntStream.range(0, 23).filter(i -> i % 2 == 1).mapToObj(i -> "message " + i)
                        .toList());
        assertThat(byGroup.get("messenger:alice-psid").getFirst().attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "messenger:m_0");
    }

    @Test
    void aRedeliveredPostIsQueuedOnce() {
        ObjectNode post = SampleEvents.signedWebhookPost(SampleEvents.messengerBody(now(), List.of(
                new SampleEvents.Said("alice-psid", "m_1", "hi"), new SampleEvents.Said("bob-psid", "m_2", "hello"))));

        Map<String, Integer> before = wroteBefore("alice-psid", "bob-psid");

        assertThat(invoke(post).path("statusCode").asInt()).isEqualTo(200);
        assertThat(invoke(post).path("statusCode").asInt()).isEqualTo(200);

        assertThat(queued()).isEqualTo(2);
        world.deliverQueued();
        before.forEach((psid, count) -> assertThat(people.inbox(psid)).as(psid).hasSize(count + 1));
    }

    @Test
    void aBatchTheQueueDoesNotTakeWholeIsAnswered500AndTheRedeliveryQueuesOnlyWhatWasMissing() {
        ObjectNode post = SampleEvents.signedWebhookPost(SampleEvents.messengerBody(now(), List.of(
                new SampleEvents.Said("alice-psid", "m_1", "hi"), new SampleEvents.Said("bob-psid", "m_2", "hello"),
                new SampleEvents.Said("carol-psid", "m_3", "hey"))));
        Map<String, Integer> before = wroteBefore("alice-psid", "bob-psid", "carol-psid");
        try (RefusingSqsProxy sqs = new RefusingSqsProxy(QUEUES.endpoint())) {
            WebhookHandler webhook = webhookOn(sqs);
            sqs.refuseInNextBatch("1");

            JsonNode refused = LambdaWorld.invoke(webhook, "webhook", post);

            assertThat(refused.path("statusCode").asInt()).isEqualTo(500);
            assertThat(refused.path("body").asText()).isEqualTo("1 of 3 events were not queued; deliver again");
            assertThat(queued()).isEqualTo(2);

            assertThat(LambdaWorld.invoke(webhook, "webhook", post).path("statusCode").asInt()).isEqualTo(200);
            assertThat(queued()).isEqualTo(3);
        }
        world.deliverQueued();
        before.forEach((psid, count) -> assertThat(people.inbox(psid)).as(psid).hasSize(count + 1));
    }

    @Test
    void anUnreachableQueueIsAnswered500SoMessengerDeliversAgain() {
        world.aws("webhook").faults().failNext("Sqs", 1);

        JsonNode answer = invoke(SampleEvents.load("webhook-post"));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(500);
        assertThat(answer.path("body").asText()).isEqualTo("the events could not be queued; deliver again");
        assertThat(invoke(SampleEvents.load("webhook-post")).path("statusCode").asInt()).isEqualTo(200);
        assertThat(queued()).isOne();
    }

    @Test
    void echoesTheTableCannotConfirmAreAnswered500SoMessengerDeliversThemAgain() {
        ObjectNode echo = SampleEvents.signedWebhookPost(echoBody("bob-psid", "an-id-the-bot-sent"));
        world.aws("webhook").faults().failNext("DynamoDb", 1);

        JsonNode refused = invoke(echo);

        assertThat(refused.path("statusCode").asInt()).isEqualTo(500);
        assertThat(refused.path("body").asText())
                .isEqualTo("the echoed messages could not be confirmed; deliver again");
        assertThat(invoke(echo).path("statusCode").asInt()).isEqualTo(200);
        assertThat(world.calls("webhook")).extracting(AwsCall::action).contains("dynamodb:BatchGetItem")
                .doesNotContain("sqs:SendMessage");
    }

    @Test
    void anEventTooLargeForAQueueMessageIsRefusedWith413AndNothingOfThePostIsQueued() {
        ObjectNode post = SampleEvents.signedWebhookPost(SampleEvents.messengerBody(now(), List.of(
                new SampleEvents.Said("alice-psid", "m_1", "hi"),
                new SampleEvents.Said("bob-psid", "m_2", "x".repeat(InboundCodec.MAX_BYTES)))));

        JsonNode answer = invoke(post);

        assertThat(answer.path("statusCode").asInt()).isEqualTo(413);
        assertThat(queued()).isZero();
    }

    @Test
    void aTamperedOrUnsignedBodyIsRefusedAndNothingIsQueued() {
        ObjectNode tampered = SampleEvents.load("webhook-post");
        tampered.put("body", tampered.get("body").asText().replace("help", "history"));
        ObjectNode unsigned = SampleEvents.load("webhook-post");
        ((ObjectNode) unsigned.get("headers")).remove("x-hub-signature-256");
        ObjectNode malformed = SampleEvents.signedWebhookPost("{\"object\":\"page\",\"entry\":7}");

        assertThat(invoke(tampered).path("statusCode").asInt()).isEqualTo(403);
        assertThat(invoke(unsigned).path("statusCode").asInt()).isEqualTo(403);
        assertThat(invoke(malformed).path("statusCode").asInt()).isEqualTo(400);
        assertThat(queued()).isZero();
    }

    @Test
    void everyAnswerCarriesTheHardeningHeadersRefusalsAndFailuresToo() {
        ObjectNode tampered = SampleEvents.load("webhook-post");
        tampered.put("body", tampered.get("body").asText().replace("help", "history"));
        List<JsonNode> answers = List.of(invoke(tampered),
                invoke(SampleEvents.signedWebhookPost("{\"object\":\"page\",\"entry\":7}")),
                invoke(SampleEvents.signedWebhookPost(SampleEvents.messengerBody(now(), List.of()))),
                invoke(SampleEvents.load("connect")));

        assertThat(answers).extracting(answer -> answer.path("statusCode").asInt()).containsExactly(403, 400, 200, 404);
        for (JsonNode answer : answers) {
            JsonNode headers = answer.path("headers");
            assertThat(headers.path("X-Content-Type-Options").asText()).isEqualTo("nosniff");
            assertThat(headers.path("X-Frame-Options").asText()).isEqualTo("DENY");
            assertThat(headers.path("Content-Security-Policy").asText()).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void whileItsSecretsAreStillTheDeploymentsPublicPlaceholdersAPostSignedWithOneIsRefusedAndNothingIsQueued() {
        String appSecret = placeholderOf("messenger_app_secret");
        world.parameters.putSecureString(LambdaWorld.parameterName(Setting.MESSENGER_APP_SECRET_PARAMETER), appSecret);
        world.parameters.putSecureString(LambdaWorld.parameterName(Setting.MESSENGER_VERIFY_TOKEN_PARAMETER),
                placeholderOf("messenger_verify_token"));
        String body = SampleEvents.messengerBody(now(), List.of(new SampleEvents.Said("alice-psid", "m_1", "hi")));
        ObjectNode forged = SampleEvents.signedWebhookPost(body);
        ((ObjectNode) forged.get("headers")).put("x-hub-signature-256",
                new WebhookSigner(appSecret).sign(body.getBytes(StandardCharsets.UTF_8)));

        JsonNode answer = invoke(forged);

        assertThat(answer.path("statusCode").asInt()).isEqualTo(500);
        assertThat(queued()).isZero();
        for (int i = 0; i < 20; i++) {
            assertThat(invoke(forged).path("statusCode").asInt()).isEqualTo(500);
        }
        assertThat(world.aws("webhook").operations().counts()).as("one read of the secrets, not one a call, "
                + "within the retry pause").isEqualTo(Map.of("GetParameters", 1L));
    }

    /** The value Terraform gives a secret's parameter until the operator puts the real one: anyone can read it. */
    private static String placeholderOf(String parameter) {
        return TerraformConfig.load(TerraformConfig.directory()).resource("aws_ssm_parameter." + parameter)
                .get("value").toString();
    }

    @Test
    void aSignedPostWithoutMessagesIsAnsweredWithoutCallingTheQueue() {
        JsonNode answer = invoke(SampleEvents.signedWebhookPost(SampleEvents.messengerBody(now(), List.of())));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(world.calls("webhook")).extracting(AwsCall::action).containsOnly("ssm:GetParameters");
    }

    @Test
    void aRouteOfAnotherFunctionIsNotServed() {
        assertThat(invoke(SampleEvents.load("connect")).path("statusCode").asInt()).isEqualTo(404);
    }

    /** The people write once (so Messenger lets the bot answer them); how many answers each has so far. */
    private Map<String, Integer> wroteBefore(String... psids) {
        Map<String, Integer> inboxes = new HashMap<>();
        for (String psid : psids) {
            people.say(psid, "hi");
            inboxes.put(psid, people.inbox(psid).size());
        }
        return inboxes;
    }

    /** Messenger's echo of a message the page sent to {@code psid} with {@code metadata}, as message_echoes has it. */
    private String echoBody(String psid, String metadata) {
        ObjectNode body = SampleEvents.JSON.createObjectNode().put("object", "page");
        ObjectNode event = body.putArray("entry").addObject().put("id", "100000000000001").put("time", now())
                .putArray("messaging").addObject();
        event.putObject("sender").put("id", "100000000000001");
        event.putObject("recipient").put("id", psid);
        event.put("timestamp", now()).putObject("message").put("is_echo", true).put("app_id", 1_517_776_481_860_111L)
                .put("mid", "m_echo-1").put("metadata", metadata).put("text", "a message of the bot");
        return body.toString();
    }

    private long now() {
        return world.clock.millis();
    }

    private WebhookHandler webhookOn(RefusingSqsProxy sqs) {
        Map<String, String> environment = new HashMap<>(world.deploymentEnvironment());
        environment.keySet().retainAll(WebhookHandler.SETTINGS.stream().map(Setting::name).toList());
        return new WebhookHandler(new Surroundings(environment,
                new TestAws(world.parameters.endpoint(), DYNAMO.endpoint(), sqs.endpoint()), StoreOpener.dynamoDb(),
                world.clock));
    }

    /** Messages on the intake queue, visible or not. */
    private int queued() {
        Map<QueueAttributeName, String> attributes = QUEUES.client().getQueueAttributes(request -> request
                .queueUrl(world.queues.url()).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Everything on the queue, received (and deleted) in as many rounds as it takes, by message group, in order. */
    private Map<String, List<Message>> receiveAll() {
        Map<String, List<Message>> byGroup = new HashMap<>();
        for (int round = 0; round < 20; round++) {
            List<Message> messages = QUEUES.client().receiveMessage(request -> request.queueUrl(world.queues.url())
                    .maxNumberOfMessages(10).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (messages.isEmpty()) {
                return byGroup;
            }
            for (Message message : messages) {
                byGroup.computeIfAbsent(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                        group -> new ArrayList<>()).add(message);
                // a FIFO queue gives no more of a group while some of it is received and not deleted
                QUEUES.client().deleteMessage(request -> request.queueUrl(world.queues.url())
                        .receiptHandle(message.receiptHandle()));
            }
        }
        throw new AssertionError("the queue did not empty");
    }

    private String text(Message message) {
        return ((Inbound.Text) InboundCodec.decode(message.body())).text();
    }

    private JsonNode invoke(JsonNode event) {
        return LambdaWorld.invoke(world.webhook, "webhook", event);
    }
}

package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import app.sendsongs.testsupport.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inbound function invoked directly with the SQS event Lambda's event source mapping sends
 * ({@code events/sqs-fifo-batch.json}, the documented shape), and its partial batch responses.
 */
class InboundHandlerTest {
    private static final String LINK = "https://open.spotify.com/track/";
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
    void theDocumentedFifoBatchIsHandledAndNothingIsReportedFailed() {
        JsonNode response = invoke(SampleEvents.load("sqs-fifo-batch"));

        assertThat(response.path("batchItemFailures").isArray()).isTrue();
        assertThat(response.path("batchItemFailures")).isEmpty();
    }

    @Test
    void eachRecordIsHandledInTheOrderGiven() {
        // registered: a stranger's help comes with the welcome, two messages long
        people.register("alice", "alice-sp", "Alice Smith");
        int before = people.inbox("alice").size();

        JsonNode response = invoke(event(text("alice", "help"), text("alice", "pending"), text("alice", "help send_song")));

        assertThat(response.path("batchItemFailures")).isEmpty();
        List<String> answers = people.inbox("alice").subList(before, people.inbox("alice").size());
        assertThat(answers).hasSize(3);
        assertThat(answers.get(2)).contains("send_song");
    }

    @Test
    void aFailedRecordIsReportedWithTheRestOfItsSendersRecordsWhileOthersGoOn() {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        people.register("carol", "carol-sp", "Carol Jones");
        int alice = people.inbox("alice").size();
        int bob = people.inbox("bob").size();
        int carol = people.inbox("carol").size();
        ObjectNode event = event(text("alice", "help"), text("bob", "help"), text("alice", "pending"),
                text("carol", "help"));
        world.aws("inbound").faults().failNext("DynamoDb", 1);

        JsonNode response;
        try (LogCapture log = new LogCapture()) {
            response = invoke(event);
            assertThat(log.text()).contains("failed on receive 1; it and its sender's later events are tried again in 0 s")
                    .contains("not set");
        }

        assertThat(failures(response)).containsExactly(id(event, 0), id(event, 2));
        assertThat(people.inbox("alice")).hasSize(alice);
        assertThat(people.inbox("bob")).hasSize(bob + 1);
        assertThat(people.inbox("carol")).hasSize(carol + 1);
    }

    @Test
    void eventsNotStartedWhenTooLittleTimeIsLeftGoBackAtOnceRatherThanBeingCutShortByTheTimeout() {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        int alice = people.inbox("alice").size();
        int bob = people.inbox("bob").size();
        ObjectNode event = event(text("alice", "help"), text("bob", "help"), text("alice", "pending"));
        TestContext late = TestContext.withTimeLeft("inbound",
                InboundHandler.TIME_TO_START_AN_EVENT.minusSeconds(1));

        JsonNode response;
        try (LogCapture log = new LogCapture()) {
            response = LambdaWorld.invoke(world.inbound, late, event);
            assertThat(log.text()).contains("2 queued events not started");
        }

        assertThat(failures(response)).containsExactly(id(event, 1), id(event, 2));
        assertThat(people.inbox("alice")).hasSize(alice + 1);
        assertThat(people.inbox("bob")).hasSize(bob);
    }

    @Test
    void aGroupSendWhileTheSendApiHangsEndsBeforeTheFunctionsTimeoutAndItsMessagesGoOnceWhenItAnswersAgain()
            throws Exception {
        people.register("alice", "alice-sp", "Alice Smith");
        people.say("alice", "create_group Family");
        List<String> members = List.of("bob", "carol", "dave");
        for (String member : members) {
            String name = Character.toUpperCase(member.charAt(0)) + member.substring(1) + " Fisher";
            people.register(member, member + "-sp", name);
            people.say("alice", "add_to_group Family \"" + name + "\"");
        }
        Map<String, Integer> before = new HashMap<>();
        List.of("alice", "bob", "carol", "dave").forEach(psid -> before.put(psid, people.inbox(psid).size()));
        ObjectNode event = event(text("alice", "send_song group:\"Family\" " + LINK + people.trackIds().getFirst()));
        // Lambda kills the invocation at its timeout: three members and the answer, each send waiting out the Send
        // API's 10-second timeout, would take 40 s
        Duration timeLeft = InboundHandler.TIME_TO_START_AN_EVENT;

        JsonNode response;
        try (SilentServer graph = new SilentServer()) {
            long started = System.nanoTime();
            response = LambdaWorld.invoke(inboundWithGraphAt(graph.url()),
                    TestContext.countingDownFrom("inbound", timeLeft), event);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeLeft);
        }
        assertThat(failures(response)).as("handled; what could not be sent is held").isEmpty();

        people.advanceMinutes(2); // the tick retries the held messages
        for (String member : members) {
            List<String> got = people.inbox(member).subList(before.get(member), people.inbox(member).size());
            assertThat(got).as(member + "'s song").isNotEmpty().doesNotHaveDuplicates()
                    .anySatisfy(message -> assertThat(message).contains("Alice Smith"));
        }
        assertThat(people.inbox("alice").subList(before.get("alice"), people.inbox("alice").size()))
                .as("the answer, once").singleElement().asString().contains("Family");
    }

    private InboundHandler inboundWithGraphAt(String graph) {
        Map<String, String> environment = new HashMap<>(world.deploymentEnvironment());
        environment.keySet().retainAll(InboundHandler.SETTINGS.stream().map(Setting::name).toList());
        environment.put(Setting.MESSENGER_GRAPH_BASE_URL.name(), graph);
        return new InboundHandler(new Surroundings(environment,
                new TestAws(world.parameters.endpoint(), DYNAMO.endpoint(), QUEUES.endpoint()), StoreOpener.dynamoDb(),
                world.clock));
    }

    @Test
    void anEventOnItsLastReceiveIsStartedBeforeOtherPeoplesSoTooLittleTimeDoesNotSendItToTheDeadLetterQueueUntried() {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        int alice = people.inbox("alice").size();
        int bob = people.inbox("bob").size();
        ObjectNode event = event(text("alice", "help"), text("bob", "help"));
        // put back unstarted on each of its receives so far, after other people's slow events
        ((ObjectNode) event.get("Records").get(1).get("attributes")).put("ApproximateReceiveCount",
                Integer.toString(IntakeQueues.MAX_RECEIVE_COUNT));
        TestContext late = TestContext.withTimeLeft("inbound",
                InboundHandler.TIME_TO_START_AN_EVENT.minusSeconds(1));

        JsonNode response = LambdaWorld.invoke(world.inbound, late, event);

        assertThat(failures(response)).as("the event with receives left goes back").containsExactly(id(event, 0));
        assertThat(people.inbox("bob")).hasSize(bob + 1);
        assertThat(people.inbox("alice")).hasSize(alice);
    }

    @Test
    void aBodyThatIsNotAQueuedEventFailsAloneAndNamesNoContent() {
        people.register("bob", "bob-sp", "Bob Fisher");
        int bob = people.inbox("bob").size();
        ObjectNode event = event(text("alice", "help"), text("bob", "help"));
        ((ObjectNode) event.get("Records").get(0)).put("body", "{\"version\":7,\"text\":\"secret plans\"}");

        JsonNode response;
        try (LogCapture log = new LogCapture()) {
            response = invoke(event);
            assertThat(log.text()).contains("a queued event of version 7 cannot be read here")
                    .doesNotContain("secret plans");
        }

        assertThat(failures(response)).containsExactly(id(event, 0));
        assertThat(people.inbox("bob")).hasSize(bob + 1);
    }

    @Test
    void anEventHandedOverAgainAfterSqsDeduplicationWindowIsHandledOnce() {
        people.register("alice", "alice-sp", "Alice Smith");
        int before = people.inbox("alice").size();
        Inbound help = text("alice", "help");

        assertThat(invoke(event(help)).path("batchItemFailures")).isEmpty();
        assertThat(invoke(event(help)).path("batchItemFailures")).isEmpty();

        assertThat(people.inbox("alice")).hasSize(before + 1);
    }

    @Test
    void anythingButAnSqsEventFailsTheInvocation() {
        assertThatThrownBy(() -> invoke(SampleEvents.load("scheduler-tick")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an SQS event");
        ObjectNode fromElsewhere = SampleEvents.load("sqs-fifo-batch");
        ((ObjectNode) fromElsewhere.get("Records").get(0)).put("eventSource", "aws:kinesis");
        assertThatThrownBy(() -> invoke(fromElsewhere)).hasMessageContaining("eventSource is not aws:sqs");
        ObjectNode noId = SampleEvents.load("sqs-fifo-batch");
        ((ObjectNode) noId.get("Records").get(1)).remove("messageId");
        assertThatThrownBy(() -> invoke(noId)).hasMessageContaining("a record has no messageId");
    }

    /** The sample event's shape with one record per event: a FIFO record of the sender's group, received once. */
    private static ObjectNode event(Inbound... events) {
        ObjectNode event = SampleEvents.load("sqs-fifo-batch");
        ObjectNode template = (ObjectNode) event.get("Records").get(0);
        ArrayNode records = event.putArray("Records");
        for (Inbound inbound : events) {
            ObjectNode record = template.deepCopy();
            record.put("messageId", UUID.randomUUID().toString());
            record.put("receiptHandle", "AQEB" + UUID.randomUUID());
            record.put("body", InboundCodec.encode(inbound));
            ObjectNode attributes = (ObjectNode) record.get("attributes");
            attributes.put("MessageGroupId", InboundQueue.messageGroupId(inbound));
            attributes.put("MessageDeduplicationId", InboundQueue.deduplicationId(inbound));
            records.add(record);
        }
        return event;
    }

    private Inbound text(String psid, String text) {
        return new Inbound.Text("m_" + UUID.randomUUID(), ChatAddress.messenger(psid), world.clock.instant(), text);
    }

    private static String id(JsonNode event, int record) {
        return event.get("Records").get(record).get("messageId").asText();
    }

    private static List<String> failures(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("batchItemFailures").forEach(failure -> ids.add(failure.path("itemIdentifier").asText()));
        return ids;
    }

    private JsonNode invoke(JsonNode event) {
        return LambdaWorld.invoke(world.inbound, "inbound", event);
    }
}

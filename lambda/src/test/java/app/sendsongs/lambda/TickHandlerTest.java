package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tick function invoked with the EventBridge Scheduler input, as the schedule invokes it. */
class TickHandlerTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private static final String LINK = "https://open.spotify.com/track/";

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
    void aTickWithNothingDueRunsNoCheck() {
        JsonNode result = LambdaWorld.invoke(world.tick, "tick", SampleEvents.load("scheduler-tick"));

        assertThat(result.path("listenChecks").asInt()).isZero();
    }

    @Test
    void aTickRunsTheDueCheckOfEveryReceiverAndAnEmptyInputIsFine() {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        people.register("carol", "carol-sp", "Carol King");
        String track = people.trackIds().get(2);
        people.say("alice", "send_song name:\"Bob Fisher\" " + LINK + track);
        people.say("alice", "send_song name:\"Carol King\" " + LINK + track);
        world.clock.advance(java.time.Duration.ofMinutes(30));

        JsonNode result = LambdaWorld.invoke(world.tick, "tick", SampleEvents.JSON.createObjectNode());

        assertThat(result.path("listenChecks").asInt()).isEqualTo(2);
        assertThat(LambdaWorld.invoke(world.tick, "tick", SampleEvents.load("scheduler-tick"))
                .path("listenChecks").asInt()).isZero();
    }
}

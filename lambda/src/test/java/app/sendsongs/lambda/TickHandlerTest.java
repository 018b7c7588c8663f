package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void heldMessagesAreRetriedBeforeTheListenChecksSoASourceThatHangsCannotKeepThemPastTheFunctionsTimeout()
            throws Exception {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        people.say("alice", "send_song name:\"Bob Fisher\" " + LINK + people.trackIds().get(0));
        people.fault("messenger", 500, 1);
        people.say("alice", "send_song name:\"Bob Fisher\" " + LINK + people.trackIds().get(1));
        int bob = people.inbox("bob").size();
        world.clock.advance(Duration.ofMinutes(30)); // the first song's check and the second's retry are due

        Thread ticking;
        try (SilentServer spotify = new SilentServer()) {
            TickHandler tick = tickWithSpotifyAt(spotify.url());
            ticking = Thread.ofVirtual().start(() ->
                    LambdaWorld.invoke(tick, "tick", SampleEvents.load("scheduler-tick")));

            assertThat(awaitMoreThan("bob", bob, Duration.ofSeconds(5)))
                    .as("the held song went out while the check still waited on Spotify").isTrue();
        }
        // Spotify's connection closed, the check's read fails at once rather than at its 10-second timeout.
        ticking.join();
    }

    @Test
    void aTickWhoseSourceHangsStartsNoCheckPastItsTimeAndLeavesTheChecksItDidNotStartDueAtOnce() throws Exception {
        people.register("alice", "alice-sp", "Alice Smith");
        List<String> receivers = List.of("Bob Fisher", "Carol King", "Dave Brown", "Erin Grey");
        for (String name : receivers) {
            String psid = name.split(" ")[0].toLowerCase();
            people.register(psid, psid + "-sp", name);
            people.say("alice", "send_song name:\"" + name + "\" " + LINK + people.trackIds().get(0));
        }
        world.clock.advance(Duration.ofMinutes(30)); // every receiver's first check is due
        // time for one check, whose read of Spotify waits out its 10-second timeout, and not for a second
        Duration timeLeft = TickHandler.TIME_TO_START_A_CHECK.plusSeconds(5);

        try (SilentServer spotify = new SilentServer()) {
            long started = System.nanoTime();
            JsonNode result = LambdaWorld.invoke(tickWithSpotifyAt(spotify.url()),
                    TestContext.countingDownFrom("tick", timeLeft), SampleEvents.load("scheduler-tick"));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeLeft);
            assertThat(result.path("listenChecks").asInt()).isEqualTo(1);
        }
        assertThat(world.runTick()).as("the checks claimed and not started, due at once: nothing left claimed")
                .isEqualTo(receivers.size() - 1);
    }

    private TickHandler tickWithSpotifyAt(String spotifyApi) {
        Map<String, String> environment = new HashMap<>(world.deploymentEnvironment());
        environment.keySet().retainAll(TickHandler.SETTINGS.stream().map(Setting::name).toList());
        environment.put(Setting.SPOTIFY_API_BASE_URL.name(), spotifyApi);
        return new TickHandler(new Surroundings(environment,
                new TestAws(world.parameters.endpoint(), DYNAMO.endpoint(), QUEUES.endpoint()), StoreOpener.dynamoDb(),
                world.clock));
    }

    private boolean awaitMoreThan(String psid, int messages, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (people.inbox(psid).size() <= messages) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}

package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The product's main story through the Lambda entry points alone: people connect and register through the HTTP
 * API's registration function, write to the webhook function through Messenger, and the scheduled tick function
 * notices the play.
 */
class LambdaShareStoryTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private static final String LINK = "https://open.spotify.com/track/";

    private LambdaWorld world;
    private People people;
    private String track;

    @BeforeEach
    void start() {
        world = new LambdaWorld(DYNAMO, QUEUES);
        people = new People(world);
        track = people.trackIds().getFirst();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aSongIsSentPlayedAndTheSenderIsToldThenThePostNoteIsReleased() {
        assertThat(people.ask("alice", "hello")).singleElement().asString().startsWith("Hi! I'm Send Songs");
        assertThat(people.register("alice", "alice-sp", "Alice Smith")).startsWith("Welcome, Alice Smith!");
        assertThat(people.register("bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");

        List<String> confirmation = people.ask("alice",
                "send_song name:\"Bob Fisher\" pre:\"for your commute\" post:\"told you it was good\" " + LINK + track);

        assertThat(confirmation).singleElement().asString().startsWith("Sent ").contains("Bob Fisher");
        List<String> bobs = people.inbox("bob");
        // the song comes as a text, then its card
        assertThat(bobs.get(bobs.size() - 2)).contains("Alice Smith sent you a song").contains("for your commute")
                .doesNotContain("told you it was good");
        assertThat(people.lastCardLink("bob")).isEqualTo(LINK + track);

        people.advanceMinutes(10);
        assertThat(people.inbox("alice")).noneMatch(text -> text.contains("listened to"));

        people.play("bob-sp", track);
        people.advanceMinutes(10);

        assertThat(people.lastMessage("alice")).startsWith("🎧 Bob Fisher listened to ");
        assertThat(people.lastMessage("bob")).contains("Alice Smith's note on").contains("told you it was good");
        int aliceMessages = people.inbox("alice").size();
        people.advanceMinutes(120);
        assertThat(people.inbox("alice")).hasSize(aliceMessages);

        theFunctionsLoggedTheStorysFigures();
    }

    /** The same figures as the server's /metrics, as CloudWatch reads them from the functions' logs. */
    private void theFunctionsLoggedTheStorysFigures() {
        List<EmfLines.Datum> data = EmfLines.read(world.metricLines);
        assertThat(data).allSatisfy(datum -> assertThat(datum.namespace()).isEqualTo("SendSongs"));
        assertThat(EmfLines.sum(data, "WebhookRequests", Map.of("Function", "webhook", "Platform", "messenger",
                "Outcome", "accepted"))).isGreaterThanOrEqualTo(4);
        assertThat(EmfLines.sum(data, "WebhookEvents", Map.of("Function", "webhook"))).isGreaterThanOrEqualTo(4);
        assertThat(data).filteredOn(d -> d.name().equals("MessagesHandled"))
                .as("handling times, in milliseconds, by input and outcome").isNotEmpty()
                .allSatisfy(d -> assertThat(d.unit()).isEqualTo("Milliseconds"))
                .anySatisfy(d -> assertThat(d.dimensions()).containsEntry("Function", "inbound")
                        .containsEntry("Input", "text").containsEntry("Outcome", "handled"));
        assertThat(EmfLines.sum(data, "Messages", Map.of("Platform", "messenger", "Outcome", "sent")))
                .isGreaterThanOrEqualTo(6);
        assertThat(data.stream().filter(d -> d.name().equals("ListenChecks")
                        && d.dimensions().equals(Map.of("Function", "tick", "Source", "spotify", "Outcome", "read")))
                .mapToLong(d -> d.values().size()).sum()).as("checks the tick ran").isGreaterThanOrEqualTo(2);
        assertThat(EmfLines.sum(data, "OutsideCalls", Map.of("Service", "spotify", "Outcome", "ok")))
                .isGreaterThan(0);
        assertThat(data).filteredOn(d -> d.name().equals("ListenChecksLag"))
                .as("one lag a tick, with only the function as dimension (the alarm's metric)").isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(d.dimensions()).isEqualTo(Map.of("Function", "tick"));
                    assertThat(d.unit()).isEqualTo("Seconds");
                });
        assertThat(String.join("\n", world.metricLines)).as("no person, name or secret in a metric")
                .doesNotContain("alice", "Alice", "Bob", "bob-sp", world.tokenKey(), "sandbox-page-access-token");
    }
}

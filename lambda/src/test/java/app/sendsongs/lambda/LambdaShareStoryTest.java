package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import java.util.List;
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
    }
}

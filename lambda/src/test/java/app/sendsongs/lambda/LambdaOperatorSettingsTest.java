package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator sets for the functions (the server's settings of the same names, from Terraform's variables)
 * takes effect through the Lambda entry points, as on the server: the sending limits, how long a held message waits,
 * the lease and Telegram's pace.
 */
class LambdaOperatorSettingsTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private static final String LINK = "https://open.spotify.com/track/";

    private LambdaWorld world;
    private People people;

    private void deploy(Map<String, String> operatorSettings) {
        world = new LambdaWorld(DYNAMO, QUEUES, operatorSettings);
        people = new People(world);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aLimitOfOneSongAnHourRefusesTheSecondWithWhenTheSenderCanSendAgain() {
        deploy(Map.of("SEND_LIMIT_PER_HOUR", "1"));
        registerAliceAndBob();
        List<String> tracks = people.trackIds();
        assertThat(people.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.getFirst())).singleElement()
                .asString().startsWith("Sent ");
        int bobs = people.inbox("bob").size();

        assertThat(people.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(1))).singleElement()
                .asString().startsWith("You've sent 1 song in the last hour, the most I pass on in an hour. You can "
                        + "send again in ");
        assertThat(people.inbox("bob")).hasSize(bobs);
    }

    @Test
    void aLimitOfOneSongAFriendADayRefusesTheSecondToTheSameFriend() {
        deploy(Map.of("SEND_LIMIT_PER_FRIEND_PER_DAY", "1"));
        registerAliceAndBob();
        List<String> tracks = people.trackIds();
        people.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.getFirst());

        assertThat(people.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(1))).singleElement()
                .asString().startsWith("You've sent Bob Fisher 1 song in the last 24 hours, the most one friend "
                        + "gets from one person in a day.");
    }

    @Test
    void aLimitOfOneOpenInviteRefusesASecondInviteWhileTheFirstIsUnused() {
        deploy(Map.of("SEND_LIMIT_OPEN_INVITES", "1"));
        people.register("alice", "alice-sp", "Alice Smith");
        String track = people.trackIds().getFirst();
        assertThat(people.ask("alice", "send_song name:\"Carol\" " + LINK + track)).singleElement().asString()
                .startsWith("I don't know anyone called \"Carol\" yet.");

        assertThat(people.ask("alice", "send_song name:\"Dave\" " + LINK + track)).singleElement().asString()
                .startsWith("You have 1 invite nobody has used yet, the most I keep for one person");
    }

    @Test
    void aSongHeldForSomeoneWhoStoppedWritingIsGivenUpAfterTheConfiguredDaysAndItsSenderTold() {
        deploy(Map.of("HELD_MESSAGE_DAYS", "1"));
        registerAliceAndBob();
        people.advanceMinutes(Duration.ofHours(25).toMinutes()); // Bob's 24 hours to be written to are over
        people.say("alice", "send_song name:\"Bob Fisher\" " + LINK + people.trackIds().getFirst());
        int alices = people.inbox("alice").size();

        people.advanceMinutes(Duration.ofHours(25).toMinutes());
        people.say("alice", "hi"); // her own 24 hours are over too: what the bot has for her comes when she writes

        assertThat(people.inbox("alice").subList(alices, people.inbox("alice").size()))
                .anySatisfy(text -> assertThat(text).startsWith("I couldn't deliver ")
                        .contains("Bob Fisher hasn't written to me in 1 day"));
    }

    @Test
    void aSongCardTheInboundFunctionWasSendingWhenItDiedGoesAgainOnceTheConfiguredLeaseEnds() {
        deploy(Map.of("LEASE_SECONDS", "30"));
        registerAliceAndBob();
        people.inboundDiesOnceASongCardReaches("bob");
        people.say("alice", "send_song name:\"Bob Fisher\" " + LINK + people.trackIds().getFirst());
        people.inboundLivesAgain();
        assertThat(people.cards("bob")).as("the card Graph took as the function died").isEqualTo(1);

        people.advanceMinutes(1);

        assertThat(people.cards("bob")).as("sent again by the tick: no echo said it went, and its lease ended")
                .isEqualTo(2);
    }

    @Test
    void telegramsPaceIsTheConfiguredNumberOfMessagesASecondInAll() {
        deploy(Map.of("TELEGRAM_MESSAGES_PER_SECOND", "1"));
        List<Long> strangers = LongStream.rangeClosed(7_031, 7_035).boxed().toList();
        strangers.forEach(person -> people.telegramSaysWithoutDelivery(person, "/start"));

        long started = System.nanoTime();
        world.deliverQueued();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        strangers.forEach(person -> assertThat(people.telegramChat(person)).as("answered " + person).isNotEmpty());
        assertThat(took).as("five answers at one a second").isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    private void registerAliceAndBob() {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
    }
}

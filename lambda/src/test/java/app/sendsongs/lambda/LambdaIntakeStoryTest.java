package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.SendSongs;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.group.GroupStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.sandbox.WebhookSigner;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.testsupport.DynaliteExtension;
import app.sendsongs.testsupport.LogCapture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * "Acknowledged means kept" on the serverless deployment, from outside: Messenger's webhook POSTs go through the
 * emulated HTTP API to the webhook function, which queues them; the queue's event source mapping hands them to the
 * inbound function, whose answers arrive in the Graph emulator. A redelivered POST is answered once, a failure is
 * retried in the sender's order, and what keeps failing waits in the dead-letter queue, in order, for an operator to
 * move it back (ElasticMQ's message move task does not move FIFO messages, so that last step is not run here).
 */
class LambdaIntakeStoryTest {
    @RegisterExtension
    static final DynaliteExtension DYNAMO = new DynaliteExtension(DynamoStores::createTable);
    @RegisterExtension
    static final ElasticMqExtension QUEUES = new ElasticMqExtension();

    private static final String LINK = "https://open.spotify.com/track/";

    private final HttpClient http = HttpClient.newHttpClient();
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
    void someoneWhoBlocksTheBotOnTelegramIsRefusedSongsAtOnceUntilTheyUnblockIt() {
        long tara = 7_021;
        long uma = 7_022;
        registerOnTelegram(tara, "Tara", "tara-sp");
        registerOnTelegram(uma, "Uma", "uma-sp");
        int umas = people.telegramChat(uma).size();
        people.telegramBlocks(uma);

        people.telegramSays(tara, null, "/send name:\"Uma Telegram\" " + LINK + people.trackIds().getFirst());

        assertThat(people.telegramChat(tara).getLast()).isEqualTo("Uma Telegram can't get messages from me: they've "
                + "blocked me or stopped me in their chat app. Nothing was sent. Once they unblock me or write to me "
                + "again, you can send it.");
        people.telegramUnblocks(uma);
        assertThat(people.telegramChat(uma)).as("nothing was held for her").hasSize(umas);
        people.telegramSays(tara, null, "/send name:\"Uma Telegram\" " + LINK + people.trackIds().getFirst());
        assertThat(people.telegramChat(uma)).hasSize(umas + 1).last().asString()
                .contains("Tara Telegram sent you a song");
    }

    @Test
    void someoneWhoUnblocksTheBotOnTelegramGetsTheSongHeldForThemWithoutWritingFirst() {
        long tara = 7_011;
        long uma = 7_012;
        registerOnTelegram(tara, "Tara", "tara-sp");
        registerOnTelegram(uma, "Uma", "uma-sp");
        int umas = people.telegramChat(uma).size();
        people.telegramSays(tara, null, "/help"); // her first message since the start asks Telegram her username
        people.telegramRefusesNextCallAsBlocked(); // the song reaches Telegram before the block's update comes
        people.telegramSays(tara, null, "/send name:\"Uma Telegram\" " + LINK + people.trackIds().getFirst());
        assertThat(people.telegramChat(tara).getLast()).contains("to Uma Telegram: they've blocked me");
        people.telegramBlocks(uma);

        people.telegramUnblocks(uma);

        assertThat(people.telegramChat(uma).subList(umas, people.telegramChat(uma).size()))
                .as("the held song, and no answer: Uma wrote nothing").singleElement().asString()
                .contains("Tara Telegram sent you a song");
    }

    @Test
    void aUsernameChangedIsLearntFromTheNextMessageThroughTheQueue() {
        long tara = 7_031;
        long uma = 7_032;
        registerOnTelegram(tara, "Tara", "tara-sp");
        registerOnTelegram(uma, "Uma", "uma-sp");
        people.telegramSays(uma, null, "/help"); // her first message since the start asks Telegram her username

        people.telegramSays(uma, "Uma", "Telegram", "uma_sings", "/help");
        people.telegramSays(tara, null, "/send @uma_sings " + LINK + people.trackIds().getFirst());

        assertThat(people.telegramChat(tara).getLast()).startsWith("Sent ").contains("Uma Telegram");
        assertThat(people.telegramChat(uma).getLast()).contains("Tara Telegram sent you a song");
    }

    /** {@code first} Telegram registers with a code, as "{@code first} Telegram". */
    private void registerOnTelegram(long person, String first, String spotifyUser) {
        people.telegramSays(person, first, "Telegram", first.toLowerCase(Locale.ROOT) + "_tele", "/start");
        people.telegramSays(person, null, "/register code:\"" + people.connectSpotify(spotifyUser) + "\" name:\""
                + first + " Telegram\"");
    }

    @Test
    void aRegistrationCodeTypedFarTooLongIsAnsweredAndHoldsUpNothing() {
        long tara = 7_001;
        people.telegramSays(tara, null, "/start");
        String longCode = "A".repeat(2_100); // longer than any DynamoDB key, well within a Telegram message

        people.telegramSays(tara, null, "/register code:\"" + longCode + "\" name:\"Tara Telegram\"");
        people.telegramSays(tara, null, "/help");

        List<String> chat = people.telegramChat(tara);
        assertThat(chat).anySatisfy(answer -> assertThat(answer).startsWith("That code is unknown"));
        assertThat(chat.getLast()).as("the next command is not held up behind it").contains("/send name:");
    }

    @Test
    void aPostMessengerDeliversAgainIsAnsweredOnce() throws Exception {
        people.say("alice", "hi");
        // registered: a stranger's help comes with the welcome, two messages long
        people.register("alice", "alice-sp", "Alice Smith");
        int before = people.inbox("alice").size();
        String body = SampleEvents.messengerBody(world.clock.millis(),
                List.of(new SampleEvents.Said("alice", "m_again-1", "help")));

        assertThat(postToWebhook(body)).isEqualTo(200);
        assertThat(postToWebhook(body)).as("delivered again before it was handled").isEqualTo(200);
        world.deliverQueued();
        assertThat(postToWebhook(body)).as("delivered again after it was handled").isEqualTo(200);
        world.deliverQueued();

        assertThat(people.inbox("alice")).hasSize(before + 1);
        assertThat(people.lastMessage("alice")).contains("send_song");
    }

    @Test
    void aSongCardGraphTookJustBeforeTheInboundFunctionDiedIsConfirmedByItsEchoAndNotSentAgainWhenItsLeaseEnds() {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        people.messengerEchoes();
        int bob = people.inbox("bob").size();
        int alice = people.inbox("alice").size();
        people.inboundDiesOnceASongCardReaches("bob");

        people.say("alice", "send_song name:\"Bob Fisher\" " + LINK + people.trackIds().getFirst());
        assertThat(world.awaitNothingHeldFor(ChatAddress.messenger("bob"), Duration.ofSeconds(20)))
                .as("the card confirmed by its echo before its lease ends").isTrue();
        people.inboundLivesAgain();
        people.advanceMinutes(SendSongs.Settings.LEASE.toMinutes() + 1);

        List<String> songs = people.inbox("bob").subList(bob, people.inbox("bob").size());
        assertThat(songs).as("the card went once, the text before it too").doesNotHaveDuplicates().isNotEmpty();
        assertThat(people.inbox("alice").subList(alice, people.inbox("alice").size())).singleElement().asString()
                .startsWith("Sent ");
    }

    /**
     * What the first run chose is kept in the table's marks ({@code HandlingMarks}, a value on a {@code MID#} item):
     * handled again once the membership went, the leave finishes with that group and answers as the first run would
     * have, where the name alone would find no group.
     */
    @Test
    void aLeaveGroupCutShortOnceTheMembershipWentIsAnsweredOnceAsTheFirstRunWouldHaveWhenHandledAgain() {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        people.say("alice", "create_group Family");
        people.say("alice", "add_to_group Family \"Bob Fisher\"");
        people.say("alice", "send_song group:Family " + LINK + people.trackIds().getFirst());
        GroupStore groups = DynamoStores.create(DYNAMO.client(), world.table, TokenCipher.fromBase64(world.tokenKey()))
                .groups();
        ChatAddress bob = ChatAddress.messenger("bob");
        assertThat(groups.groupsOf(bob)).hasSize(1);
        world.aws("inbound").faults().failWhile("DynamoDb", () -> groups.groupsOf(bob).isEmpty());

        people.say("bob", "leave_group Family");
        assertThat(groups.groupsOf(bob)).as("the membership went before the run was cut short").isEmpty();
        assertThat(people.inbox("bob")).noneMatch(text -> text.startsWith("You've left"));
        people.inboundLivesAgain();

        assertThat(people.lastMessage("bob")).isEqualTo("You've left Family. Songs sent to it won't come to you any "
                + "more. I've stopped watching the song from it you hadn't played yet.");
        assertThat(people.inbox("bob")).filteredOn(text -> text.startsWith("You")).hasSize(1);
        assertThat(people.inbox("alice")).filteredOn(text -> text.contains("left your group")).hasSize(1);
    }

    @Test
    void aFailureIsRetriedAndTheSendersMessagesAreAnsweredInTheOrderTheyCame() {
        people.register("alice", "alice-sp", "Alice Smith");
        people.register("bob", "bob-sp", "Bob Fisher");
        int alice = people.inbox("alice").size();
        int bob = people.inbox("bob").size();
        people.sayWithoutDelivery("alice", "help send_song");
        people.sayWithoutDelivery("alice", "pending");
        people.sayWithoutDelivery("bob", "help");
        world.aws("inbound").faults().failNext("DynamoDb", 1);

        int invocations = world.deliverQueued();

        assertThat(invocations).as("the failed batch and the retry").isGreaterThanOrEqualTo(2);
        List<String> answers = people.inbox("alice").subList(alice, people.inbox("alice").size());
        assertThat(answers).containsExactly(people.ask("alice", "help send_song").getFirst(),
                people.ask("alice", "pending").getFirst());
        assertThat(people.inbox("bob")).hasSize(bob + 1);
    }

    @Test
    void whatKeepsFailingMovesToTheDeadLetterQueueInTheSendersOrderAndHoldsUpNothingAfterIt() {
        people.register("alice", "alice-sp", "Alice Smith");
        int before = people.inbox("alice").size();
        people.sayWithoutDelivery("alice", "help send_song");
        people.sayWithoutDelivery("alice", "help groups");
        world.aws("inbound").faults().failNext("DynamoDb", 1000);

        int rounds = 0;
        while (deadLetters() == 0 && rounds++ < 2 * IntakeQueues.MAX_RECEIVE_COUNT) {
            world.deliverQueued();
            world.skipRetryDelay();
        }

        assertThat(deadLetters()).isEqualTo(2);
        assertThat(people.inbox("alice")).hasSize(before);
        List<Message> dead = QUEUES.client().receiveMessage(request -> request.queueUrl(world.queues.deadLetterUrl())
                .maxNumberOfMessages(10)).messages();
        assertThat(dead).extracting(message -> ((Inbound.Text) InboundCodec.decode(message.body())).text())
                .containsExactly("help send_song", "help groups");

        world.aws("inbound").faults().clear();
        assertThat(people.ask("alice", "pending")).hasSize(1);
    }

    @Test
    void anEventThatFailsEveryReceiveIsGivenUpAloneAndTheSendersNextMessagesAreAnswered() {
        people.register("alice", "alice-sp", "Alice Smith");
        int before = people.inbox("alice").size();
        String unreadable = "{\"version\":1,\"kind\":\"text\"";
        QUEUES.client().sendMessage(request -> request.queueUrl(world.queues.url()).messageBody(unreadable)
                .messageGroupId(InboundQueue.sqsId(ChatAddress.messenger("alice").key()))
                .messageDeduplicationId("unreadable-1"));
        people.sayWithoutDelivery("alice", "help send_song");

        int rounds = 0;
        while (people.inbox("alice").size() == before && rounds++ < 2 * IntakeQueues.MAX_RECEIVE_COUNT) {
            world.deliverQueued();
            if (people.inbox("alice").size() == before) {
                world.skipRetryDelay();
            }
        }

        assertThat(people.inbox("alice").subList(before, people.inbox("alice").size()))
                .as("what she wrote after the event that kept failing").hasSize(1);
        assertThat(people.ask("alice", "pending")).as("not held up once the failing event was given up")
                .hasSize(1);
        assertThat(deadLetters()).isEqualTo(1);
        List<Message> dead = QUEUES.client().receiveMessage(request -> request.queueUrl(world.queues.deadLetterUrl())
                .maxNumberOfMessages(10)).messages();
        assertThat(dead).extracting(Message::body).containsExactly(unreadable);
    }

    @Test
    void eventsOnTheirLastReceiveAnInvocationHadNoTimeToStartAreTriedNotDeadLetteredAndAnsweredInTheSendersOrder() {
        people.register("alice", "alice-sp", "Alice Smith");
        int before = people.inbox("alice").size();
        people.sayWithoutDelivery("alice", "help");
        people.sayWithoutDelivery("alice", "pending");
        people.sayWithoutDelivery("alice", "help send_song");
        // put back unstarted on every receive so far, after other people's slow events
        world.receiveWithoutHandling(IntakeQueues.MAX_RECEIVE_COUNT - 1);

        // her first two, on their last receive, with the time to start only the first; her third still queued
        world.deliverOneBatchWithTimeLeft(2, InboundHandler.TIME_TO_START_AN_EVENT.minusSeconds(1));
        world.deliverQueued();

        assertThat(deadLetters()).as("none given up untried").isZero();
        assertThat(QUEUES.client().getQueueAttributes(request -> request.queueUrl(world.queues.url())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).as("no original left held back")
                .isEqualTo("0");
        List<String> answers = List.copyOf(people.inbox("alice").subList(before, people.inbox("alice").size()));
        assertThat(answers).containsExactly(people.ask("alice", "help").getFirst(),
                people.ask("alice", "pending").getFirst(), people.ask("alice", "help send_song").getFirst());
    }

    @Test
    void anEventPutBackOnItsLastReceiveThatThenFailsIsTriedOnceMoreNotAFreshSetOfTimes() {
        people.register("alice", "alice-sp", "Alice Smith");
        int before = people.inbox("alice").size();
        people.sayWithoutDelivery("alice", "help");
        String unreadable = "{\"version\":1,\"kind\":\"text\"";
        QUEUES.client().sendMessage(request -> request.queueUrl(world.queues.url()).messageBody(unreadable)
                .messageGroupId(InboundQueue.sqsId(ChatAddress.messenger("alice").key()))
                .messageDeduplicationId("unreadable-again-1"));
        people.sayWithoutDelivery("alice", "pending");
        // put back unstarted on every receive so far, after other people's slow events
        world.receiveWithoutHandling(IntakeQueues.MAX_RECEIVE_COUNT - 1);

        String log;
        try (LogCapture capture = new LogCapture()) {
            // her help and the unreadable event, on their last receive, with the time to start only the first: the
            // unreadable one is put back as a new message
            world.deliverOneBatchWithTimeLeft(2, InboundHandler.TIME_TO_START_AN_EVENT.minusSeconds(1));
            for (int round = 0; round < 2 * IntakeQueues.MAX_RECEIVE_COUNT
                    && people.inbox("alice").size() < before + 2; round++) {
                world.deliverQueued();
                world.skipRetryDelay();
            }
            log = capture.text();
        }

        assertThat(log.split("failed on", -1)).as("tried once after it was put back, its earlier receives counted")
                .hasSize(2);
        assertThat(log).contains("given up");
        assertThat(people.inbox("alice").subList(before, people.inbox("alice").size())).as("help, then pending")
                .hasSize(2);
        List<Message> dead = QUEUES.client().receiveMessage(request -> request.queueUrl(world.queues.deadLetterUrl())
                .maxNumberOfMessages(10)).messages();
        assertThat(dead).extracting(Message::body).containsExactly(unreadable);
        assertThat(QUEUES.client().getQueueAttributes(request -> request.queueUrl(world.queues.url())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes().values())
                .as("nothing left on the queue, held back or not").containsOnly("0");
    }

    private int deadLetters() {
        return Integer.parseInt(QUEUES.client().getQueueAttributes(request -> request
                .queueUrl(world.queues.deadLetterUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** Messenger's POST of {@code body}, signed, to the webhook's public URL; the HTTP status. */
    private int postToWebhook(String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(world.api.baseUrl() + "/webhook"))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, new WebhookSigner(SampleEvents.SAMPLE_APP_SECRET).sign(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

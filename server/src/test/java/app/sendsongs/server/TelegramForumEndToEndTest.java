package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Group chats on Telegram whose topics are turned on (forum supergroups), over real HTTP: the bot answers in the topic
 * it was written to, and a song shared there is shown there; a topic deleted or closed meanwhile has the answer posted
 * in the chat's General topic instead, while the song's message already in a closed topic is still kept up to date. A
 * reply in a chat without topics, which Telegram files under a reply thread, is
 * answered as any message there.
 */
@Execution(ExecutionMode.CONCURRENT)
class TelegramForumEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final String BOT = "@SendSongsSandboxBot";
    private static final long ALICE = 385_741_296L;
    private static final long BOB = 511_223_344L;
    private static final long CAROL = 602_334_455L;
    private static final long FORUM = -1_003_100_200_300L;
    private static final long SUPERGROUP = -1_002_471_352_452L;

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private TelegramPeople telegram;
    private String track;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        telegram = new TelegramPeople(sandbox);
        track = sandbox.trackIds().getFirst();
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    /** Alice, Bob and Carol registered, in the Friday Band forum; Bob counted in. Returns the welcome. */
    private JsonNode forumWithBobCountedIn() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        telegram.control().telegramForum(FORUM, "Friday Band", List.of(ALICE, BOB, CAROL));
        telegram.await(FORUM, texts -> !texts.isEmpty());
        JsonNode welcome = telegram.messages(FORUM).getFirst();
        telegram.awaitAnswer(telegram.press(BOB, FORUM, welcome.path("message_id").asLong(), "join"));
        return welcome;
    }

    @Test
    void aSongSentInATopicIsShownInThatTopicAndTheBotAnswersThere() {
        JsonNode welcome = forumWithBobCountedIn();
        assertThat(welcome.has("message_thread_id")).as("the welcome goes to General").isFalse();
        long roadTrip = telegram.control().telegramTopic(FORUM, ALICE, "Road trip");

        telegram.control().telegramSaysInTopic(FORUM, roadTrip, ALICE, "/send" + BOT + " " + LINK + track + " drive");

        assertThat(telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band"))).isNotEmpty();
        JsonNode song = postAwaited(text -> text.contains("Played by 0 of 1 so far."));
        assertThat(song.path("message_thread_id").asLong()).isEqualTo(roadTrip);

        telegram.control().telegramSaysInTopic(FORUM, roadTrip, CAROL, "/who" + BOT);
        JsonNode who = postAwaited(text -> text.startsWith("Songs shared here go to"));
        assertThat(who.path("message_thread_id").asLong()).isEqualTo(roadTrip);

        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);
        JsonNode played = postAwaited(text -> text.contains("Played by 1 of 1: Bob Fisher."));
        assertThat(played.path("message_id").asLong()).as("the song's message was edited where it was")
                .isEqualTo(song.path("message_id").asLong());
        assertThat(played.path("message_thread_id").asLong()).isEqualTo(roadTrip);
    }

    @Test
    void countMeInTappedUnderTheSongInATopicCountsThemInAndJoinIsAnsweredInTheTopic() {
        forumWithBobCountedIn();
        long roadTrip = telegram.control().telegramTopic(FORUM, ALICE, "Road trip");
        telegram.control().telegramSaysInTopic(FORUM, roadTrip, ALICE, "/send" + BOT + " " + LINK + track);
        JsonNode song = postAwaited(text -> text.contains("Played by 0 of 1 so far."));

        JsonNode tap = telegram.awaitAnswer(telegram.press(CAROL, FORUM, song.path("message_id").asLong(), "join"));

        assertThat(tap.path("text").asText()).isEqualTo("You're in: songs shared in Friday Band come to you privately.");
        telegram.control().telegramSaysInTopic(FORUM, roadTrip, CAROL, "/join" + BOT);
        JsonNode joined = postAwaited(text -> text.equals("Carol Chen is counted in already."));
        assertThat(joined.path("message_thread_id").asLong()).isEqualTo(roadTrip);
    }

    @Test
    void aCommandFromAnAnonymousAdminInATopicIsAnsweredThere() {
        forumWithBobCountedIn();
        long roadTrip = telegram.control().telegramTopic(FORUM, ALICE, "Road trip");

        telegram.control().telegramSaysAnonymouslyInTopic(FORUM, roadTrip, ALICE, "/send" + BOT + " " + LINK + track);

        JsonNode told = postAwaited(text -> text.startsWith("I can't tell who sent that"));
        assertThat(told.path("message_thread_id").asLong()).isEqualTo(roadTrip);
    }

    @Test
    void anAnswerForATopicDeletedMeanwhileIsPostedInGeneral() throws SQLException {
        forumWithBobCountedIn();
        long roadTrip = telegram.control().telegramTopic(FORUM, ALICE, "Road trip");

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("send-songs.db"))) {
            holdEventsOf(db, CAROL, true);
            telegram.control().telegramSaysInTopic(FORUM, roadTrip, CAROL, "/who" + BOT);
            telegram.control().telegramDeleteTopic(FORUM, ALICE, roadTrip);
            holdEventsOf(db, CAROL, false);
        }
        telegram.sayIn(FORUM, CAROL, "/help" + BOT); // her next event: her events are handled again, in order

        JsonNode who = postAwaited(text -> text.startsWith("Songs shared here go to"));
        assertThat(who.has("message_thread_id")).as("posted in General").isFalse();
        assertThat(telegram.control().telegramStats().path("bad_requests").path("sendmessage").asInt())
                .as("tried in its topic first").isEqualTo(1);
    }

    @Test
    void inAClosedTopicTheSongsMessageKeepsItsCountAndWhatTheBotCannotPostThereGoesToGeneral() {
        forumWithBobCountedIn();
        List<String> tracks = sandbox.trackIds();
        long roadTrip = telegram.control().telegramTopic(FORUM, ALICE, "Road trip");
        telegram.control().telegramSaysInTopic(FORUM, roadTrip, ALICE, "/send" + BOT + " " + LINK + tracks.get(0));
        JsonNode first = postAwaited(text -> text.contains("Played by 0 of 1 so far."));
        assertThat(first.path("message_thread_id").asLong()).isEqualTo(roadTrip);

        telegram.control().telegramCloseTopic(FORUM, ALICE, roadTrip);
        // Alice made the topic: she may still write there, the bot may not
        telegram.control().telegramSaysInTopic(FORUM, roadTrip, ALICE, "/send" + BOT + " " + LINK + tracks.get(1));
        JsonNode second = postAwaited(text -> text.contains("Played by 0 of 1 so far.")
                && !text.equals(first.path("text").asText()));
        assertThat(second.has("message_thread_id")).as("posted in General").isFalse();
        assertThat(telegram.control().telegramStats().path("bad_requests").path("sendmessage").asInt())
                .as("tried in its topic first").isEqualTo(1);

        sandbox.play("bob-sp", tracks.get(0));
        sandbox.advanceMinutes(10);
        JsonNode played = postAwaited(text -> text.contains("Played by 1 of 1: Bob Fisher."));
        assertThat(played.path("message_id").asLong()).as("the song's message in the closed topic was edited")
                .isEqualTo(first.path("message_id").asLong());
        assertThat(played.path("message_thread_id").asLong()).isEqualTo(roadTrip);
    }

    @Test
    void aReplyInASupergroupWithoutTopicsIsAnsweredInTheChatAsBefore() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");
        telegram.group(SUPERGROUP, "Friday Band", List.of(ALICE, BOB));
        telegram.await(SUPERGROUP, texts -> !texts.isEmpty());
        long welcome = telegram.messages(SUPERGROUP).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, SUPERGROUP, welcome, "join"));
        long link = telegram.sayIn(SUPERGROUP, ALICE, "this one! " + LINK + track).path("message_id").asLong();

        telegram.control().telegramRepliesIn(SUPERGROUP, ALICE, "/send" + BOT + " for the drive", link);

        assertThat(telegram.awaitMessage(SUPERGROUP, text -> text.contains("Played by 0 of 1 so far."))).isNotEmpty();
        assertThat(telegram.messages(SUPERGROUP)).noneMatch(message -> message.has("message_thread_id"));
        assertThat(telegram.control().telegramStats().path("bad_requests").path("sendmessage").asInt())
                .as("no post was refused for its thread").isZero();
    }

    /** The forum's bot message whose text matches, once it does. */
    private JsonNode postAwaited(java.util.function.Predicate<String> matching) {
        telegram.awaitMessage(FORUM, matching);
        return telegram.messages(FORUM).stream().filter(message -> matching.test(message.path("text").asText()))
                .reduce((first, second) -> second).orElseThrow();
    }

    /** As a worker does while it handles the person's events: nobody else takes them until it lets go. */
    private static void holdEventsOf(Connection db, long person, boolean held) throws SQLException {
        try (PreparedStatement claim = db.prepareStatement(held
                ? "INSERT INTO inbox_claims (address, lease_until) VALUES (?, ?) "
                        + "ON CONFLICT (address) DO UPDATE SET lease_until = excluded.lease_until"
                : "DELETE FROM inbox_claims WHERE address = ?")) {
            claim.setString(1, "telegram:" + person);
            if (held) {
                claim.setLong(2, System.currentTimeMillis() + 3_600_000);
            }
            assertThat(claim.executeUpdate()).isEqualTo(1);
        }
    }
}

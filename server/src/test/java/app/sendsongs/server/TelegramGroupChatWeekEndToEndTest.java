package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Friends using the bot in a Telegram group chat over a week, over real HTTP against the demo: what each of them and
 * the chat see as people play, leave, forget themselves and the bot comes and goes.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class TelegramGroupChatWeekEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final String SEND = "/send@SendSongsSandboxBot ";
    private static final long ALICE = 385_741_296L;
    private static final long BOB = 511_223_344L;
    private static final long CAROL = 602_334_455L;
    private static final long BAND = -4_518_810_793L;
    private static final Pattern PERSONAL_LINK = Pattern.compile("https?://\\S+/connect/\\w+\\?link=[A-Za-z0-9_.-]+");

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private TelegramPeople telegram;
    private List<String> tracks;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        sandbox = new SandboxClient(demo.baseUrl());
        telegram = new TelegramPeople(sandbox);
        tracks = sandbox.trackIds();
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    /** Alice, Bob and Carol registered and in the Friday Band chat with the bot, Bob and Carol counted in. */
    private void bandCountedIn() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB, CAROL));
        telegram.awaitMessage(BAND, text -> text.startsWith("Hi Friday Band"));
        long welcome = telegram.messages(BAND).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));
        telegram.awaitAnswer(telegram.press(CAROL, BAND, welcome, "join"));
    }

    @Test
    void aNewcomerWhoTapsCountMeInThenConnectsIsCountedInWithoutTappingAgain() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        telegram.awaitMessage(BAND, text -> text.startsWith("Hi Friday Band"));
        long welcome = telegram.messages(BAND).getFirst().path("message_id").asLong();

        JsonNode answer = telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));
        assertThat(answer.path("text").asText()).endsWith("once you have, you're counted in here.");
        telegram.say(BOB, "Bob", "/start group");
        String opened = telegram.await(BOB, chat -> !chat.isEmpty()).getFirst();
        assertThat(opened).startsWith("Once you've connected, you're counted in for the group chat where you tapped "
                + "Count me in.");
        Matcher link = PERSONAL_LINK.matcher(opened);
        assertThat(link.find()).isTrue();
        assertThat(sandbox.consentThrough(link.group(), "spotify", "bob-sp").status()).isEqualTo(200);

        List<String> chat = telegram.awaitMessage(BOB, text -> text.startsWith("You're counted in"));
        assertThat(chat.get(chat.size() - 2)).startsWith("Welcome, Bob");
        assertThat(chat.getLast()).isEqualTo("You're counted in for Friday Band: songs shared there come to you.");
        int before = telegram.messages(BAND).size();
        telegram.sayIn(BAND, ALICE, "/who@SendSongsSandboxBot");
        assertThat(telegram.await(BAND, texts -> texts.size() > before).getLast()).contains("Bob");
    }

    /** Shares the track in the chat and waits for its message there; returns that message's id. */
    private long shareInBand(long sender, String track, String note) {
        int before = telegram.messages(BAND).size();
        telegram.sayIn(BAND, sender, SEND + LINK + track + " " + note);
        telegram.await(BAND, texts -> texts.size() > before && texts.getLast().contains(note));
        return telegram.messages(BAND).getLast().path("message_id").asLong();
    }

    @Test
    void someoneWhoForgetsThemselvesIsNoLongerNamedInTheChatsSongMessages() {
        bandCountedIn();
        long alicesSong = shareInBand(ALICE, tracks.get(0), "for friday");
        long bobsSong = shareInBand(BOB, tracks.get(1), "from bob");
        sandbox.play("bob-sp", tracks.get(0));
        sandbox.advanceMinutes(10);
        telegram.awaitShown(BAND, alicesSong, shown -> shown.path("text").asText()
                .contains("Played by 1 of 2 so far: Bob Fisher."));

        List<String> asked = telegram.ask(BOB, "/forget_me");
        JsonNode question = telegram.messages(BOB).getLast();
        assertThat(asked.getLast()).startsWith("This deletes everything");
        assertThat(telegram.tap(BOB, question, "Yes, delete it all").getLast()).startsWith("Done: I've deleted");

        assertThat(telegram.awaitShown(BAND, alicesSong, shown -> !shown.path("text").asText().contains("Bob"))
                .path("text").asText()).as("Bob's play went with everything about him")
                .contains("Played by 0 of 1 so far.");
        assertThat(telegram.awaitShown(BAND, bobsSong, shown -> !shown.path("text").asText().contains("Bob"))
                .path("text").asText()).startsWith("🎵 Someone who left shared ");
    }

    @Test
    void theBotRemovedAndAddedBackCountsInAgainThoseCountedInBeforeWhoAreStillInTheChat() {
        bandCountedIn();
        sandbox.post("/sandbox/telegram/chats/" + BAND + "/remove-bot", "{\"by\":" + ALICE + "}");
        assertThat(telegram.awaitMessage(BOB, text -> text.startsWith("I was removed from Friday Band")).getLast())
                .as("told privately, as the chat's songs stop").endsWith("If someone adds me back within 30 days "
                        + "while you're still in it, you're counted in again; after that, tap Count me in there again.");
        assertThat(telegram.texts(ALICE)).as("who removed it knows").noneMatch(text -> text.startsWith("I was removed"));
        telegram.control().telegramLeaves(BAND, CAROL); // the bot, out of the chat, does not see it
        int before = telegram.messages(BAND).size();

        SandboxClient.check(sandbox.post("/sandbox/telegram/chats/" + BAND + "/add-bot", "{\"by\":" + ALICE + "}"),
                200);

        assertThat(telegram.await(BAND, texts -> texts.size() > before).getLast()).startsWith("I'm back, Friday Band! "
                + "1 person who was counted in before still is: songs shared here reach them again.");
        telegram.sayIn(BAND, ALICE, SEND + LINK + tracks.get(0) + " anyone?");
        telegram.awaitMessage(BOB, text -> text.contains("Alice Archer shared a song in Friday Band"));
        assertThat(telegram.texts(CAROL)).as("Carol left the chat meanwhile, as getChatMember says")
                .noneMatch(text -> text.contains("shared a song"));
    }

    @Test
    void aGroupUpgradedToASupergroupWhileTheBotWasRemovedCountsInAgainThoseCountedInWhenItIsAddedToTheSupergroup() {
        bandCountedIn();
        sandbox.post("/sandbox/telegram/chats/" + BAND + "/remove-bot", "{\"by\":" + ALICE + "}");
        telegram.awaitMessage(BOB, text -> text.startsWith("I was removed from Friday Band"));
        telegram.awaitMessage(CAROL, text -> text.startsWith("I was removed from Friday Band")); // the last told
        long supergroup = -1_004_518_810_793L;
        assertThat(telegram.control().telegramUpgradeGroup(BAND, ALICE, supergroup).path("updates"))
                .as("the bot, out of the group, is told nothing").isEmpty();

        SandboxClient.check(sandbox.post("/sandbox/telegram/chats/" + supergroup + "/add-bot", "{\"by\":" + BOB
                + "}"), 200);

        assertThat(telegram.awaitMessage(supergroup, text -> text.startsWith("I'm back") || text.startsWith("Hi "))
                .getLast()).as("as promised")
                .startsWith("I'm back, Friday Band! 2 people who were counted in before still are");
        telegram.sayIn(supergroup, ALICE, SEND + LINK + tracks.get(0) + " anyone?");
        telegram.awaitMessage(BOB, text -> text.contains("Alice Archer shared a song in Friday Band"));
        telegram.awaitMessage(CAROL, text -> text.contains("Alice Archer shared a song in Friday Band"));
    }

    @Test
    void songMessagesThatChangedWhileTheBotWasRemovedAreBroughtUpToDateWhenItIsAddedBack() {
        bandCountedIn();
        long alicesSong = shareInBand(ALICE, tracks.get(0), "for friday");
        long bobsSong = shareInBand(BOB, tracks.get(1), "from bob");
        SandboxClient.check(sandbox.post("/sandbox/telegram/chats/" + BAND + "/remove-bot", "{\"by\":" + ALICE + "}"),
                200);
        sandbox.play("bob-sp", tracks.get(0));
        sandbox.play("carol-sp", tracks.get(1));
        sandbox.play("alice-sp", tracks.get(1));
        sandbox.advanceMinutes(10);
        telegram.awaitMessage(ALICE, text -> text.startsWith("🎧 Bob Fisher listened to"));
        telegram.awaitMessage(BOB, text -> text.startsWith("🎧 Carol Chen listened to"));
        telegram.awaitMessage(BOB, text -> text.startsWith("🎧 Alice Archer listened to"));
        assertThat(telegram.shown(BAND, alicesSong).path("text").asText()).as("the bot could not edit it meanwhile")
                .contains("Played by 0 of 2 so far.");

        SandboxClient.check(sandbox.post("/sandbox/telegram/chats/" + BAND + "/add-bot", "{\"by\":" + ALICE + "}"),
                200);

        assertThat(telegram.awaitShown(BAND, alicesSong, shown -> shown.path("text").asText().contains("Bob"))
                .path("text").asText()).contains("Played by 1 of 2 so far: Bob Fisher.");
        assertThat(telegram.awaitShown(BAND, bobsSong, shown -> shown.path("text").asText().contains("Carol"))
                .path("text").asText()).as("settled while the bot was away")
                .contains("Played by 2 of 2: Alice Archer, Carol Chen.");
    }
}

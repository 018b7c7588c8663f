package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.shared.StableIds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
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
 * A receiver who minds their privacy, and the people around them, over a few weeks on Messenger and Telegram and
 * across them, over real HTTP against the demo: what a blocked sender, a sender to someone who keeps their plays, a
 * group chat and everyone's friends see of the receiver's choices, and what is left of someone who asked to be
 * forgotten.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server
class ReceiverPrivacyEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final long ALICE = 385_741_296L;
    private static final long BOB = 511_223_344L;
    private static final long CAROL = 602_334_455L;
    private static final long DAN = 733_445_566L;
    private static final long BAND = -4_518_810_793L;
    private static final String SEND = "/send@SendSongsSandboxBot ";
    private static final long MINUTES_A_DAY = 24 * 60;
    private static final Pattern INVITE = Pattern.compile("https://m\\.me/sandbox-page\\?ref=(invite-[A-Za-z0-9_-]+)");

    @TempDir
    Path dir;
    private Demo demo;
    private SandboxClient sandbox;
    private TelegramPeople telegram;
    private List<String> tracks;

    @BeforeEach
    void start() {
        start(Map.of());
    }

    private void start(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("PORT", "0", "SQLITE_PATH",
                dir.resolve("send-songs.db").toString(), "TICK_SECONDS", "3600"));
        all.putAll(settings);
        demo = Demo.start(all);
        sandbox = new SandboxClient(demo.baseUrl());
        telegram = new TelegramPeople(sandbox);
        tracks = sandbox.trackIds();
    }

    /** The demo again, on a new store, with these settings. */
    private void restartWith(Map<String, String> settings) {
        demo.close();
        Map<String, String> all = new HashMap<>(settings);
        all.put("SQLITE_PATH", dir.resolve("with-settings.db").toString());
        start(all);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void aSongStillWaitingForSomeoneWhoBlocksItsSenderIsNeverDeliveredAndLeavesNothingHangingForTheSender() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(sandbox.register("bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        sandbox.advanceMinutes(25 * 60);
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" pre:\"you must\" " + LINK + tracks.get(0)))
                .singleElement().asString().startsWith("Their chat app won't let me deliver ");

        assertThat(sandbox.ask("bob", "block Alice Archer")).singleElement().asString()
                .startsWith("Blocked Alice Archer:");

        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains("Alice Archer sent you a song"));
        assertThat(telegram.ask(ALICE, "/pending")).as("not waiting for Bob to write, which he did")
                .singleElement().asString().startsWith("Nothing pending");
        assertThat(telegram.ask(ALICE, "/history")).singleElement().asString().endsWith(" → Bob Fisher: never "
                + "delivered");
        int alicesBefore = telegram.texts(ALICE).size();
        sandbox.advanceMinutes(21 * MINUTES_A_DAY);
        sandbox.ask("bob", "hi");
        assertThat(telegram.texts(ALICE)).as("told nothing of it, then or weeks later").hasSize(alicesBefore);
        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains("you must"));

        sandbox.ask("bob", "unblock Alice Archer");
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + tracks.get(0)))
                .as("the song that never reached him can go to him now").singleElement().asString()
                .startsWith("Sent ");
        sandbox.awaitSong("bob", text -> text.startsWith("🎵 Alice Archer sent you a song"));
    }

    @Test
    void aNoteStillWaitingForSomeoneWhoBlocksItsSenderIsNeverReleased() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" post:\"you can't escape me\" " + LINK + tracks.get(0));
        sandbox.awaitSong("bob", text -> text.startsWith("🎵 Alice Smith sent you a song"));
        sandbox.advanceMinutes(25 * 60); // from now on, what Bob is told waits until he next writes
        sandbox.play("bob-sp", tracks.get(0));
        sandbox.advanceMinutes(70);

        assertThat(sandbox.ask("bob", "block Alice Smith")).singleElement().asString()
                .startsWith("Blocked Alice Smith:");
        sandbox.advanceMinutes(15 * MINUTES_A_DAY);
        sandbox.ask("bob", "hi");

        assertThat(sandbox.inbox("bob")).noneMatch(text -> text.contains("you can't escape me"));
    }

    @Test
    void aPlayStillWaitingToBeToldToItsSenderIsNotToldOnceTheReceiverKeepsTheirPlaysFromThem() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(0));
        sandbox.awaitSong("bob", text -> text.startsWith("🎵 Alice Smith sent you a song"));
        int alicesBefore = sandbox.inbox("alice").size();
        sandbox.advanceMinutes(25 * 60); // from now on, what Alice is told waits until she next writes
        sandbox.play("bob-sp", tracks.get(0));
        sandbox.advanceMinutes(70);

        assertThat(sandbox.tapButton("bob", "Don't tell Alice")).singleElement().asString()
                .startsWith("Done: I won't tell Alice Smith");
        sandbox.ask("alice", "help");

        List<String> alices = sandbox.inbox("alice");
        assertThat(alices.subList(alicesBefore, alices.size())).noneMatch(text -> text.contains("Bob Fisher listened"));
    }

    @Test
    void aPlayWhoseNoticeWasTakenBackLooksToTheSenderLikeASongToSomeoneWhoKeepsTheirPlays() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        String song = "send_song name:\"Bob Fisher\" " + LINK + tracks.get(0);
        sandbox.ask("alice", song);
        sandbox.awaitSong("bob", text -> text.startsWith("🎵 Alice Smith sent you a song"));
        sandbox.advanceMinutes(25 * 60); // from now on, what Alice is told waits until she next writes
        sandbox.play("bob-sp", tracks.get(0));
        sandbox.advanceMinutes(70);

        assertThat(sandbox.tapButton("bob", "Don't tell Alice")).singleElement().asString()
                .startsWith("Done: I won't tell Alice Smith");

        assertThat(sandbox.ask("alice", "history")).singleElement().asString().startsWith("Your latest songs:")
                .contains(" → Bob Fisher: delivered ").endsWith(" (they don't share plays)");
        assertThat(sandbox.ask("alice", song)).as("answered as for a song still unplayed").singleElement().asString()
                .matches("You already sent .+ to Bob Fisher \\([^)]+\\), so I didn't send it again\\.");
    }

    @Test
    void aPlayNoticeHeldBeforeIdsSaidWhatTheyAreIsNotToldOnceTheReceiverKeepsTheirPlaysFromItsSender()
            throws SQLException {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.ask("alice", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(0));
        sandbox.awaitSong("bob", text -> text.startsWith("🎵 Alice Smith sent you a song"));
        int alicesBefore = sandbox.inbox("alice").size();
        sandbox.advanceMinutes(25 * 60); // from now on, what Alice is told waits until she next writes
        sandbox.play("bob-sp", tracks.get(0));
        sandbox.advanceMinutes(70);
        heldAsTheVersionBeforeHeldIt("🎧 Bob Fisher listened to ", "played");

        assertThat(sandbox.tapButton("bob", "Don't tell Alice")).singleElement().asString()
                .startsWith("Done: I won't tell Alice Smith");
        sandbox.ask("alice", "help");

        List<String> alices = sandbox.inbox("alice");
        assertThat(alices.subList(alicesBefore, alices.size())).noneMatch(text -> text.contains("Bob Fisher listened"));
    }

    /**
     * The one message held that begins {@code text}, about the one song sent, held again under the id the version
     * before ids said what they are gave it, as if that version had held it: its kind and the song's share id.
     */
    private void heldAsTheVersionBeforeHeldIt(String text, String kind) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("send-songs.db"));
             Statement read = db.createStatement()) {
            ResultSet share = read.executeQuery("SELECT id FROM shares");
            assertThat(share.next()).isTrue();
            String before = StableIds.of(kind, share.getString(1));
            assertThat(share.next()).as("one song sent").isFalse();
            String id;
            try (PreparedStatement held = db.prepareStatement("SELECT id FROM held_messages WHERE text LIKE ?")) {
                held.setString(1, text + "%");
                ResultSet found = held.executeQuery();
                assertThat(found.next()).as("held: " + text).isTrue();
                id = found.getString(1);
            }
            for (String update : List.of("UPDATE held_messages SET id = ? WHERE id = ?",
                    "UPDATE held_message_about SET message_id = ? WHERE message_id = ?",
                    "UPDATE held_message_choices SET message_id = ? WHERE message_id = ?",
                    "UPDATE held_message_buttons SET message_id = ? WHERE message_id = ?")) {
                try (PreparedStatement rename = db.prepareStatement(update)) {
                    rename.setString(1, before);
                    rename.setString(2, id);
                    rename.executeUpdate();
                }
            }
        }
    }

    @Test
    void someoneWhoOpenedAnInviteAndThenAskedToBeForgottenIsNotNamedToItsSenderLater() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        Matcher invite = INVITE.matcher(sandbox.ask("alice", "send_song name:\"Carol Jones\" " + LINK + tracks.get(0))
                .getFirst());
        assertThat(invite.find()).isTrue();
        int alicesBefore = sandbox.inbox("alice").size();
        sandbox.advanceMinutes(25 * 60); // what the bot tells Alice now waits until she next writes
        sandbox.control().openLink("carol", invite.group(1));
        sandbox.awaitMessage("carol", text -> text.startsWith("Alice Smith sent you a song"));
        sandbox.register("carol", "carol-sp", "Carol Jones");
        sandbox.awaitSong("carol", text -> text.startsWith("🎵 Alice Smith sent you a song"));

        sandbox.ask("carol", "forget_me");
        assertThat(sandbox.tap("carol", "forget_me confirm")).singleElement().asString()
                .startsWith("Done: I've deleted everything");
        sandbox.ask("alice", "hi");

        List<String> alices = sandbox.inbox("alice");
        assertThat(alices.subList(alicesBefore, alices.size())).noneMatch(text -> text.contains("Carol Jones"));
        assertThat(sandbox.ask("alice", "pending")).singleElement().asString().startsWith("Nothing pending");
    }

    /** Alice, Bob and Carol on Telegram, in the Friday Band chat with the bot; Bob and Carol counted in. */
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
    void aGroupChatIsNotToldWhoBlockedTheBotWhenNobodyCanGetTheSong() {
        bandCountedIn();
        telegram.sayIn(BAND, CAROL, "/leave");
        telegram.awaitMessage(BAND, text -> text.startsWith("Carol Chen is counted out"));
        telegram.control().telegramBlock(BOB);
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();

        telegram.sayIn(BAND, ALICE, SEND + LINK + tracks.get(0) + " for friday");

        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Everyone else counted in for Friday Band"))
                .getLast()).as("told Alice, and only her").isEqualTo("Everyone else counted in for Friday Band has "
                + "disconnected their listening or can't get messages from me, so nothing was sent. Not sent to Bob "
                + "Fisher: they've blocked me or stopped me in their chat app.");
        assertThat(telegram.texts(BAND)).noneMatch(text -> text.contains("Bob") || text.contains("blocked"));
    }

    @Test
    void aChatSongToPeopleWhoAllKeepTheirPlaysFromTheSenderDoesNotSayNobodyIsCountedIn() {
        bandCountedIn();
        telegram.ask(BOB, "/receipts off Alice Archer");
        telegram.ask(CAROL, "/receipts off");

        telegram.sayIn(BAND, ALICE, SEND + LINK + tracks.get(0) + " for friday");

        String shown = telegram.awaitMessage(BAND, text -> text.contains("for friday")).getLast();
        assertThat(shown).as("both are counted in, and got it").doesNotContain("Nobody it went to is counted in")
                .doesNotContain("Played by").endsWith("It went privately to each person counted in here; tap Count "
                        + "me in to get the next ones.");
        telegram.awaitMessage(BOB, text -> text.startsWith("🎵 Alice Archer shared a song in Friday Band"));
        telegram.awaitMessage(CAROL, text -> text.startsWith("🎵 Alice Archer shared a song in Friday Band"));
    }

    @Test
    void aGroupSummaryStillWaitingForItsSenderComesWithoutAMemberWhoAskedToBeForgotten() {
        aliceBobAndCarolRegisterAndAliceMakesFamilyWithTheOtherTwo();
        assertThat(sandbox.ask("alice", "send_song group:Family " + LINK + tracks.get(0))).singleElement()
                .asString().startsWith("Sent ");
        int alicesBefore = sandbox.inbox("alice").size();
        sandbox.advanceMinutes(25 * 60); // from now on, what Alice is told waits until she next writes
        sandbox.play("bob-sp", tracks.get(0));
        sandbox.play("carol-sp", tracks.get(0));
        sandbox.advanceMinutes(70);

        sandbox.ask("carol", "forget_me");
        assertThat(sandbox.tap("carol", "forget_me confirm")).singleElement().asString()
                .startsWith("Done: I've deleted everything");
        sandbox.say("alice", "hi");

        List<String> alices = sandbox.awaitMessage("alice", text -> text.contains("(sent to Family)"));
        assertThat(alices.subList(alicesBefore, alices.size())).noneMatch(text -> text.contains("Carol"))
                .anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to "))
                .anyMatch(text -> text.startsWith("1 of 1 played ") && text.endsWith(" (sent to Family)."));
    }

    @Test
    void aGroupSummaryStillWaitingForItsSenderNoLongerCountsAMemberWhoTapsDontTell() {
        aliceBobAndCarolRegisterAndAliceMakesFamilyWithTheOtherTwo();
        assertThat(sandbox.ask("alice", "send_song group:Family " + LINK + tracks.get(0))).singleElement()
                .asString().startsWith("Sent ");
        sandbox.awaitSong("carol", text -> text.startsWith("🎵 Alice Smith sent a song to Family"));
        int alicesBefore = sandbox.inbox("alice").size();
        sandbox.advanceMinutes(25 * 60); // from now on, what Alice is told waits until she next writes
        sandbox.play("bob-sp", tracks.get(0));
        sandbox.play("carol-sp", tracks.get(0));
        sandbox.advanceMinutes(70);

        assertThat(sandbox.tapButton("carol", "Don't tell Alice")).singleElement().asString()
                .startsWith("Done: I won't tell Alice Smith");
        sandbox.say("alice", "hi");

        List<String> alices = sandbox.awaitMessage("alice", text -> text.contains("(sent to Family)"));
        assertThat(alices.subList(alicesBefore, alices.size())).noneMatch(text -> text.startsWith("🎧 Carol"))
                .anyMatch(text -> text.startsWith("🎧 Bob Fisher listened to "))
                .filteredOn(text -> text.contains("(sent to Family)")).singleElement().asString()
                .startsWith("1 of 1 played ")
                .endsWith(" (sent to Family).\nNot counted, they don't share plays: Carol Jones.");
    }

    @Test
    void aMemberWhoBlocksTheSenderFromTheSongLooksToTheSenderLikeOneWhoKeepsTheirPlays() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(telegram.register(DAN, "Dan", "dan-sp", "Dan Brown")).startsWith("Welcome");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.register("carol", "carol-sp", "Carol Jones");
        telegram.ask(ALICE, "/create_group Family");
        for (String name : List.of("Bob Fisher", "Carol Jones", "Dan Brown")) {
            telegram.ask(ALICE, "/add_to_group Family \"" + name + "\"");
        }
        telegram.ask(ALICE, "/send group:Family " + LINK + tracks.get(0));
        sandbox.awaitSong("bob", text -> text.startsWith("🎵 Alice Archer sent a song to Family"));
        sandbox.awaitSong("carol", text -> text.startsWith("🎵 Alice Archer sent a song to Family"));

        assertThat(sandbox.tapButton("bob", "Block Alice")).singleElement().asString().startsWith("Blocked Alice");
        assertThat(sandbox.tapButton("carol", "Don't tell Alice")).singleElement().asString()
                .startsWith("Done: I won't tell Alice Archer");
        for (String spotifyUser : List.of("bob-sp", "carol-sp", "dan-sp")) {
            sandbox.play(spotifyUser, tracks.get(0));
        }
        sandbox.advanceMinutes(15);

        List<String> alices = telegram.awaitMessage(ALICE, text -> text.contains("(sent to Family)"));
        assertThat(alices).noneMatch(text -> text.startsWith("🎧 Bob") || text.startsWith("🎧 Carol"))
                .anyMatch(text -> text.startsWith("🎧 Dan Brown listened to "))
                .anyMatch(text -> text.endsWith("(sent to Family).\nNot counted, they don't share plays: Bob Fisher, "
                        + "Carol Jones."));
        String history = telegram.ask(ALICE, "/history").getFirst();
        assertThat(lineAbout(history, "Bob Fisher").replace("Bob Fisher", "X"))
                .isEqualTo(lineAbout(history, "Carol Jones").replace("Carol Jones", "X"))
                .endsWith("(they don't share plays)");
        int alicesBefore = telegram.texts(ALICE).size();
        sandbox.advanceMinutes(8 * MINUTES_A_DAY);
        assertThat(telegram.texts(ALICE).subList(alicesBefore, telegram.texts(ALICE).size()))
                .as("nothing later either").noneMatch(text -> text.contains("Bob") || text.contains("Carol"));
    }

    @Test
    void removingMembersWhoKeepTheirPlaysTellsTheOwnerNothingOfWhetherTheyPlayedHerSong() {
        aliceBobAndCarolRegisterAndAliceMakesFamilyWithTheOtherTwo();
        sandbox.ask("bob", "receipts off Alice Smith");
        sandbox.ask("carol", "receipts off Alice Smith");
        sandbox.ask("alice", "send_song group:Family " + LINK + tracks.get(0));
        sandbox.awaitSong("bob", text -> text.startsWith("🎵 Alice Smith sent a song to Family"));
        sandbox.awaitSong("carol", text -> text.startsWith("🎵 Alice Smith sent a song to Family"));
        sandbox.play("carol-sp", tracks.get(0));
        sandbox.advanceMinutes(15);

        assertThat(sandbox.ask("alice", "remove_from_group Family \"Bob Fisher\"")).singleElement().asString()
                .isEqualTo("Removed Bob Fisher from Family.");
        assertThat(sandbox.ask("alice", "remove_from_group Family \"Carol Jones\"")).singleElement().asString()
                .isEqualTo("Removed Carol Jones from Family.");
        String history = sandbox.ask("alice", "history").getFirst();
        assertThat(lineAbout(history, "Bob Fisher").replace("Bob Fisher", "X"))
                .isEqualTo(lineAbout(history, "Carol Jones").replace("Carol Jones", "X"))
                .endsWith("(they don't share plays)");
    }

    @Test
    void afterAFriendAsksToBeForgottenANewcomerWithTheirOldNameIsNeitherCautionedAgainstNorConfusedWithThem() {
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.ask("bob", "send_song name:\"Carol Chen\" " + LINK + tracks.get(0));
        sandbox.ask("bob", "name \"Robert Fisher\"");
        sandbox.ask("bob", "forget_me");
        assertThat(sandbox.tap("bob", "forget_me confirm")).singleElement().asString()
                .startsWith("Done: I've deleted everything");

        sandbox.register("newbob", "newbob-sp", "Bob Fisher");
        assertThat(sandbox.ask("newbob", "send_song name:\"Carol Chen\" " + LINK + tracks.get(1)))
                .singleElement().asString().startsWith("Sent ");

        assertThat(telegram.awaitMessage(CAROL, text -> text.startsWith("🎵 Bob Fisher sent you a song")).getLast())
                .as("nobody she knows here has or had that name any more").doesNotContain("⚠️")
                .doesNotContain("Robert");
        assertThat(telegram.ask(CAROL, "/send name:\"Bob Fisher\" " + LINK + tracks.get(2))).singleElement()
                .asString().startsWith("Sent ").contains("to Bob Fisher");
        assertThat(telegram.ask(CAROL, "/send name:\"Robert Fisher\" " + LINK + tracks.get(2))).singleElement()
                .asString().startsWith("I don't know anyone called \"Robert Fisher\"");
    }

    @Test
    void aSongFromANamesakeStillWaitingWhenTheFriendItCautionsAgainstIsForgottenComesWithoutNamingThem() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.ask("bob", "send_song name:\"Alice Smith\" " + LINK + tracks.get(0));
        sandbox.ask("bob", "name \"Robert Fisher\"");
        int alicesBefore = sandbox.awaitSong("alice", text -> text.startsWith("🎵 Bob Fisher sent you a song")).size();
        sandbox.advanceMinutes(25 * 60); // from now on, songs for Alice wait until she next writes
        sandbox.register("newbob", "newbob-sp", "Bob Fisher");
        assertThat(sandbox.ask("newbob", "send_song name:\"Alice Smith\" " + LINK + tracks.get(1)))
                .singleElement().asString().startsWith("Their chat app won't let me deliver ");

        sandbox.ask("bob", "forget_me");
        assertThat(sandbox.tap("bob", "forget_me confirm")).singleElement().asString()
                .startsWith("Done: I've deleted everything");
        sandbox.say("alice", "hi");

        List<String> alices = sandbox.awaitInbox("alice", inbox -> inbox.size() > alicesBefore + 1 && inbox
                .subList(alicesBefore, inbox.size() - 1).stream().anyMatch(text -> text.startsWith("🎵 Bob Fisher")));
        assertThat(alices.subList(alicesBefore, alices.size()))
                .filteredOn(text -> text.startsWith("🎵 Bob Fisher sent you a song")).singleElement().asString()
                .as("the caution named the friend who is gone").doesNotContain("⚠️").doesNotContain("Robert");
        sandbox.play("alice-sp", tracks.get(1));
        sandbox.advanceMinutes(70);
        sandbox.awaitMessage("newbob", text -> text.startsWith("🎧 Alice Smith listened to "));
    }

    @Test
    void aSendOverTheSendersLimitInAGroupChatTellsTheChatNothingOfHowMuchTheySentElsewhere() {
        restartWith(Map.of("SEND_LIMIT_PER_HOUR", "1"));
        bandCountedIn();
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + tracks.get(0))).singleElement()
                .asString().startsWith("Sent ");
        int posted = telegram.texts(BAND).size();

        telegram.sayIn(BAND, ALICE, SEND + LINK + tracks.get(1) + " for friday");

        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("You've sent ")).getLast())
                .startsWith("You've sent 1 song in the last hour, the most I pass on in an hour.");
        assertThat(telegram.texts(BAND)).as("the chat learns nothing of Alice's private sends").hasSize(posted);
        assertThat(telegram.texts(CAROL)).noneMatch(text -> text.contains("shared a song"));
    }

    @Test
    void whatTheSenderOfAChatSongIsToldPrivatelyGoesWithAPersonItNamesWhoIsForgottenBeforeItReachesThem() {
        bandCountedIn();
        telegram.ask(BOB, "/receipts off Alice Archer");
        telegram.control().telegramBlock(ALICE); // from her private chat; she is still in the group chat
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();
        int alicesBefore = telegram.texts(ALICE).size();
        telegram.sayIn(BAND, ALICE, SEND + LINK + tracks.get(0) + " for friday");
        telegram.awaitMessage(BOB, text -> text.startsWith("🎵 Alice Archer shared a song in Friday Band"));

        telegram.ask(BOB, "/forget_me");
        assertThat(telegram.tap(BOB, telegram.messages(BOB).getLast(), "Yes, delete it all").getLast())
                .startsWith("Done: I've deleted");
        telegram.control().telegramUnblock(ALICE);
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();
        telegram.ask(ALICE, "/help");

        List<String> alices = telegram.texts(ALICE);
        assertThat(alices.subList(alicesBefore, alices.size())).as("the help's example aside")
                .noneMatch(text -> text.contains("Bob Fisher doesn't") || text.startsWith("Sent ")
                        && text.contains("Bob"));
    }

    private static String lineAbout(String text, String name) {
        return text.lines().filter(line -> line.contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no line about " + name + " in " + text));
    }

    /** Alice, Bob and Carol register on Messenger, and Alice makes the group Family with Bob and Carol in it. */
    private void aliceBobAndCarolRegisterAndAliceMakesFamilyWithTheOtherTwo() {
        sandbox.register("alice", "alice-sp", "Alice Smith");
        sandbox.register("bob", "bob-sp", "Bob Fisher");
        sandbox.register("carol", "carol-sp", "Carol Jones");
        sandbox.ask("alice", "create_group Family");
        sandbox.ask("alice", "add_to_group Family \"Bob Fisher\"");
        sandbox.ask("alice", "add_to_group Family \"Carol Jones\"");
    }
}

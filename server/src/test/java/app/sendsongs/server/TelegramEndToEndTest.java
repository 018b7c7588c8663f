package app.sendsongs.server;

import static app.sendsongs.server.TelegramPeople.button;
import static app.sendsongs.server.TelegramPeople.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * The product on Telegram over real HTTP: the production server in demo wiring, Telegram's webhook POSTed by the
 * emulator with the secret the demo set up, people driven only through the sandbox control API.
 */
@Execution(ExecutionMode.CONCURRENT) // each test its own demo server; most of their time is Telegram's pace
class TelegramEndToEndTest {
    private static final String LINK = "https://open.spotify.com/track/";
    private static final String WEBHOOK_SECRET = "sandbox-telegram-webhook-secret";
    private static final long ALICE = 385_741_296L;
    private static final long BOB = 511_223_344L;
    private static final long CAROL = 602_334_455L;
    private static final long BAND = -1_001_987_654_321L;
    private static final long BASIC_GROUP = -4_518_810_793L;
    private static final long SUPERGROUP = -1_002_471_352_452L;
    private static final Pattern PERSONAL_LINK = Pattern.compile("https?://\\S+/connect/\\w+\\?link=[A-Za-z0-9_.-]+");

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

    /** Mo on Messenger; Carol King on Telegram, whose username is carolk. */
    private void registerMoOnMessengerAndCarolKOnTelegram() {
        assertThat(sandbox.register("mo", "mo-sp", "Mo Salah")).startsWith("Welcome, Mo Salah!");
        telegram.control().telegramSays(CAROL, "Carol", "King", "carolk", "/start");
        telegram.await(CAROL, chat -> !chat.isEmpty());
        Matcher link = PERSONAL_LINK.matcher(telegram.ask(CAROL, "/connect spotify").getLast());
        assertThat(link.find()).isTrue();
        assertThat(sandbox.consentThrough(link.group(), "spotify", "carol-sp").status()).isEqualTo(200);
        telegram.awaitMessage(CAROL, text -> text.startsWith("Welcome, Carol King!"));
    }

    private void registerAliceAndBob() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome, Alice Archer!");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
    }

    /** Alice, Bob and Carol Chen in the Friday Band chat, Bob and Carol counted in. Returns the welcome's message id. */
    private long bandWithBobAndCarolCountedIn() {
        registerAliceAndBob();
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB, CAROL));
        long welcome = awaitGroupMessages(1).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));
        telegram.awaitAnswer(telegram.press(CAROL, BAND, welcome, "join"));
        return welcome;
    }

    /** Carol is in two groups called Family, Alice's and Bob's (a minute later). Returns the question that asks which. */
    private String carolInAlicesFamilyAndBobsFamily() {
        registerAliceAndBob();
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol King")).startsWith("Welcome, Carol King!");
        telegram.ask(ALICE, "/create_group Family");
        telegram.ask(ALICE, "/add_to_group Family Carol King");
        sandbox.advanceMinutes(1);
        telegram.ask(BOB, "/create_group Family");
        telegram.ask(BOB, "/add_to_group Family Carol King");
        return "You're in 2 groups called Family. Which one?\n"
                + "1. Family (Alice Archer's) — made by Alice Archer, 2 members\n"
                + "2. Family (Bob Fisher's) — made by Bob Fisher, 2 members";
    }

    @Test
    void aSongPastedBeforeConnectingIsAskedAboutOnceThePersonHasConnectedThroughTheirOwnLink() {
        telegram.control().telegramSays(CAROL, "Carol", "King", "carolk", LINK + track);
        String kept = telegram.await(CAROL, chat -> !chat.isEmpty()).getFirst();
        assertThat(kept).startsWith("I'll keep ").contains(" for you: once you've connected, I'll ask who it's for.");
        Matcher link = PERSONAL_LINK.matcher(kept);
        assertThat(link.find()).isTrue();

        assertThat(sandbox.consentThrough(link.group(), "spotify", "carol-sp").status()).isEqualTo(200);

        List<String> chat = telegram.awaitMessage(CAROL, text -> text.contains("Who is "));
        assertThat(chat.get(chat.size() - 2)).startsWith("Welcome, Carol King!");
        assertThat(chat.getLast()).contains("Who is ").contains(" for? Type their name, as they registered with me.");
        assertThat(telegram.ask(CAROL, "Bob Fisher").getLast()).as("the share is open: a name answers it")
                .doesNotStartWith("Hi");
    }

    @Test
    void anEditIsAnsweredOnceThatItChangedNothingAndInAGroupOnlyWhenItIsForTheBot() {
        String changedNothing = "I only read new messages, so that edit changed nothing. Send the corrected message "
                + "again.";
        registerAliceAndBob();
        int before = telegram.texts(ALICE).size();
        long typo = telegram.control().telegramSays(ALICE, "/send @bobby " + LINK + track).path("message_id")
                .asLong();
        telegram.await(ALICE, texts -> texts.size() > before);

        telegram.control().telegramEdits(ALICE, ALICE, typo, "/send Bob Fisher " + LINK + track);
        assertThat(telegram.awaitMessage(ALICE, changedNothing::equals).getLast()).isEqualTo(changedNothing);
        telegram.control().telegramEdits(ALICE, ALICE, typo, "/send name:\"Bob Fisher\" " + LINK + track);
        assertThat(telegram.ask(ALICE, "/help").getLast()).as("the second edit of it answered nothing")
                .isNotEqualTo(changedNothing);
        assertThat(telegram.texts(ALICE)).filteredOn(changedNothing::equals).hasSize(1);

        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        long welcome = awaitGroupMessages(1).getFirst().path("message_id").asLong();
        long reply = telegram.control().telegramRepliesIn(BAND, BOB, "thanks!", welcome).path("message_id")
                .asLong();
        long command = telegram.sayIn(BAND, BOB, "/whoo").path("message_id").asLong();
        awaitGroupMessages(2);
        telegram.control().telegramEdits(BAND, BOB, reply, "thanks, bot!");
        telegram.control().telegramEdits(BAND, BOB, command, "/who");
        telegram.awaitMessage(BAND, changedNothing::equals);
        assertThat(telegram.texts(BAND)).as("the ordinary edit, a reply to the bot, got nothing")
                .filteredOn(changedNothing::equals).hasSize(1);
        assertThat(telegram.texts(BAND)).hasSize(3);
    }

    @Test
    void aFriendWhoChangedTheirNameIsFoundByTheOldOneAndANewcomerWithTheirNameIsToldApart() {
        registerAliceAndBob();
        List<String> tracks = sandbox.trackIds();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + tracks.get(0));
        telegram.awaitMessage(ALICE, text -> text.startsWith("🎵 Bob Fisher sent you a song"));

        assertThat(telegram.ask(BOB, "/name Robert Fisher").getLast()).endsWith("Friends who knew you as \"Bob "
                + "Fisher\" still find you by it.");
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + tracks.get(1)).getLast())
                .startsWith("Sent ").contains(" to Robert Fisher.");

        assertThat(sandbox.register("mallory", "mallory-sp", "Robert Fisher")).startsWith("Welcome, Robert Fisher!");
        assertThat(sandbox.ask("mallory", "send_song name:\"Alice Archer\" " + LINK + tracks.get(2)).getLast())
                .startsWith("Sent ");
        assertThat(telegram.awaitMessage(ALICE, text -> text.contains("sent you a song") && text.contains("⚠️"))
                .getLast()).contains("🎵 Robert Fisher sent you a song")
                .contains("\n⚠️ This Robert Fisher is new to you: not the Robert Fisher you know here.");
    }

    @Test
    void someoneElsesNameTakenForAMomentAndLeftComesBetweenNobodyAndTheOneWhoHasIt() {
        registerAliceAndBob();
        List<String> tracks = sandbox.trackIds();
        assertThat(sandbox.register("jose", "jose-sp", "José O’Brien")).startsWith("Welcome, José O’Brien!");
        assertThat(sandbox.ask("jose", "send_song name:\"Alice Archer\" " + LINK + tracks.get(0)).getLast())
                .startsWith("Sent ");
        sandbox.advanceMinutes(1);

        assertThat(sandbox.ask("jose", "name \"Bob Fisher\"").getLast()).endsWith("Friends who knew you as \"José "
                + "O’Brien\" still find you by it.");
        sandbox.advanceMinutes(1);
        assertThat(sandbox.ask("jose", "name \"José O’Brien\"").getLast())
                .isEqualTo("Done: friends now find you as \"José O’Brien\" (send_song name:\"José O’Brien\").");

        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + tracks.get(1)).getLast())
                .startsWith("Sent ").contains(" to Bob Fisher.");
        assertThat(telegram.ask(ALICE, "/send name:\"José O’Brien\" " + LINK + tracks.get(2)).getLast())
                .startsWith("Sent ").contains(" to José O’Brien.");
    }

    @Test
    void aNewcomerWhoseNameOnlyLooksLikeAFriendsIsToldApartFromThem() {
        registerAliceAndBob();
        List<String> tracks = sandbox.trackIds();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + tracks.get(0));
        telegram.awaitMessage(ALICE, text -> text.startsWith("🎵 Bob Fisher sent you a song"));

        String lookAlike = "\u0412\u043e\u042c Fisher"; // "ВоЬ": Cyrillic capital Ve, о and capital soft sign
        assertThat(sandbox.register("mallory", "mallory-sp", lookAlike)).startsWith("Welcome, " + lookAlike + "!");
        assertThat(sandbox.ask("mallory", "send_song name:\"Alice Archer\" " + LINK + tracks.get(1)).getLast())
                .startsWith("Sent ");
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("🎵 " + lookAlike + " sent you a song"))
                .getLast()).contains("\n⚠️ This " + lookAlike + " is new to you: not the Bob Fisher you know here.");
    }

    @Test
    void aProfileWithABlankFirstNameOrALongNameRegistersUnderWhatCanBeShownNotNewFriend() {
        long sam = 917_222_333L;
        long maria = 917_222_444L;
        telegram.control().telegramSays(sam, "\u3164", "Smith", "", "/start");
        telegram.control().telegramSays(maria, "Maria Fernanda de los Angeles", "Garcia-Hernandez Rodriguez Martinez",
                "", "/start");

        for (long person : List.of(sam, maria)) {
            telegram.await(person, chat -> !chat.isEmpty());
            Matcher link = PERSONAL_LINK.matcher(telegram.ask(person, "/connect spotify").getLast());
            assertThat(link.find()).isTrue();
            assertThat(sandbox.inAnotherBrowser().consentThrough(link.group(), "spotify", "sp-" + person).status())
                    .isEqualTo(200);
        }

        assertThat(telegram.awaitMessage(sam, text -> text.startsWith("Welcome")).getLast())
                .startsWith("Welcome, Smith!");
        assertThat(telegram.awaitMessage(maria, text -> text.startsWith("Welcome")).getLast())
                .startsWith("Welcome, Maria Fernanda de los Angeles Garcia-Hernandez Rodriguez!");
    }

    @Test
    void theWholeStoryOnTelegram() {
        assertThat(telegram.say(ALICE, "Alice", "/start").path("delivered").asBoolean()).isTrue();
        assertThat(telegram.await(ALICE, chat -> !chat.isEmpty()).getFirst()).startsWith("Hi! I'm Send Songs");
        assertThat(telegram.messages(ALICE).getFirst().path("reply_markup").path("inline_keyboard").toString())
                .as("the sources to connect, as buttons").contains("Spotify");
        List<String> connect = telegram.ask(ALICE, "/connect spotify");
        Matcher link = PERSONAL_LINK.matcher(connect.getLast());
        assertThat(link.find()).as("a personal link in " + connect).isTrue();
        SandboxClient.Response page = sandbox.consentThrough(link.group(), "spotify", "alice-sp");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).as("the way back opens the bot's chat, not Telegram's home page")
                .contains("<a href=\"https://t.me/SendSongsSandboxBot\">Back to Telegram</a>");
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Welcome, Alice!")))
                .as("registered under the name of her Telegram profile, and told on Telegram").isNotEmpty();
        assertThat(telegram.ask(ALICE, "/name Alice Archer")).singleElement().asString()
                .startsWith("Done: friends now find you as \"Alice Archer\"");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");

        List<String> confirmation = telegram.ask(ALICE, "/send name:\"Bob Fisher\" pre:\"for your commute\" "
                + "post:\"told you <so> & more\" " + LINK + track);

        assertThat(confirmation).singleElement().asString().startsWith("Sent ").contains("Bob Fisher");
        assertThat(telegram.last(BOB)).contains("Alice Archer sent you a song").contains("for your commute")
                .doesNotContain("told you");
        assertThat(links(telegram.messages(BOB).getLast())).containsExactly(LINK + track);

        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);

        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("🎧 Bob Fisher listened to "))).isNotEmpty();
        assertThat(telegram.last(BOB)).isEqualTo("Alice Archer's note on " + titleOf(BOB) + ": “told you <so> & more”");
        assertThat(telegram.ask(ALICE, "/history")).singleElement().asString().contains("Bob Fisher").contains("played");
    }

    @Test
    void aSongWhoseNoteHoldsALinkShowsTheSongsPreviewNotTheLinks() {
        registerAliceAndBob();

        telegram.ask(ALICE, "/send name:\"Bob Fisher\" pre:\"the live take is even better: https://example.com/live\" "
                + LINK + track);

        JsonNode song = telegram.messages(BOB).getLast();
        assertThat(song.path("text").asText()).contains("https://example.com/live");
        assertThat(song.path("link_preview").asText()).as("Telegram previews a message's first link unless told")
                .isEqualTo(LINK + track);
    }

    @Test
    void aMessageCarryingAConnectLinkShowsNoPreviewOfTheSourcesLoginPage() {
        telegram.say(ALICE, "Alice", "/start");
        telegram.await(ALICE, chat -> !chat.isEmpty());
        JsonNode welcome = telegram.messages(ALICE).getFirst();
        assertThat(welcome.path("text").asText()).as("the welcome holds her own link").containsPattern(PERSONAL_LINK);
        assertThat(welcome.has("link_preview")).as("no preview of Spotify's login page under it: " + welcome)
                .isFalse();

        assertThat(telegram.ask(ALICE, "I don't have spotify").getLast()).startsWith("No Spotify?");
        JsonNode offer = telegram.messages(ALICE).getLast();
        List<String> listenBrainz = telegram.tap(ALICE, offer, "ListenBrainz");
        assertThat(listenBrainz.getLast()).containsPattern(PERSONAL_LINK);
        assertThat(telegram.messages(ALICE).getLast().has("link_preview")).isFalse();

        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        telegram.ask(BOB, "/create_group Family");
        assertThat(telegram.ask(BOB, "add Dave to Family").getLast()).as("the plain connect page, for Dave")
                .contains("/connect").contains("add them by their whole name: /add_to_group Family \"<full name>\"");
        assertThat(telegram.messages(BOB).getLast().has("link_preview")).isFalse();
    }

    @Test
    void helpListsTheCommandsAsTelegramSpellsThemAndTappingOneIsTypingIt() {
        registerAliceAndBob();
        telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + track);

        String help = String.join("\n", telegram.ask(ALICE, "/help"));

        assertThat(help).contains("\n• /send name:\"Bob Fisher\" pre:\"you'll love the bridge\" post:\"told you!\" ",
                "\n• /pending — ", "\n• /history — ", "\n• /create_group name:\"Family\" — ")
                .doesNotContain("send_song");
        // a /command in the bot's message is a tap that sends just it, as a bot_command
        List<String> tapped = telegram.ask(ALICE, "/pending");
        assertThat(tapped).singleElement().asString().startsWith("Songs you sent that are being watched:\n1. ");
        assertThat(telegram.ask(ALICE, "pending")).isEqualTo(tapped);
        assertThat(telegram.ask(ALICE, "/send")).isEqualTo(telegram.ask(ALICE, "send_song"));
    }

    @Test
    void aPastedLinkIsSharedInTwoTapsOnInlineButtonsEachTapAnswered() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + track);
        String song = sandbox.trackIds().get(1);

        assertThat(telegram.ask(ALICE, "listen to this: " + LINK + song + "?si=4f2a9c")).singleElement().asString()
                .startsWith("Who is it for?\nWith it: “listen to this”\n\n🎵 ");
        JsonNode question = telegram.messages(ALICE).getLast();
        assertThat(button(question, "Open in Spotify").path("url").asText()).isEqualTo(LINK + song);
        assertThat(button(question, "Bob Fisher").path("callback_data").asText()).as("the offer's key and the song")
                .matches("1 #[0-9a-f]{8} " + song);

        assertThat(telegram.tap(ALICE, question, "Bob Fisher")).singleElement().asString().startsWith("Send ")
                .contains(" to Bob Fisher?");
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Send")).singleElement().asString()
                .startsWith("Sent ").contains("to Bob Fisher.");
        assertThat(telegram.last(BOB)).startsWith("🎵 Alice Archer sent you a song: ");
        assertThat(links(telegram.messages(BOB).getLast())).containsExactly(LINK + song);
    }

    @Test
    void aGroupChatsCommandTypedPrivatelyIsNeitherTheNameOfSomeoneToInviteNorTheSongsNote() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + track);
        telegram.ask(ALICE, LINK + sandbox.trackIds().get(1));

        assertThat(telegram.ask(ALICE, "/leave")).singleElement().asString()
                .doesNotContain("I don't know anyone called").endsWith(" for?");
        telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Bob Fisher");
        assertThat(telegram.ask(ALICE, "/who")).singleElement().asString().doesNotStartWith("Noted")
                .contains(" to Bob Fisher?");
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Send")).singleElement().asString()
                .startsWith("Sent ");
        assertThat(telegram.awaitMessage(BOB, text -> text.contains("Alice Archer sent you a song")).getLast())
                .doesNotContain("“who”");
    }

    @Test
    void aVoiceMessageAtWhoIsItForAsksAgainWithItsButtonsAndAThumbsUpStickerStillSendsTheSong() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + track);
        telegram.ask(ALICE, LINK + sandbox.trackIds().get(1));
        int before = telegram.texts(ALICE).size();

        telegram.control().telegramSendsMedia(ALICE, null, "voice", null);

        assertThat(telegram.await(ALICE, chat -> chat.size() > before).get(before))
                .startsWith("I can't read voice messages, only text. Who is ").endsWith(" for?");
        JsonNode asked = telegram.messages(ALICE).getLast();
        assertThat(buttons(asked)).contains("Bob Fisher");
        assertThat(telegram.tap(ALICE, asked, "Bob Fisher")).singleElement().asString().startsWith("Send ")
                .contains(" to Bob Fisher?");
        int confirmed = telegram.texts(ALICE).size();
        telegram.control().telegramSendsMedia(ALICE, null, "sticker", "👍");
        assertThat(telegram.await(ALICE, chat -> chat.size() > confirmed).get(confirmed)).startsWith("Sent ")
                .contains("to Bob Fisher.");
    }

    @Test
    void aPhotoAGifOrAStickerWithNothingAskedIsAnsweredPrivatelyAndInAGroupChatNot() {
        registerAliceAndBob();
        String howTo = "To send a song, paste its Spotify link (in Spotify: Share → Copy link).";

        for (String[] sent : new String[][] {{"photo", "photos"}, {"animation", "GIFs"}, {"sticker", "stickers"}}) {
            int before = telegram.texts(ALICE).size();
            telegram.control().telegramSendsMedia(ALICE, null, sent[0], "🎸");
            assertThat(telegram.await(ALICE, chat -> chat.size() > before).get(before))
                    .isEqualTo("I can't read " + sent[1] + ". " + howTo);
        }

        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        int posted = awaitGroupMessages(1).size();
        int alicesBefore = telegram.texts(ALICE).size();
        assertThat(telegram.control().telegramSendsMedia(ALICE, BAND, "photo", null).path("delivered").asBoolean())
                .as("privacy mode: a photo that is no reply to the bot never reaches it").isFalse();
        assertThat(telegram.ask(ALICE, "/pending")).hasSize(1);
        assertThat(telegram.texts(BAND)).hasSize(posted);
        assertThat(telegram.texts(ALICE)).hasSize(alicesBefore + 1);
    }

    @Test
    void aTapTakesTheSpentChoicesOffTheMessageWhileTheSongsButtonsStay() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + track);
        telegram.ask(ALICE, "listen to this: " + LINK + sandbox.trackIds().get(1));
        JsonNode question = telegram.messages(ALICE).getLast();
        assertThat(buttons(question)).containsExactly("Open in Spotify", "Bob Fisher", "Someone else");

        telegram.tap(ALICE, question, "Bob Fisher");

        assertThat(buttons(telegram.awaitShown(ALICE, question.path("message_id").asLong(),
                shown -> buttons(shown).size() == 1))).as("the song's link stays").containsExactly("Open in Spotify");
        JsonNode confirmation = telegram.messages(ALICE).getLast();
        telegram.tap(ALICE, confirmation, "Send");
        JsonNode confirmed = telegram.awaitShown(ALICE, confirmation.path("message_id").asLong(),
                shown -> !shown.has("reply_markup"));
        assertThat(confirmed.path("text").asText()).isEqualTo(confirmation.path("text").asText());

        JsonNode song = telegram.messages(BOB).getLast();
        assertThat(song.path("text").asText()).startsWith("🎵 Alice Archer sent you a song: ");
        assertThat(telegram.tap(BOB, song, "Don't tell Alice")).singleElement().asString().startsWith("Done: ");
        assertThat(buttons(telegram.shown(BOB, song.path("message_id").asLong())))
                .as("a song's buttons stay, as a card's do on Messenger")
                .containsExactly("Open in Spotify", "Don't tell Alice", "Block Alice");
    }

    @Test
    void theMenusSendAsksTheWaitingSharesQuestionAgainWithItsButtonsAndSendsNothing() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + track);
        int bobBefore = telegram.texts(BOB).size();
        telegram.ask(ALICE, LINK + sandbox.trackIds().get(1));
        String question = telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Bob Fisher").getFirst();

        assertThat(telegram.ask(ALICE, "/send")).as("what the bot's menu sends").singleElement().asString()
                .isEqualTo("You haven't sent this song yet. " + question
                        + "\nOr paste another song's link to send that one instead.");
        assertThat(telegram.texts(BOB)).hasSize(bobBefore);
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Send")).singleElement().asString()
                .startsWith("Sent ");
    }

    @Test
    void aSendTapUnderAnOlderQuestionSendsNothingElse() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + track);
        telegram.ask(ALICE, LINK + sandbox.trackIds().get(1));
        telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Bob Fisher");
        JsonNode olderQuestion = telegram.messages(ALICE).getLast();
        String olderSong = olderQuestion.path("text").asText();
        telegram.ask(ALICE, "changed my mind: " + LINK + sandbox.trackIds().get(2));
        List<String> asked = telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Bob Fisher");
        assertThat(asked).singleElement().asString().startsWith("Send ").isNotEqualTo(olderSong);

        // Telegram keeps the older question's buttons, unlike Messenger's quick replies: its "Send" still shows
        assertThat(telegram.tap(ALICE, olderQuestion, "Send")).singleElement().asString()
                .startsWith("That Send was for an earlier question, so I didn't send anything. ")
                .endsWith(asked.getFirst());
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains("Alice Archer sent you a song"));
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Send")).singleElement().asString()
                .startsWith("Sent ");
        assertThat(telegram.texts(BOB)).filteredOn(text -> text.contains("Alice Archer sent you a song"))
                .singleElement().asString().contains("“changed my mind”");
    }

    @Test
    void aNameTypedWithAZeroWidthSpaceFindsTheFriendItLooksLike() {
        registerAliceAndBob();

        assertThat(telegram.ask(ALICE, "/send Bob\u200B Fisher " + LINK + sandbox.trackIds().get(1))).singleElement()
                .asString().startsWith("Sent ").contains(" to Bob Fisher.");
        assertThat(telegram.awaitMessage(BOB, text -> text.contains("Alice Archer sent you a song"))).isNotEmpty();
    }

    @Test
    void wordsOnlyAfterTheLinkOfSendThatNameNobodyAreItsNoteAndTheBotAsksWhoItIsFor() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + track);
        String song = sandbox.trackIds().get(1);

        assertThat(telegram.ask(ALICE, "/send " + LINK + song + " you'll love this")).singleElement().asString()
                .startsWith("Who is it for?\nWith it: “you'll love this”\n\n🎵 ");
        JsonNode question = telegram.messages(ALICE).getLast();
        assertThat(button(question, "Invite \"you'll love this\"").path("callback_data").asText())
                .isEqualTo("to name:\"you'll love this\"");
        telegram.tap(ALICE, question, "Bob Fisher");
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Send")).singleElement().asString()
                .startsWith("Sent ");
        assertThat(telegram.awaitMessage(BOB, text -> text.contains("Alice Archer sent you a song")).getLast())
                .contains("\n“you'll love this”");
    }

    @Test
    void aTapUnderAnOlderWhichOneQuestionDoesNotAnswerTheNewerOne() {
        registerAliceAndBob();
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        assertThat(telegram.ask(ALICE, "/send Bob Fisher " + LINK + sandbox.trackIds().get(1))).singleElement()
                .asString().contains("Which one?");
        JsonNode older = telegram.messages(ALICE).getLast();
        telegram.ask(ALICE, "/send Bob Fisher " + LINK + sandbox.trackIds().get(2));
        JsonNode newer = telegram.messages(ALICE).getLast();
        String first = buttons(older).getFirst();

        // Telegram keeps the older question's buttons, unlike Messenger's quick replies
        assertThat(telegram.tap(ALICE, older, first)).singleElement().asString().as("the open one asked again")
                .startsWith("That tap answered an earlier question, so I did nothing.\n2 people are called Bob Fisher. "
                        + "Which one?");
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains("Alice Archer sent you a song"));
        assertThat(telegram.texts(CAROL)).noneMatch(text -> text.contains("Alice Archer sent you a song"));
        assertThat(telegram.tap(ALICE, newer, first)).as("the newer question still waits for its answer")
                .singleElement().asString().startsWith("Sent ");
    }

    @Test
    void aSendToOneOfTwoGroupsOfOneNameOffersEachAsAButtonAndOnlyTheOpenQuestionsTapSendsIt() {
        String question = carolInAlicesFamilyAndBobsFamily();

        assertThat(telegram.ask(CAROL, "/send group:Family " + LINK + track)).containsExactly(question);
        JsonNode older = telegram.messages(CAROL).getLast();
        assertThat(buttons(older)).containsExactly("1. Alice Archer's", "2. Bob Fisher's", "Don't send");
        String other = sandbox.trackIds().get(1);
        telegram.ask(CAROL, "/send group:Family pre:\"road trip\" " + LINK + other);

        // Telegram keeps the older question's buttons until one is tapped
        assertThat(telegram.tap(CAROL, older, "2. Bob Fisher's")).containsExactly("That tap answered an earlier "
                + "question, so I did nothing. " + question);
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains("sent a song"));
        JsonNode askedAgain = telegram.messages(CAROL).getLast();
        assertThat(telegram.tap(CAROL, askedAgain, "2. Bob Fisher's")).singleElement().asString()
                .startsWith("Sent ").contains(" to Family (Bob Fisher's) (1 person).");

        assertThat(telegram.texts(BOB)).filteredOn(text -> text.startsWith("🎵 Carol King sent a song to Family: "))
                .singleElement().asString().contains("\n“road trip”");
        assertThat(telegram.messages(BOB).getLast().toString()).contains(other);
        assertThat(telegram.texts(ALICE)).noneMatch(text -> text.contains("sent a song"));
    }

    @Test
    void membersAndLeaveGroupOfANameTwoGroupsHaveOfferEachAsAButtonThatRunsTheCommandForIt() {
        String question = carolInAlicesFamilyAndBobsFamily();

        assertThat(telegram.ask(CAROL, "/members Family")).containsExactly(question);
        JsonNode members = telegram.messages(CAROL).getLast();
        assertThat(buttons(members)).containsExactly("1. Alice Archer's", "2. Bob Fisher's", "Never mind");
        assertThat(telegram.tap(CAROL, members, "2. Bob Fisher's")).containsExactly("Family (Bob Fisher's) — made by "
                + "Bob Fisher, 2 members:\n• Bob Fisher (made the group)\n• Carol King");

        assertThat(telegram.ask(CAROL, "/leave_group Family")).containsExactly(question);
        JsonNode leave = telegram.messages(CAROL).getLast();
        assertThat(buttons(leave)).containsExactly("1. Alice Archer's", "2. Bob Fisher's", "Never mind");
        assertThat(telegram.tap(CAROL, leave, "1. Alice Archer's")).containsExactly("You've left Family (Alice "
                + "Archer's). Songs sent to it won't come to you any more.");
        assertThat(telegram.texts(ALICE)).contains("Carol King left your group Family.");
        assertThat(telegram.ask(CAROL, "/groups")).singleElement().asString()
                .contains("• Family — made by Bob Fisher, 2 members").doesNotContain("Alice Archer");
    }

    @Test
    void cancelTypedAtDeleteGroupsQuestionKeepsTheGroupAndItsYesStillUnderItAsksAgain() {
        registerAliceAndBob();
        telegram.ask(ALICE, "/create_group Family");
        telegram.ask(ALICE, "/add_to_group Family Bob Fisher");
        assertThat(telegram.ask(ALICE, "/send Bob Fisher " + LINK + track)).singleElement().asString()
                .startsWith("Sent ");
        assertThat(telegram.ask(ALICE, "/delete_group Family")).singleElement().asString()
                .startsWith("Delete the group Family? Its other member is told");
        JsonNode question = telegram.messages(ALICE).getLast();
        assertThat(buttons(question)).containsExactly("Yes, delete it", "No, keep it");

        assertThat(telegram.ask(ALICE, "cancel")).as("a no to the question, not the command").singleElement()
                .asString().startsWith("Hi Alice! Paste a Spotify link");
        // Telegram keeps the buttons of a question answered in words
        assertThat(telegram.tap(ALICE, question, "Yes, delete it")).singleElement().asString()
                .startsWith("Delete the group Family?");
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains("deleted"));
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Yes, delete it")).singleElement()
                .asString().isEqualTo("Deleted the group Family and told its other member.");
        assertThat(telegram.awaitMessage(BOB, text -> text.contains("deleted")).getLast())
                .isEqualTo("Alice Archer deleted the group Family.");
        assertThat(telegram.ask(ALICE, "/pending")).as("the song sent earlier still watched").singleElement()
                .asString().contains(" → Bob Fisher");
    }

    @Test
    void aCancelTapUnderAnOlderPendingListStopsTheSongItShowsThere() {
        registerAliceAndBob();
        List<String> titles = new ArrayList<>();
        for (String song : sandbox.trackIds().subList(0, 3)) {
            telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + song);
            titles.add(titleOf(BOB));
        }
        telegram.ask(ALICE, "/pending");
        JsonNode olderList = telegram.messages(ALICE).getLast();
        assertThat(olderList.path("text").asText()).contains("\n2. " + titles.get(1) + " → Bob Fisher");
        assertThat(telegram.ask(ALICE, "/cancel 1")).singleElement().asString()
                .isEqualTo("Stopped watching " + titles.get(0) + " for Bob Fisher.");

        // Telegram keeps the older list's buttons, unlike Messenger's quick replies: its "Cancel 2" still shows
        assertThat(telegram.tap(ALICE, olderList, "Cancel 2")).singleElement().asString()
                .isEqualTo("Stopped watching " + titles.get(1) + " for Bob Fisher.");
        assertThat(telegram.ask(ALICE, "/pending")).singleElement().asString()
                .contains("1. " + titles.get(2) + " → Bob Fisher").doesNotContain(titles.get(1));
    }

    @Test
    void helpForAWordThatIsNoCommandSaysSoAndOffersTheCommandMeant() {
        registerAliceAndBob();

        assertThat(telegram.ask(ALICE, "/help /sned")).singleElement().asString()
                .startsWith("There's no command called \"/sned\". You probably mean /send:\n/send name:\"Bob Fisher\"");
        JsonNode answer = telegram.messages(ALICE).getLast();
        assertThat(buttons(answer)).containsExactly("All commands");
        assertThat(String.join("\n", telegram.tap(ALICE, answer, "All commands")))
                .startsWith("Send Songs — share Spotify songs").contains("\n• /pending — ");
        assertThat(telegram.ask(ALICE, "/help <b>nonsense</b>").getFirst()).as("quoted as typed, not as markup")
                .startsWith("There's no command called \"<b>nonsense</b>\". These are the ones I know:\n"
                        + "Send Songs — share Spotify songs");
        assertThat(telegram.ask(ALICE, "/help /send")).singleElement().asString().startsWith("/send name:");
    }

    /** "/cancel" in "Stop one with: /cancel <number>" is a tap that sends just it: the answer asks which, with taps. */
    @Test
    void cancelWithoutANumberAsksWhichWithTheListsTaps() {
        registerAliceAndBob();
        List<String> titles = new ArrayList<>();
        for (String song : sandbox.trackIds().subList(0, 2)) {
            telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + song);
            titles.add(titleOf(BOB));
        }

        assertThat(telegram.ask(ALICE, "/cancel")).singleElement().asString()
                .startsWith("You have 2 songs pending. Say which: /cancel <number> or /cancel all.");
        JsonNode question = telegram.messages(ALICE).getLast();
        assertThat(buttons(question)).containsExactly("Cancel 1", "Cancel 2", "Cancel all");

        assertThat(telegram.tap(ALICE, question, "Cancel 2")).singleElement().asString()
                .isEqualTo("Stopped watching " + titles.get(1) + " for Bob Fisher.");
    }

    /** Bob played the first song since Alice's list: her typed numbers still mean the songs it showed. */
    @Test
    void aTypedCancelNumberMeansTheSongTheListShowedThereThoughTheListChangedSince() {
        registerAliceAndBob();
        List<String> songs = sandbox.trackIds().subList(0, 3);
        List<String> titles = new ArrayList<>();
        for (String song : songs) {
            telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + song);
            titles.add(titleOf(BOB));
        }
        telegram.ask(ALICE, "/pending");
        sandbox.play("bob-sp", songs.getFirst());
        sandbox.advanceMinutes(10);
        telegram.awaitMessage(ALICE, text -> text.startsWith("🎧 Bob Fisher listened to "));

        assertThat(telegram.ask(ALICE, "/cancel 2")).singleElement().asString()
                .isEqualTo("Stopped watching " + titles.get(1) + " for Bob Fisher.");
        assertThat(telegram.ask(ALICE, "/cancel 1")).singleElement().asString()
                .startsWith("Number 1 in the list I showed you isn't pending any more, so I cancelled nothing: "
                        + titles.getFirst() + " → Bob Fisher: played ")
                .endsWith("\nSee the list as it is now: /pending");
        assertThat(telegram.ask(ALICE, "/pending")).singleElement().asString()
                .contains("\n1. " + titles.get(2) + " → Bob Fisher").doesNotContain("\n2. ");
    }

    @Test
    void anEditTelegramRefusesLosesNothingAndAStaleTapIsStillAnswered() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send name:\"Alice Archer\" " + LINK + track);
        telegram.ask(ALICE, "listen to this: " + LINK + sandbox.trackIds().get(1));
        JsonNode question = telegram.messages(ALICE).getLast();
        int before = telegram.texts(ALICE).size();
        // the two calls the tap makes, in whichever order: the edit of its keyboard and the bot's answer
        telegram.control().fault("telegram", 502, 2, 0);

        String tap = telegram.press(ALICE, ALICE, question.path("message_id").asLong(),
                button(question, "Bob Fisher").path("callback_data").asText());

        assertThat(telegram.awaitAnswer(tap).path("answered").asBoolean()).isTrue();
        sandbox.advanceMinutes(2);
        List<String> answered = telegram.await(ALICE, chat -> chat.size() > before);
        assertThat(answered.subList(before, answered.size())).as("the answer, sent again until taken, once")
                .singleElement().asString().startsWith("Send ").endsWith(" to Bob Fisher?\nWith it: “listen to this”");
        assertThat(buttons(telegram.shown(ALICE, question.path("message_id").asLong())))
                .as("the refused edit is not tried again").contains("Bob Fisher");
        assertThat(telegram.tap(ALICE, telegram.messages(ALICE).getLast(), "Send")).singleElement().asString()
                .startsWith("Sent ");

        assertThat(telegram.tap(ALICE, question, "Bob Fisher")).as("a stale tap, answered with where its song went")
                .singleElement().asString().startsWith("That tap was for ")
                .endsWith(", which you already sent to Bob Fisher just now, so I did nothing.");
        assertThat(buttons(telegram.awaitShown(ALICE, question.path("message_id").asLong(),
                shown -> buttons(shown).size() == 1))).containsExactly("Open in Spotify");
        assertThat(telegram.texts(BOB)).filteredOn(text -> text.startsWith("🎵 Alice Archer sent you a song"))
                .hasSize(1);
    }

    @Test
    void aForwardedPostWhoseLinkIsSetOnAWordStartsAShare() {
        registerAliceAndBob();
        String song = sandbox.trackIds().get(2);
        int before = telegram.texts(ALICE).size();

        SandboxClient.Response forwarded = sandbox.post("/sandbox/telegram/send", "{\"from\":" + ALICE + ",\"text\":"
                + "\"Out today. Listen\",\"text_links\":[{\"offset\":11,\"length\":6,\"url\":\"" + LINK + song
                + "\"}]}");

        assertThat(forwarded.status()).isEqualTo(200);
        assertThat(telegram.await(ALICE, chat -> chat.size() > before).get(before)).startsWith("Who is it for?")
                .contains("\n\n🎵 ");
        assertThat(links(telegram.messages(ALICE).get(before))).containsExactly(LINK + song);
        assertThat(telegram.ask(ALICE, "Bob Fisher")).singleElement().asString().startsWith("Send ")
                .endsWith(" to Bob Fisher?\nWith it: “Out today. Listen”");
    }

    @Test
    void aPhotoWhoseCaptionHoldsASongLinkStartsAShareAndASendAnsweringOneInAGroupSharesIt() {
        String song = sandbox.trackIds().get(3);
        bandWithBobAndCarolCountedIn();
        int before = telegram.texts(ALICE).size();

        SandboxClient.Response photo = sandbox.post("/sandbox/telegram/send", "{\"from\":" + ALICE + ",\"media\":"
                + "\"photo\",\"caption\":\"the view from the gig " + LINK + song + "\"}");

        assertThat(photo.status()).isEqualTo(200);
        assertThat(telegram.await(ALICE, chat -> chat.size() > before).get(before)).startsWith("Who is it for?")
                .contains("With it: “the view from the gig”");
        telegram.ask(ALICE, "no");

        SandboxClient.Response inGroup = sandbox.post("/sandbox/telegram/send", "{\"from\":" + CAROL + ",\"chat\":"
                + BAND + ",\"media\":\"photo\",\"caption\":\"new single " + LINK + song + "\"}");
        assertThat(sandbox.post("/sandbox/telegram/send", "{\"from\":" + ALICE + ",\"chat\":" + BAND + ",\"text\":"
                + "\"/send@SendSongsSandboxBot\",\"reply_to\":" + inGroup.json().path("message_id").asLong() + "}")
                .status()).isEqualTo(200);

        assertThat(telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band"))).isNotEmpty();
    }

    @Test
    void theSongArrivesWithDontTellAndBlockButtonsThatWork() {
        registerAliceAndBob();
        telegram.ask(ALICE, "/send name:\"Bob Fisher\" pre:\"the bridge!\" " + LINK + track);

        JsonNode song = telegram.messages(BOB).getLast();
        assertThat(song.path("text").asText()).startsWith("🎵 Alice Archer sent you a song: ").contains("“the bridge!”");
        assertThat(button(song, "Open in Spotify").path("url").asText()).isEqualTo(LINK + track);
        assertThat(button(song, "Don't tell Alice").path("callback_data").asText())
                .matches("receipts off song [0-9a-f-]{36}");
        assertThat(button(song, "Block Alice").path("callback_data").asText()).matches("block song [0-9a-f-]{36}");
        song.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(button -> assertThat(
                button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8))
                .as("Telegram's callback_data limit").hasSizeLessThanOrEqualTo(64)));

        assertThat(telegram.tap(BOB, song, "Don't tell Alice")).containsExactly("Done: I won't tell Alice Archer "
                + "when you play their songs. They still come to you, notes and all; when they send one, they're told you don't share plays.");
        assertThat(telegram.tap(BOB, song, "Block Alice")).containsExactly("Blocked Alice Archer: I won't pass on "
                + "their songs, and they aren't told.");
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + sandbox.trackIds().get(1)))
                .singleElement().asString().startsWith("I couldn't deliver ").endsWith(", so nothing was sent.");
    }

    @Test
    void aSongFromTelegramReachesMessengerAndThePlayIsToldBackOnTelegram() {
        assertThat(telegram.register(ALICE, "Alice", "alice-sp", "Alice Archer")).startsWith("Welcome");
        assertThat(sandbox.register("mo", "mo-sp", "Mo Salah")).startsWith("Welcome, Mo Salah!");

        telegram.ask(ALICE, "/send name:\"Mo Salah\" post:\"knew it\" " + LINK + track);

        assertThat(sandbox.lastText("mo")).contains("Alice Archer sent you a song");
        assertThat(sandbox.lastCard("mo").path("default_action").path("url").asText()).isEqualTo(LINK + track);
        sandbox.play("mo-sp", track);
        sandbox.advanceMinutes(10);
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("🎧 Mo Salah listened to "))).isNotEmpty();
        assertThat(sandbox.lastMessage("mo")).contains("Alice Archer's note on").contains("knew it");
    }

    @Test
    void aSongFromMessengerReachesTelegramAndThePlayIsToldBackOnMessenger() {
        assertThat(sandbox.register("mo", "mo-sp", "Mo Salah")).startsWith("Welcome, Mo Salah!");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome");

        sandbox.ask("mo", "send_song name:\"Bob Fisher\" pre:\"for you\" post:\"knew it\" " + LINK + track);

        assertThat(telegram.last(BOB)).contains("Mo Salah sent you a song").contains("for you");
        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);
        assertThat(sandbox.awaitMessage("mo", text -> text.startsWith("🎧 Bob Fisher listened to "))).isNotEmpty();
        assertThat(telegram.last(BOB)).contains("Mo Salah's note on").contains("knew it");
    }

    @Test
    void sentencesThatStartWithAPersianOrHebrewNameReadLeftToRightOnBothPlatforms() {
        assertThat(sandbox.register("mo", "mo-sp", "علی رضا")).startsWith("Welcome, علی رضا!");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "דנה כהן")).startsWith("Welcome");

        sandbox.ask("mo", "send_song name:\"דנה כהן\" pre:\"for you\" " + LINK + track);

        assertThat(telegram.last(BOB)).startsWith("\u200E🎵 علی رضا sent you a song");
        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);
        assertThat(sandbox.awaitMessage("mo", text -> text.contains("listened to "))).isNotEmpty()
                .last().asString().startsWith("\u200E🎧 דנה כהן listened to ");
    }

    @Test
    void aLinkPastedOnMessengerOffersTwoFriendsOfOneNameOnTheTwoPlatformsAsTapsThatTellThemApart() {
        assertThat(sandbox.register("mo", "mo-sp", "Mo Salah")).startsWith("Welcome, Mo Salah!");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        assertThat(sandbox.register("bobm", "bobm-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        List<String> tracks = sandbox.trackIds();
        telegram.ask(BOB, "/send name:\"Mo Salah\" " + LINK + tracks.get(0));
        sandbox.ask("bobm", "send_song name:\"Mo Salah\" " + LINK + tracks.get(1));

        sandbox.ask("mo", LINK + tracks.get(2), 2);

        List<String> titles = new ArrayList<>();
        sandbox.lastSent("mo").path("quick_replies").forEach(reply -> titles.add(reply.path("title").asText()));
        assertThat(titles).as("each Bob Fisher told apart, as a friend would: by their chat app")
                .containsExactly("Bob · Messenger", "Bob · Telegram", "Someone else");
        assertThat(sandbox.tapTitled("mo", "Bob · Telegram").getFirst()).startsWith("Send ");
        assertThat(sandbox.tapTitled("mo", "Send").getLast()).startsWith("Sent ").contains("Bob Fisher");
        assertThat(telegram.last(BOB)).contains("Mo Salah sent you a song");
    }

    @Test
    void blockingABobFisherWhoSentASongAsksWhichOneWhenTheOtherIsAFriendTooAndShowsNoAccountId() {
        assertThat(sandbox.register("mo", "mo-sp", "Mo Salah")).startsWith("Welcome, Mo Salah!");
        assertThat(sandbox.register("bobm", "bobm-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        List<String> tracks = sandbox.trackIds();
        telegram.ask(BOB, "/send name:\"Mo Salah\" " + LINK + tracks.get(0));
        sandbox.ask("mo", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(1));
        sandbox.tapTitled("mo", "1. Bob · Messenger");

        String asked = sandbox.ask("mo", "block Bob Fisher").getLast();

        assertThat(asked).as("the Bob who sent a song does not settle it: Mo knows two").contains("Which one?")
                .doesNotContain("bobm").doesNotContain(Long.toString(BOB));
        List<String> titles = new ArrayList<>();
        sandbox.lastSent("mo").path("quick_replies").forEach(reply -> titles.add(reply.path("title").asText()));
        assertThat(titles).hasSize(3).allMatch(title -> !title.contains("bobm") && !title.contains(Long.toString(BOB)))
                .last().isEqualTo("Never mind");
        assertThat(sandbox.tapTitled("mo", titles.get(1)).getLast()).startsWith("Blocked Bob Fisher (on Messenger)");
    }

    @Test
    void thePlayNoticeSaysWhichOfTwoFriendsOfOneNameListenedByTheirChatApp() {
        assertThat(sandbox.register("mo", "mo-sp", "Mo Salah")).startsWith("Welcome, Mo Salah!");
        assertThat(sandbox.register("bobm", "bobm-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        List<String> tracks = sandbox.trackIds();
        assertThat(sandbox.ask("mo", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(0)).getLast())
                .contains("Which one?");
        assertThat(sandbox.tapTitled("mo", "1. Bob · Messenger").getLast()).as("as the question told them apart")
                .startsWith("Sent ").contains(" to Bob Fisher (on Messenger). ");
        sandbox.ask("mo", "send_song name:\"Bob Fisher\" " + LINK + tracks.get(1));
        assertThat(sandbox.tapTitled("mo", "2. Bob · Telegram").getLast()).startsWith("Sent ")
                .contains(" to Bob Fisher (on Telegram). ");

        sandbox.play("bob-sp", tracks.get(1));
        sandbox.advanceMinutes(10);

        assertThat(sandbox.awaitMessage("mo", text -> text.startsWith("🎧 Bob Fisher (on Telegram) listened to ")))
                .as("not just \"Bob Fisher\", which Mo could not tell from the one on Messenger").isNotEmpty();
    }

    @Test
    void membersOfAGroupWithAFriendOfOneNameOnEachPlatformTellsThemApart() {
        assertThat(sandbox.register("mo", "mo-sp", "Mo Salah")).startsWith("Welcome, Mo Salah!");
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        assertThat(sandbox.register("bobm", "bobm-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        sandbox.ask("mo", "create_group Mixed");
        assertThat(sandbox.ask("mo", "add_to_group Mixed Bob Fisher").getLast()).contains("Which one?");
        assertThat(sandbox.tapTitled("mo", "1. Bob · Messenger").getLast()).startsWith("Added Bob Fisher to Mixed");
        sandbox.ask("mo", "add_to_group Mixed Bob Fisher");
        assertThat(sandbox.tapTitled("mo", "2. Bob · Telegram").getLast()).startsWith("Added Bob Fisher to Mixed");

        assertThat(sandbox.ask("mo", "members Mixed")).singleElement().asString().isEqualTo("Mixed — your group, "
                + "3 members:\n• Bob Fisher (on Messenger)\n• Mo Salah (made the group)\n• Bob Fisher (on Telegram)");
        assertThat(telegram.ask(BOB, "/members Mixed")).singleElement().asString().isEqualTo("Mixed — made by Mo "
                + "Salah, 3 members:\n• Bob Fisher (on Messenger)\n• Mo Salah (made the group)\n• Bob Fisher (on "
                + "Telegram)");
    }

    @Test
    void aSongFromMessengerToATelegramUsernameReachesThePersonWhoHasIt() {
        registerMoOnMessengerAndCarolKOnTelegram();

        List<String> replies = sandbox.ask("mo", "send_song @CarolK pre:\"for you\" " + LINK + track);

        assertThat(replies.getLast()).startsWith("Sent ").contains("Carol King");
        assertThat(telegram.last(CAROL)).contains("Mo Salah sent you a song").contains("for you");
    }

    @Test
    void aUsernameItsOwnerGaveUpAndSomeoneElseTookNeverReachesItsFormerOwner() {
        registerMoOnMessengerAndCarolKOnTelegram();
        long mallory = 733_100_200L;
        telegram.ask(CAROL, "/pending"); // the bot reads her profile once a run, at her first message: carolk still
        // she takes another username; the bot has no cause to read her profile again, so it still holds carolk for her
        telegram.control().telegramSays(CAROL, "Carol", "King", "carolqueen", "/history");
        telegram.control().telegramSays(mallory, "Mallory", "", "carolk", "/start");
        telegram.await(mallory, chat -> !chat.isEmpty());
        int carols = telegram.texts(CAROL).size();

        assertThat(sandbox.ask("mo", "send_song @carolk " + LINK + track).getLast())
                .startsWith("Nobody with the username @carolk has connected with me yet");
        assertThat(sandbox.ask("mo", "send_song @carolqueen " + LINK + track).getLast())
                .as("Carol is found by the username she has now").startsWith("Sent ").contains("Carol King");

        Matcher link = PERSONAL_LINK.matcher(telegram.ask(mallory, "/connect spotify").getLast());
        assertThat(link.find()).isTrue();
        assertThat(sandbox.consentThrough(link.group(), "spotify", "mallory-sp").status()).isEqualTo(200);
        telegram.awaitMessage(mallory, text -> text.startsWith("Welcome, Mallory"));
        assertThat(sandbox.ask("mo", "send_song @carolk " + LINK + sandbox.trackIds().get(1)).getLast())
                .as("the username is Mallory's now, as on Telegram").startsWith("Sent ").contains("Mallory");
        assertThat(telegram.texts(CAROL).stream().skip(carols).filter(text -> text.contains("sent you a song")))
                .as("Carol got only the song sent to her new username").hasSize(1);
    }

    @Test
    void aUsernameChangedIsLearntFromThePersonsNextMessageAndOneGivenUpAndTakenMovesToItsNewHolder() {
        registerMoOnMessengerAndCarolKOnTelegram();
        assertThat(telegram.register(BOB, "Bob", "bob-sp", "Bob Fisher")).startsWith("Welcome, Bob Fisher!");
        telegram.ask(CAROL, "/pending"); // the bot reads her profile once a run, at her first message: carolk still

        telegram.control().telegramSays(CAROL, "Carol", "King", "carol_queen", "/history");
        assertThat(sandbox.ask("mo", "send_song @carol_queen " + LINK + track).getLast())
                .as("learnt from her message, not from a look-up of carolk").startsWith("Sent ").contains("Carol King");

        telegram.control().telegramSays(CAROL, "Carol", "King", "", "/history"); // she gives it up
        telegram.control().telegramSays(BOB, "Bob", "Fisher", "carol_queen", "/history"); // and Bob takes it
        assertThat(sandbox.ask("mo", "send_song @carol_queen " + LINK + sandbox.trackIds().get(1)).getLast())
                .as("the username is Bob's now, as on Telegram").startsWith("Sent ").contains("Bob Fisher");
        assertThat(telegram.texts(CAROL).stream().filter(text -> text.contains("Mo Salah sent you a song")))
                .hasSize(1);
    }

    @Test
    void aSendToAUsernameThatMovedToSomeoneElseGoesToItsHolderNowNeverToTheFormerOne() {
        registerAliceAndBob();
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        telegram.control().telegramSays(BOB, "Bob", "Fisher", "sam_s", "/history");
        assertThat(telegram.ask(ALICE, "/send @sam_s " + LINK + track).getLast()).startsWith("Sent ")
                .contains("Bob Fisher");
        int bobs = telegram.texts(BOB).size();
        telegram.control().telegramGroup(BAND, "Friday Band", List.of(BOB, CAROL));
        // Bob takes another username in his app; his next message, in the group, is none the bot sees
        assertThat(telegram.control().telegramSaysIn(BAND, BOB, "sam_fisher", "hello all").path("delivered").asBoolean()).isFalse();
        telegram.control().telegramSays(CAROL, "Carol", "Chen", "sam_s", "/history"); // and Carol takes it

        assertThat(telegram.ask(ALICE, "/send @sam_s " + LINK + sandbox.trackIds().get(1)).getLast())
                .as("the username is Carol's now, as on Telegram").startsWith("Sent ").contains("Carol Chen");
        assertThat(telegram.last(CAROL)).contains("Alice Archer sent you a song");
        assertThat(telegram.texts(BOB).stream().skip(bobs).filter(text -> text.contains("sent you a song")))
                .as("Bob, who held it before, gets nothing").isEmpty();
    }

    @Test
    void aTelegramUsernameAddedToAGroupOnMessengerRemovesThemFromItToo() {
        registerMoOnMessengerAndCarolKOnTelegram();
        sandbox.ask("mo", "create_group Family");
        assertThat(sandbox.ask("mo", "add_to_group Family @carolk")).singleElement().asString()
                .startsWith("Added Carol King to Family");

        assertThat(sandbox.ask("mo", "remove_from_group Family @CarolK")).singleElement().asString()
                .isEqualTo("Removed Carol King from Family.");
        assertThat(telegram.last(CAROL)).isEqualTo("Mo Salah removed you from the group Family. Songs sent to it "
                + "won't come to you any more.");
        assertThat(sandbox.ask("mo", "remove_from_group Family @carolk")).singleElement().asString()
                .isEqualTo("Nobody called \"@carolk\" is in Family. See who is with: members Family");
    }

    @Test
    void theLeaveGroupOfTheAddedNoticeIsATapThatOffersTheGroupsToLeave() {
        registerMoOnMessengerAndCarolKOnTelegram();
        sandbox.ask("mo", "create_group Family");
        sandbox.ask("mo", "add_to_group Family @carolk");
        assertThat(telegram.last(CAROL)).endsWith("send: /leave_group Family");
        telegram.ask(CAROL, "/create_group Book Club");

        // Telegram sends a /command tapped in a message by itself, without the words after it
        assertThat(telegram.ask(CAROL, "/leave_group")).singleElement().asString()
                .isEqualTo("Which group? /leave_group <group>");
        JsonNode question = telegram.messages(CAROL).getLast();
        assertThat(buttons(question)).as("not her own group, which she cannot leave")
                .containsExactly("Family", "Show an example", "Menu");
        assertThat(telegram.tap(CAROL, question, "Family")).singleElement().asString()
                .startsWith("You've left Family.");
        assertThat(sandbox.lastMessage("mo")).isEqualTo("Carol King left your group Family.");
        telegram.ask(CAROL, "/members");
        assertThat(buttons(telegram.messages(CAROL).getLast())).containsExactly("Book Club", "Show an example", "Menu");
    }

    @Test
    void aLinkPastedOnMessengerForATelegramUsernameIsOneTapFromSent() {
        registerMoOnMessengerAndCarolKOnTelegram();

        assertThat(sandbox.ask("mo", "for @carolk " + LINK + track, 2).getFirst()).as("the question, then the song")
                .startsWith("Send ").endsWith(" to Carol King?");
        assertThat(sandbox.tapTitled("mo", "Send").getLast()).startsWith("Sent ").contains("Carol King");

        assertThat(telegram.last(CAROL)).contains("Mo Salah sent you a song").doesNotContain("for @carolk");
    }

    @Test
    void aSongSharedInAGroupChatGoesToEveryoneCountedInAndTheChatCountsThePlays() {
        registerAliceAndBob();
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB, CAROL));
        JsonNode welcome = awaitGroupMessages(1).getFirst();
        assertThat(welcome.path("text").asText()).startsWith("Hi Friday Band! I'm Send Songs.");

        JsonNode bobsTap = telegram.awaitAnswer(telegram.press(BOB, BAND, welcome.path("message_id").asLong(), "join"));
        telegram.awaitAnswer(telegram.press(CAROL, BAND, welcome.path("message_id").asLong(), "join"));
        assertThat(bobsTap.path("text").asText()).isEqualTo("You're in: songs shared in Friday Band come to you "
                + "privately.");

        telegram.sayIn(BAND, ALICE, "/send@SendSongsSandboxBot " + LINK + track + " for the band post:\"told you\"");

        assertThat(telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band"))).isNotEmpty();
        assertThat(telegram.awaitMessage(CAROL, text -> text.contains("shared a song in Friday Band"))).isNotEmpty();
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Sent ") && text.contains("2 people"))).isNotEmpty();
        assertThat(awaitGroupMessages(2).getLast().path("text").asText()).contains("Played by 0 of 2 so far.");
        int posted = telegram.messages(BAND).size();

        sandbox.play("bob-sp", track);
        sandbox.advanceMinutes(10);
        assertThat(telegram.awaitMessage(BAND, text -> text.contains("Played by 1 of 2 so far: Bob Fisher.")))
                .hasSize(posted);
        assertThat(telegram.last(BOB)).contains("Alice Archer's note on").contains("told you");

        sandbox.play("carol-sp", track);
        sandbox.advanceMinutes(10);
        assertThat(telegram.awaitMessage(BAND, text -> text.contains("Played by 2 of 2: Bob Fisher, Carol Chen.")))
                .as("the song's message was edited, nothing new was posted").hasSize(posted);
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("2 of 2 played ")
                && text.contains("(sent to Friday Band)"))).isNotEmpty();
        assertThat(telegram.messages(BAND).getLast().has("edit_date")).isTrue();
    }

    @Test
    void aChatTitleThatTurnsTheReadingDirectionOrBreaksTheLineIsShownPlainInTheBotsMessages() {
        registerAliceAndBob();
        // U+202E turns the rest of a line right to left: in the middle of the bot's sentence it would garble what
        // follows; a line break would let a title pass for a line of the bot's own
        telegram.group(BAND, "Friday\u202E dnaB\nBob Fisher played it", List.of(ALICE, BOB));
        JsonNode welcome = awaitGroupMessages(1).getFirst();
        assertThat(welcome.path("text").asText()).startsWith("Hi Friday dnaB Bob Fisher played it! I'm Send Songs.");
        JsonNode tap = telegram.awaitAnswer(telegram.press(BOB, BAND, welcome.path("message_id").asLong(), "join"));
        assertThat(tap.path("text").asText())
                .isEqualTo("You're in: songs shared in Friday dnaB Bob Fisher played it come to you privately.");

        telegram.sayIn(BAND, ALICE, "/send@SendSongsSandboxBot " + LINK + track);

        assertThat(telegram.awaitMessage(BOB, text -> text.contains("shared a song in")).getLast())
                .contains("Alice Archer shared a song in Friday dnaB Bob Fisher played it").doesNotContain("\u202E");
    }

    @Test
    void aSendInAGroupChatNamingOnePersonAsInThePrivateChatGoesToNobodyAndSaysWhereItWould() {
        bandWithBobAndCarolCountedIn();

        telegram.sayIn(BAND, ALICE, "/send@SendSongsSandboxBot name:\"Bob Fisher\" pre:\"just for you\" " + LINK + track);

        assertThat(telegram.awaitMessage(BAND, text -> text.startsWith("Here /send shares a song with everyone "))
                .getLast()).isEqualTo("Here /send shares a song with everyone counted in, so I didn't send it. To "
                + "send it to one person or one of your groups, send it to me in our private chat: "
                + "https://t.me/SendSongsSandboxBot?start=group");
        telegram.sayIn(BAND, ALICE, "/send@SendSongsSandboxBot group:Family " + LINK + track);
        telegram.await(BAND, texts -> texts.stream().filter(text -> text.startsWith("Here /send")).count() == 2);
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains("shared a song"));
        assertThat(telegram.texts(CAROL)).noneMatch(text -> text.contains("shared a song"));
        assertThat(telegram.texts(BAND)).noneMatch(text -> text.contains("Played by"));

        telegram.sayIn(BAND, ALICE, "/send@SendSongsSandboxBot " + LINK + track + " say my name: Alice");
        assertThat(telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band")).getLast())
                .as("a word ending in a colon in a note is still a note").contains("say my name: Alice");
    }

    @Test
    void aGroupPhraseSaidToTheBotInAGroupChatPointsToThePrivateChatAndCountsNobodyOut() {
        bandWithBobAndCarolCountedIn();
        telegram.ask(ALICE, "create a group called Family");
        telegram.ask(ALICE, "add Bob Fisher to Family");

        JsonNode hidden = telegram.sayIn(BAND, BOB, "leave Family");
        assertThat(hidden.path("delivered").asBoolean()).as("privacy mode: plain words are not the bot's").isFalse();
        telegram.sayIn(BAND, BOB, "@SendSongsSandboxBot leave Family");

        assertThat(telegram.awaitMessage(BAND, text -> text.startsWith("Groups of your own")).getLast())
                .isEqualTo("Groups of your own (made, filled, left) are kept in our private chat: "
                        + "https://t.me/SendSongsSandboxBot?start=group. Here: /send <Spotify link> <note>, /join, "
                        + "/leave, /who.");
        assertThat(telegram.ask(ALICE, "who is in Family?").getLast()).contains("Bob Fisher");
        telegram.sayIn(BAND, ALICE, "/who@SendSongsSandboxBot");
        assertThat(telegram.awaitMessage(BAND, text -> text.startsWith("Songs shared here go to")).getLast())
                .as("Bob still counted in").contains("Bob Fisher");
    }

    @Test
    void aGroupIsMadeInPlainWordsAndFilledByTappingItsButtons() {
        registerAliceAndBob();
        telegram.ask(BOB, "/send Alice Archer " + LINK + track);
        telegram.awaitMessage(ALICE, text -> text.contains("sent you a song"));

        assertThat(telegram.ask(ALICE, "/groups")).singleElement().asString().isEqualTo("You're not in any group "
                + "yet. Make one with: /create_group name:\"<group>\"");
        JsonNode none = telegram.messages(ALICE).getLast();
        assertThat(TelegramPeople.buttons(none)).containsExactly("Make a group");
        assertThat(telegram.tap(ALICE, none, "Make a group")).singleElement().asString()
                .isEqualTo("What should the group be called? Type its name, like Family or Road Trip.");
        assertThat(telegram.ask(ALICE, "Road Trip")).singleElement().asString()
                .startsWith("Created the group Road Trip. Add people who have registered with me: /add_to_group "
                        + "\"Road Trip\" \"<full name>\"");
        JsonNode created = telegram.messages(ALICE).getLast();
        assertThat(TelegramPeople.buttons(created)).containsExactly("Add Bob Fisher");
        assertThat(TelegramPeople.button(created, "Add Bob Fisher").path("callback_data").asText())
                .isEqualTo("add_to_group \"Road Trip\" \"Bob Fisher\"");

        assertThat(telegram.tap(ALICE, created, "Add Bob Fisher")).singleElement().asString()
                .startsWith("Added Bob Fisher to Road Trip (2 members).");
        assertThat(TelegramPeople.buttons(telegram.messages(ALICE).getLast())).containsExactly("See members");
        JsonNode added = telegram.messages(BOB).getLast();
        assertThat(TelegramPeople.buttons(added)).containsExactly("Leave Road Trip");
        assertThat(telegram.ask(BOB, "leave the Road Trip group")).singleElement().asString()
                .startsWith("You've left Road Trip.");
    }

    @Test
    void leaveGroupTypedPrivatelyForAGroupChatSaysHowThatChatsSongsStop() {
        registerAliceAndBob();
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        long welcome = awaitGroupMessages(1).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));

        assertThat(telegram.ask(BOB, "/leave_group Friday Band")).singleElement().asString()
                .isEqualTo("You're not in a group called \"Friday Band\", and you're in no group now. Make one "
                        + "with: /create_group name:\"<group>\"\n"
                        + "If you meant a group chat: songs shared there come to you while you're counted in, and "
                        + "/leave sent in that chat stops them.");
        telegram.sayIn(BAND, BOB, "/leave@SendSongsSandboxBot");
        telegram.awaitMessage(BAND, text -> text.startsWith("Bob Fisher is counted out"));
        assertThat(telegram.ask(BOB, "/leave_group Friday Band")).as("counted in nowhere now").singleElement()
                .asString().isEqualTo("You're not in a group called \"Friday Band\", and you're in no group now. "
                        + "Make one with: /create_group name:\"<group>\"");
    }

    @Test
    void aGroupChatsTitleGivenPrivatelyForWhoASongIsForSaysToShareItInTheChatAndInvitesNobody() {
        registerAliceAndBob();
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        long welcome = awaitGroupMessages(1).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));

        assertThat(telegram.ask(BOB, "/send to Friday Band " + LINK + track)).singleElement().asString()
                .isEqualTo("Friday Band is a group chat, so I didn't invite anyone by that name. To share a song "
                        + "there, send /send with the link in that chat: it goes to everyone counted in there.");
        assertThat(telegram.ask(ALICE, "/send to Friday Band " + LINK + track)).as("not counted in there")
                .singleElement().asString().startsWith("I don't know anyone called \"Friday Band\" yet.");
    }

    @Test
    void aGroupChatsTitleIsLearntFromTheChatAndItsRenameSoTellingItFromAFriendsNameCallsNoGetChat() {
        registerAliceAndBob();
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        long welcome = awaitGroupMessages(1).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));
        telegram.control().telegramRenameGroup(BAND, ALICE, "Saturday Band");
        telegram.ask(BOB, "/pending"); // the bot reads his profile once a run, at his first message
        int getChats = telegram.control().telegramStats().path("calls").path("getchat").asInt();

        assertThat(telegram.ask(BOB, "/send to Saturday Band " + LINK + track)).singleElement().asString()
                .startsWith("Saturday Band is a group chat, so I didn't invite anyone by that name.");
        assertThat(telegram.control().telegramStats().path("calls").path("getchat").asInt()).isEqualTo(getChats);
        assertThat(telegram.ask(BOB, "/send to Friday Band " + LINK + track)).as("its old title is nobody's")
                .singleElement().asString().startsWith("I don't know anyone called \"Friday Band\" yet.");
        assertThat(telegram.control().telegramStats().path("calls").path("getchat").asInt()).isEqualTo(getChats);
    }

    @Test
    void aGroupUpgradedToASupergroupKeepsWhoIsCountedInUnderItsNewId() {
        registerAliceAndBob();
        telegram.group(BASIC_GROUP, "Friday Band", List.of(ALICE, BOB));
        telegram.await(BASIC_GROUP, texts -> !texts.isEmpty());
        long welcome = telegram.messages(BASIC_GROUP).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BASIC_GROUP, welcome, "join"));

        JsonNode upgrade = telegram.control().telegramUpgradeGroup(BASIC_GROUP, ALICE, SUPERGROUP);
        assertThat(upgrade.path("updates").findValues("delivered")).allMatch(JsonNode::asBoolean);
        telegram.sayIn(SUPERGROUP, ALICE, "/send@SendSongsSandboxBot " + LINK + track + " still here");

        assertThat(telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band")).getLast())
                .contains("still here");
        assertThat(telegram.awaitMessage(SUPERGROUP, text -> text.contains("Played by 0 of 1 so far."))).isNotEmpty();
    }

    @Test
    void leaveInTheSupergroupStopsTheSongsSharedBeforeTheUpgradeAndTheirCountGoesOnThere() {
        registerAliceAndBob();
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        telegram.group(BASIC_GROUP, "Friday Band", List.of(ALICE, BOB, CAROL));
        telegram.awaitMessage(BASIC_GROUP, text -> text.startsWith("Hi Friday Band"));
        long welcome = telegram.messages(BASIC_GROUP).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BASIC_GROUP, welcome, "join"));
        telegram.awaitAnswer(telegram.press(CAROL, BASIC_GROUP, welcome, "join"));
        telegram.sayIn(BASIC_GROUP, ALICE, "/send@SendSongsSandboxBot " + LINK + track + " before the upgrade");
        telegram.awaitMessage(BASIC_GROUP, text -> text.contains("Played by 0 of 2 so far."));
        telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band"));
        int alices = telegram.texts(ALICE).size();

        // Bob upgrades it, so his /leave is handled after the upgrade, as his own events are in order.
        telegram.control().telegramUpgradeGroup(BASIC_GROUP, BOB, SUPERGROUP);
        telegram.sayIn(SUPERGROUP, BOB, "/leave@SendSongsSandboxBot");
        telegram.awaitMessage(SUPERGROUP, text -> text.equals("Bob Fisher is counted out: songs shared here no "
                + "longer go to them."));
        sandbox.play("bob-sp", track);
        sandbox.play("carol-sp", track);
        sandbox.advanceMinutes(10);

        assertThat(telegram.awaitMessage(SUPERGROUP, text -> text.contains("Played by 1 of 1: Carol Chen.")))
                .as("the song's message, shown anew in the supergroup and edited there")
                .filteredOn(text -> text.contains("before the upgrade")).hasSize(1);
        List<String> toldAlice = telegram.awaitMessage(ALICE, text -> text.startsWith("1 of 1 played "));
        assertThat(toldAlice.subList(alices, toldAlice.size())).as("Bob's play, after his /leave, is not told")
                .noneMatch(text -> text.startsWith("🎧 Bob Fisher"))
                .anyMatch(text -> text.endsWith("Not counted, stopped getting the chat's songs: Bob Fisher."));
    }

    @Test
    void commandsInTheSupergroupHandledBeforeTheUpgradeItselfFindWhoWasCountedIn() throws SQLException {
        registerAliceAndBob();
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        telegram.group(BASIC_GROUP, "Friday Band", List.of(ALICE, BOB, CAROL));
        telegram.awaitMessage(BASIC_GROUP, text -> text.startsWith("Hi Friday Band"));
        long welcome = telegram.messages(BASIC_GROUP).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BASIC_GROUP, welcome, "join"));
        telegram.awaitAnswer(telegram.press(CAROL, BASIC_GROUP, welcome, "join"));

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("send-songs.db"))) {
            // Carol upgrades the group while a worker holds her events (busy with an earlier one): her upgrade's
            // service message waits, and Bob's and Alice's commands in the supergroup are handled first.
            holdEventsOf(db, CAROL, true);
            telegram.control().telegramUpgradeGroup(BASIC_GROUP, CAROL, SUPERGROUP);
            telegram.sayIn(SUPERGROUP, BOB, "/leave@SendSongsSandboxBot");
            assertThat(telegram.awaitMessage(SUPERGROUP, text -> text.startsWith("Bob Fisher ")).getLast())
                    .isEqualTo("Bob Fisher is counted out: songs shared here no longer go to them.");
            telegram.sayIn(SUPERGROUP, ALICE, "/send@SendSongsSandboxBot " + LINK + track + " after the upgrade");
            assertThat(telegram.awaitMessage(CAROL, text -> text.contains("shared a song in Friday Band")))
                    .isNotEmpty();
            holdEventsOf(db, CAROL, false);
        }
        telegram.sayIn(SUPERGROUP, CAROL, "/who@SendSongsSandboxBot");

        assertThat(telegram.awaitMessage(SUPERGROUP, text -> text.startsWith("Songs shared here go to")).getLast())
                .contains("Carol Chen").doesNotContain("Bob Fisher");
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains("after the upgrade"));
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

    @Test
    void aSendFromAnAnonymousAdminSharesNothingAndTheChatIsToldToSendItAsAPerson() {
        registerAliceAndBob();
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        long welcome = awaitGroupMessages(1).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));

        telegram.control().telegramSaysAnonymouslyIn(BAND, ALICE, "/send@SendSongsSandboxBot " + LINK + track);

        assertThat(telegram.awaitMessage(BAND, text -> text.startsWith("I can't tell who sent that"))).isNotEmpty();
        assertThat(telegram.texts(BOB)).noneMatch(text -> text.contains("shared a song"));
    }

    @Test
    void aCommandInAChannelPostForwardedToItsGroupIsAnsweredAsFromNoPersonNotAsFromTelegramsServiceUser() {
        registerAliceAndBob();
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        awaitGroupMessages(1);

        telegram.control().telegramChannelPostForwardedTo(BAND, -1_001_555_000_111L, ALICE,
                "/join@SendSongsSandboxBot");

        assertThat(telegram.awaitMessage(BAND, text -> !text.startsWith("Hi Friday Band")).getLast())
                .startsWith("I can't tell who sent that");
    }

    @Test
    void sendAnsweringAMessageWithALinkSharesThatLink() {
        registerAliceAndBob();
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        long welcome = awaitGroupMessages(1).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));
        long carolsLink = telegram.sayIn(BAND, ALICE, "this one! " + LINK + track).path("message_id").asLong();

        telegram.control().telegramRepliesIn(BAND, ALICE, "/send@SendSongsSandboxBot for the drive", carolsLink);

        assertThat(telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band")).getLast())
                .contains("for the drive");
        assertThat(links(telegram.messages(BOB).getLast())).containsExactly(LINK + track);
    }

    @Test
    void sendAnsweringAnotherPersonsLinkSharesItWithTheOthersButNotBackToWhoPostedIt() {
        bandWithBobAndCarolCountedIn();
        long bobsLink = telegram.sayIn(BAND, BOB, "this one! " + LINK + track).path("message_id").asLong();

        telegram.control().telegramRepliesIn(BAND, ALICE, "/send@SendSongsSandboxBot for the drive", bobsLink);

        assertThat(telegram.awaitMessage(CAROL, text -> text.contains("shared a song in Friday Band"))).isNotEmpty();
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Sent ") && text.contains("1 person")))
                .isNotEmpty();
        assertThat(telegram.awaitMessage(BAND, text -> text.contains("Played by 0 of 1 so far."))).isNotEmpty();
        assertThat(telegram.texts(BOB)).as("his own song is not sent back to him")
                .noneMatch(text -> text.contains("shared a song in Friday Band"));
    }

    @Test
    void mentioningTheBotInAGroupChatWithALinkSharesItAndWithoutOneSaysHow() {
        registerAliceAndBob();
        telegram.group(BAND, "Friday Band", List.of(ALICE, BOB));
        long welcome = awaitGroupMessages(1).getFirst().path("message_id").asLong();
        telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));

        telegram.sayIn(BAND, ALICE, "@SendSongsSandboxBot " + LINK + track + " for the drive");

        assertThat(telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band")).getLast())
                .contains("“for the drive”").doesNotContain("@SendSongsSandboxBot");
        assertThat(telegram.awaitMessage(BAND, text -> text.contains("Played by 0 of 1 so far."))).isNotEmpty();

        telegram.sayIn(BAND, BOB, "how does this work, @sendsongssandboxbot?");
        assertThat(telegram.await(BAND, texts -> texts.size() == 3).getLast()).startsWith("Hi Friday Band! I'm Send "
                + "Songs. Share a Spotify song here with /send <link>");
    }

    @Test
    void sendAnsweringASongInThePrivateChatPassesThatSongOn() {
        registerAliceAndBob();
        assertThat(telegram.register(CAROL, "Carol", "carol-sp", "Carol Chen")).startsWith("Welcome");
        telegram.ask(ALICE, "/send Bob Fisher " + LINK + track);
        telegram.awaitMessage(BOB, text -> text.startsWith("🎵 Alice Archer sent you a song"));
        long song = telegram.messages(BOB).getLast().path("message_id").asLong();

        telegram.control().telegramRepliesIn(BOB, BOB, "/send Carol Chen", song);

        assertThat(telegram.awaitMessage(CAROL, text -> text.startsWith("🎵 ")).getLast())
                .startsWith("🎵 Bob Fisher sent you a song: ");
        assertThat(links(telegram.messages(CAROL).getLast())).containsExactly(LINK + track);
        assertThat(telegram.awaitMessage(BOB, text -> text.startsWith("Sent ")).getLast()).contains("to Carol Chen");
    }

    @Test
    void sendAnsweringOnesOwnLinkInThePrivateChatSendsThatLink() {
        registerAliceAndBob();
        long pasted = telegram.say(ALICE, "Alice", "look at this " + LINK + track).path("message_id").asLong();
        telegram.awaitMessage(ALICE, text -> text.startsWith("Who is it for?"));
        telegram.ask(ALICE, "/discard");

        telegram.control().telegramRepliesIn(ALICE, ALICE, "/send Bob Fisher", pasted);

        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Sent ")).getLast()).contains("to Bob Fisher");
        assertThat(telegram.awaitMessage(BOB, text -> text.startsWith("🎵 Alice Archer sent you a song"))).isNotEmpty();
    }

    @Test
    void anUpdateWithAWrongOrMissingSecretIsRejectedAndNothingIsKept() {
        registerAliceAndBob();
        int before = telegram.texts(ALICE).size();
        String update = "{\"update_id\":999000001,\"message\":{\"message_id\":900,\"from\":{\"id\":" + ALICE
                + ",\"first_name\":\"Alice\"},\"chat\":{\"id\":" + ALICE + ",\"type\":\"private\"},\"date\":"
                + sandbox.now().getEpochSecond() + ",\"text\":\"/pending\"}}";

        assertThat(telegram.postUpdate(update, "wrong-secret").statusCode()).isEqualTo(403);
        assertThat(telegram.postUpdate(update, null).statusCode()).isEqualTo(401);
        assertThat(telegram.postUpdate("{\"update_id\":", "sandbox-telegram-webhook-secret").statusCode()).isEqualTo(400);
        telegram.ask(ALICE, "/help");
        assertThat(telegram.texts(ALICE)).hasSize(before + 1);

        assertThat(telegram.postUpdate(update, "sandbox-telegram-webhook-secret").statusCode())
                .as("the refused update was not recorded as handled").isEqualTo(200);
        assertThat(telegram.await(ALICE, chat -> chat.size() == before + 2).getLast())
                .startsWith("Nothing pending");
    }

    @Test
    void theSameUpdateIdDeliveredTwiceIsHandledOnce() {
        registerAliceAndBob();
        int before = telegram.texts(ALICE).size();
        String update = "{\"update_id\":999000002,\"message\":{\"message_id\":901,\"from\":{\"id\":" + ALICE
                + ",\"first_name\":\"Alice\"},\"chat\":{\"id\":" + ALICE + ",\"type\":\"private\"},\"date\":"
                + sandbox.now().getEpochSecond() + ",\"text\":\"/pending\"}}";

        assertThat(telegram.postUpdate(update, "sandbox-telegram-webhook-secret").statusCode()).isEqualTo(200);
        telegram.await(ALICE, chat -> chat.size() > before);
        assertThat(telegram.postUpdate(update, "sandbox-telegram-webhook-secret").statusCode()).isEqualTo(200);
        telegram.ask(ALICE, "/help");

        assertThat(telegram.texts(ALICE)).as("one answer to the update, one to /help").hasSize(before + 2);
    }

    @Test
    void someoneWhoBlocksTheBotIsUnreachableAtOnceSoASongToThemIsRefusedWithoutTryingThemAndNothingWaits() {
        registerAliceAndBob();
        int bobs = telegram.texts(BOB).size();

        telegram.control().telegramBlock(BOB);
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();
        int refusedBefore = refusedSendMessages();

        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + track)).singleElement().asString()
                .isEqualTo("Bob Fisher can't get messages from me: they've blocked me or stopped me in their chat app. "
                        + "Nothing was sent. Once they unblock me or write to me again, you can send it.");
        assertThat(refusedSendMessages()).as("no message tried on Bob: Telegram refused none").isEqualTo(refusedBefore);
        assertThat(telegram.texts(BOB)).hasSize(bobs);

        telegram.control().telegramUnblock(BOB);
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();
        assertThat(telegram.texts(BOB)).as("nothing was held for Bob to get on unblocking").hasSize(bobs);
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + track)).singleElement().asString()
                .startsWith("Sent ");
        assertThat(telegram.await(BOB, chat -> chat.size() > bobs)).hasSize(bobs + 1).last().asString()
                .contains("Alice Archer sent you a song");
    }

    @Test
    void whoInAGroupChatNamesApartSomeoneWhoBlockedTheBotAndCountsThemAgainOnceTheyUnblockIt() {
        long welcome = bandWithBobAndCarolCountedIn();

        telegram.control().telegramBlock(BOB);
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();
        telegram.sayIn(BAND, ALICE, "/who@SendSongsSandboxBot");
        assertThat(telegram.awaitMessage(BAND, text -> text.startsWith("Songs shared here go to")).getLast())
                .as("the chat learns only that Bob can't be reached, not why")
                .isEqualTo("Songs shared here go to 1 person: Carol Chen. Can't be reached right now: Bob Fisher "
                        + "(songs reach them again once they write to me privately).");
        JsonNode bobsTap = telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));
        assertThat(bobsTap.path("text").asText()).as("told only to Bob")
                .isEqualTo("You're counted in already, but I can't reach you: you've blocked me or stopped me in "
                        + "your chat app. Write to me in our chat (I've opened it) to get the songs shared here.");
        telegram.sayIn(BAND, ALICE, "/send@SendSongsSandboxBot " + LINK + track);
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Sent ")).getLast())
                .contains("to 1 of the 2 people counted in for Friday Band").contains("Not sent to Bob Fisher");

        sandbox.advanceSeconds(1);
        telegram.control().telegramUnblock(BOB);
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();
        telegram.sayIn(BAND, CAROL, "/who@SendSongsSandboxBot");
        assertThat(telegram.awaitMessage(BAND, text -> text.startsWith("Songs shared here go to 3 people")))
                .as("Alice is counted in too: she shared a song there")
                .contains("Songs shared here go to 3 people: Alice Archer, Bob Fisher, Carol Chen.");
    }

    @Test
    void whoInAGroupChatNamesApartSomeoneWhoseListeningIsDisconnectedAndCountsThemAgainOnceTheyReconnect() {
        long welcome = bandWithBobAndCarolCountedIn();
        telegram.sayIn(BAND, ALICE, "/send@SendSongsSandboxBot " + LINK + track);
        telegram.awaitMessage(BOB, text -> text.contains("shared a song in Friday Band"));

        sandbox.post("/sandbox/spotify/users/bob-sp/revoke", "{}");
        sandbox.advanceMinutes(6);
        String ended = telegram.awaitMessage(BOB, text -> text.startsWith("Your Spotify connection has ended"))
                .getLast();
        telegram.sayIn(BAND, CAROL, "/who@SendSongsSandboxBot");
        assertThat(telegram.awaitMessage(BAND, text -> text.startsWith("Songs shared here go to")).getLast())
                .isEqualTo("Songs shared here go to 2 people: Alice Archer, Carol Chen. Not getting songs until they "
                        + "connect their listening again: Bob Fisher.");
        JsonNode bobsTap = telegram.awaitAnswer(telegram.press(BOB, BAND, welcome, "join"));
        assertThat(bobsTap.path("text").asText()).as("told only to Bob").isEqualTo("You're counted in already, but "
                + "your Spotify connection has ended, so the songs shared here don't reach you. Send /connect in our "
                + "chat (I've opened it) to reconnect.");
        telegram.sayIn(BAND, ALICE, "/send@SendSongsSandboxBot " + LINK + sandbox.trackIds().get(1));
        assertThat(telegram.awaitMessage(ALICE, text -> text.startsWith("Sent ") && text.contains("1 of the 2 people"))
                .getLast()).as("the sender is told why, in the words /who uses").endsWith("Not sent to Bob Fisher: "
                + "they've disconnected their listening, so I couldn't tell when they play it.");
        assertThat(telegram.awaitMessage(BAND, text -> text.contains("Played by 0 of 1 so far.")).getLast())
                .as("the chat is told how many it did not go to, not who or why").endsWith("Played by 0 of 1 so far. "
                        + "It went privately to everyone counted in here but one; tap Count me in to get the next ones.");

        Matcher link = PERSONAL_LINK.matcher(ended);
        assertThat(link.find()).isTrue();
        assertThat(sandbox.consentThrough(link.group(), "spotify", "bob-sp").status()).isEqualTo(200);
        telegram.awaitMessage(BOB, text -> text.startsWith("You're connected again"));
        telegram.sayIn(BAND, CAROL, "/who@SendSongsSandboxBot");
        assertThat(telegram.awaitMessage(BAND, text -> text.startsWith("Songs shared here go to 3 people")))
                .as("with no other step than reconnecting")
                .contains("Songs shared here go to 3 people: Alice Archer, Bob Fisher, Carol Chen.");
    }

    @Test
    void aBlockDeliveredAgainAfterTheUnblockIsHandledOnce() {
        registerAliceAndBob();
        String block = myChatMember(999_000_003L, "member", "kicked");
        assertThat(telegram.postUpdate(block, WEBHOOK_SECRET).statusCode()).isEqualTo(200);
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + track)).singleElement().asString()
                .startsWith("Bob Fisher can't get messages from me");

        sandbox.advanceSeconds(1);
        assertThat(telegram.postUpdate(myChatMember(999_000_004L, "kicked", "member"), WEBHOOK_SECRET).statusCode())
                .isEqualTo(200);
        assertThat(telegram.postUpdate(block, WEBHOOK_SECRET).statusCode()).as("Telegram delivers the block again")
                .isEqualTo(200);
        assertThat(demo.server().awaitWebhookIdle(SandboxClient.PATIENCE)).isTrue();

        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + track)).singleElement().asString()
                .startsWith("Sent ");
    }

    @Test
    void aSongTelegramRefusesAsBlockedMarksThePersonUnreachableAndGoesOutWhenTheyWriteAgain() {
        registerAliceAndBob();
        int bobs = telegram.texts(BOB).size();
        songMeetsABlockBeforeItsUpdate();

        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + track)).singleElement().asString()
                .startsWith("I couldn't deliver ").contains("to Bob Fisher: they've blocked me");
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + sandbox.trackIds().get(1)))
                .singleElement().asString().startsWith("Bob Fisher can't get messages from me: they've blocked me")
                .contains("Nothing was sent.");
        assertThat(telegram.texts(BOB)).hasSize(bobs);

        sandbox.advanceSeconds(1);
        telegram.ask(BOB, "/help");
        assertThat(telegram.texts(BOB)).as("the song held for Bob goes out when he writes again")
                .anyMatch(text -> text.contains("Alice Archer sent you a song"));
        sandbox.advanceSeconds(1);
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + sandbox.trackIds().get(1)))
                .singleElement().asString().startsWith("Sent ");
    }

    @Test
    void someoneWhoUnblocksTheBotGetsTheSongThatFoundThemBlockedAndNewSongsWithoutWritingFirst() {
        registerAliceAndBob();
        int bobs = telegram.texts(BOB).size();
        songMeetsABlockBeforeItsUpdate();
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + track)).singleElement().asString()
                .startsWith("I couldn't deliver ").contains("to Bob Fisher: they've blocked me")
                .endsWith("It goes to them only if they unblock me or write to me again.");
        telegram.control().telegramBlock(BOB);
        String refused = sandbox.trackIds().get(1);
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + refused)).singleElement().asString()
                .startsWith("Bob Fisher can't get messages from me")
                .endsWith("Nothing was sent. Once they unblock me or write to me again, you can send it.");

        sandbox.advanceSeconds(1);
        telegram.control().telegramUnblock(BOB);

        List<String> bobsChat = telegram.await(BOB, chat -> chat.size() > bobs);
        assertThat(bobsChat.subList(bobs, bobsChat.size())).as("the held song, and no answer: Bob wrote nothing")
                .singleElement().asString().contains("Alice Archer sent you a song");
        sandbox.advanceSeconds(1);
        assertThat(telegram.ask(ALICE, "/send name:\"Bob Fisher\" " + LINK + sandbox.trackIds().get(2)))
                .singleElement().asString().startsWith("Sent ");
        assertThat(telegram.await(BOB, chat -> chat.size() > bobs + 1)).as("the refused song stays unsent")
                .hasSize(bobs + 2).last().asString().contains("Alice Archer sent you a song");
    }

    /** The next call to Telegram, the song's, is answered 403 as for someone who blocked the bot before it came. */
    private void songMeetsABlockBeforeItsUpdate() {
        telegram.ask(ALICE, "/help"); // her first message since the start asks Telegram her username, once
        telegram.control().fault("telegram", 403, 1, 0);
    }

    /** Calls of sendMessage Telegram refused 403 so far (a person who blocked the bot). */
    private int refusedSendMessages() {
        return telegram.control().telegramStats().path("forbidden").path("sendmessage").asInt();
    }

    /** Bob's private chat as a {@code my_chat_member} update: the bot going from {@code from} to {@code to}. */
    private String myChatMember(long updateId, String from, String to) {
        String bot = "{\"user\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Send Songs\"},\"status\":\"";
        return "{\"update_id\":" + updateId + ",\"my_chat_member\":{\"chat\":{\"id\":" + BOB
                + ",\"first_name\":\"Bob\",\"type\":\"private\"},\"from\":{\"id\":" + BOB
                + ",\"is_bot\":false,\"first_name\":\"Bob\"},\"date\":" + sandbox.now().getEpochSecond()
                + ",\"old_chat_member\":" + bot + from + "\"},\"new_chat_member\":" + bot + to + "\"}}}";
    }

    @Test
    void aTelegram429IsWaitedOutAndTheAnswerArrivesAfterwards() {
        registerAliceAndBob();
        telegram.ask(ALICE, "/help"); // her first message since the start asks Telegram her username, once
        int before = telegram.texts(ALICE).size();
        telegram.control().fault("telegram", 429, 1, 2);

        telegram.say(ALICE, "Alice", "/pending");
        sandbox.advanceSeconds(1);
        assertThat(telegram.texts(ALICE)).as("held after the 429").hasSize(before);

        sandbox.advanceSeconds(61);
        assertThat(telegram.await(ALICE, chat -> chat.size() > before).getLast()).startsWith("Nothing pending");
    }

    /** The links of a message's text (its {@code text_link} entities), in order. */
    private static List<String> links(JsonNode message) {
        List<String> links = new ArrayList<>();
        message.path("entities").forEach(entity -> {
            if (entity.path("type").asText().equals("text_link")) {
                links.add(entity.path("url").asText());
            }
        });
        return links;
    }

    /** The button titled {@code text} on the message's inline keyboard. */
    private List<JsonNode> awaitGroupMessages(int count) {
        telegram.await(BAND, texts -> texts.size() >= count);
        return telegram.messages(BAND);
    }

    private String titleOf(long person) {
        String delivered = telegram.texts(person).stream().filter(text -> text.contains("sent you a song: "))
                .reduce((first, second) -> second).orElseThrow();
        String title = delivered.substring(delivered.indexOf("sent you a song: ") + "sent you a song: ".length());
        return title.lines().findFirst().orElseThrow();
    }
}

package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.Button;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.core.chat.SongCard;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.sandbox.TelegramEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core's message model sent through Telegram, over real HTTP against the sandbox's emulator, read back as shown. */
class TelegramChatTest {
    private static final long ALICE = 385_741_296L;
    private static final long BOB = 511_223_344L;
    private static final String ALICE_ID = Long.toString(ALICE);
    private static final URI SONG = URI.create("https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6");

    private final TelegramSandbox sandbox = new TelegramSandbox();
    private final TelegramChat chat = new TelegramChat(sandbox.api(), () -> TelegramEmulator.BOT_USERNAME);

    @BeforeEach
    void aliceStartsTheBot() throws TelegramApiException {
        sandbox.api().setWebhook(sandbox.webhookUrl(), sandbox.secret, List.of("message", "callback_query"));
        sandbox.post("/sandbox/telegram/send", Map.of("from", ALICE, "text", "/start", "first_name", "Alice",
                "last_name", "Archer", "username", "alice_archer"), Map.of());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode shown(int index) {
        return sandbox.control.telegramChat(ALICE).get(index);
    }

    @Test
    void isTelegramWithItsLimits() {
        assertThat(chat.platform()).isEqualTo(Platform.TELEGRAM);
        assertThat(chat.maxTextLength()).isEqualTo(4096);
        assertThat(chat.showsRichMessages()).isTrue();
    }

    @Test
    void aTextArrivesExactlyAsWrittenWhateverItHoldsOfHtml() {
        String text = "Sent <Neon & Heron> to \"Bob\" — <b>not bold</b> &amp; 🎸";

        assertThat(chat.send(ALICE_ID, Message.text(text), MessageKind.RESPONSE, "outbox-id")).isInstanceOf(SendOutcome.Sent.class);

        assertThat(shown(0).path("text").asText()).isEqualTo(text);
        assertThat(shown(0).has("entities")).isFalse();
        assertThat(shown(0).has("reply_markup")).isFalse();
    }

    @Test
    void choicesAreAnInlineKeyboardWhoseTapsCarryThePayloads() {
        Message question = Message.text("Which Bob did you mean?").withChoices(List.of(
                new Choice("Bob Fisher (in Family)", "1"), new Choice("Bob Fischer (joined May)", "2"),
                Choice.of("cancel")));

        assertThat(chat.send(ALICE_ID, question, MessageKind.RESPONSE, "outbox-id")).isInstanceOf(SendOutcome.Sent.class);

        JsonNode keyboard = shown(0).path("reply_markup").path("inline_keyboard");
        assertThat(keyboard).hasSize(2);
        assertThat(keyboard.get(0)).hasSize(1);
        assertThat(keyboard.get(0).get(0).path("text").asText()).isEqualTo("Bob Fisher (in Family)");
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isEqualTo("1");
        assertThat(keyboard.get(1).get(0).path("callback_data").asText()).isEqualTo("2");
        assertThat(keyboard.get(1).get(1).path("text").asText()).isEqualTo("cancel");

        sandbox.control.telegramPress(ALICE, ALICE, shown(0).path("message_id").asLong(), "2");
        assertThat(sandbox.awaitUpdates(2).get(1)).isInstanceOfSatisfying(TelegramUpdate.ButtonPress.class, press -> {
            assertThat(press.data()).isEqualTo("2");
            assertThat(press.buttonText()).isEqualTo("Bob Fischer (joined May)");
        });
    }

    @Test
    void shortChoicesShareRowsOfThree() {
        List<Choice> numbers = IntStream.rangeClosed(1, 7).mapToObj(n -> Choice.of(Integer.toString(n))).toList();

        chat.send(ALICE_ID, Message.text("Which one?").withChoices(numbers), MessageKind.RESPONSE, "outbox-id");

        JsonNode keyboard = shown(0).path("reply_markup").path("inline_keyboard");
        assertThat(keyboard).hasSize(3);
        assertThat(keyboard.get(0)).hasSize(3);
        assertThat(keyboard.get(2)).hasSize(1);
    }

    @Test
    void aSongCardIsALinkedTitleUnderTheTextWithItsButtonsFirst() {
        SongCard card = SongCard.of("Neon <Heron>", "Marlow Vance & the Tides", SONG)
                .withImage(URI.create("https://i.scdn.co/image/ab67616d0000b273"))
                .withButtons(List.of(new Button.Reply("Who played it?", "pending"),
                        new Button.Link("Open in Spotify", SONG)));
        Message message = Message.text("Alice sent you a song:").withCard(card)
                .withChoices(List.of(Choice.of("history")));

        assertThat(chat.send(ALICE_ID, message, MessageKind.UPDATE, "outbox-id")).isInstanceOf(SendOutcome.Sent.class);

        JsonNode shown = shown(0);
        assertThat(shown.path("text").asText())
                .isEqualTo("Alice sent you a song:\n\n🎵 Neon <Heron>\nMarlow Vance & the Tides");
        JsonNode link = shown.path("entities").get(0);
        assertThat(link.path("type").asText()).isEqualTo("text_link");
        assertThat(link.path("url").asText()).isEqualTo(SONG.toString());
        assertThat(link.path("length").asInt()).isEqualTo("Neon <Heron>".length());
        JsonNode keyboard = shown.path("reply_markup").path("inline_keyboard");
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isEqualTo("pending");
        assertThat(keyboard.get(0).get(1).path("url").asText()).isEqualTo(SONG.toString());
        assertThat(keyboard.get(1).get(0).path("callback_data").asText()).isEqualTo("history");
    }

    @Test
    void aTextThatNamesTheSongLinksItsTitleInsteadOfRepeatingItUnderneath() {
        SongCard card = SongCard.of("Neon <Heron>", "Marlow Vance", SONG)
                .withButtons(List.of(new Button.Link("Open in Spotify", SONG)));
        Message message = Message.text("🎵 Dan sent you a song: Neon <Heron> by Marlow Vance\n“Neon <Heron> again!”")
                .withCard(card);

        chat.send(ALICE_ID, message, MessageKind.UPDATE, "outbox-id");

        JsonNode shown = shown(0);
        assertThat(shown.path("text").asText())
                .isEqualTo("🎵 Dan sent you a song: Neon <Heron> by Marlow Vance\n“Neon <Heron> again!”");
        assertThat(shown.path("entities")).hasSize(1);
        JsonNode link = shown.path("entities").get(0);
        assertThat(link.path("type").asText()).isEqualTo("text_link");
        assertThat(link.path("url").asText()).isEqualTo(SONG.toString());
        assertThat(link.path("offset").asInt()).isEqualTo("🎵 Dan sent you a song: ".length());
        assertThat(link.path("length").asInt()).isEqualTo("Neon <Heron>".length());
        assertThat(shown.path("link_preview").asText()).as("the song previewed").isEqualTo(SONG.toString());
        assertThat(shown.path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asText())
                .isEqualTo(SONG.toString());
    }

    @Test
    void aTextWithALinkButNoSongShowsNoPreviewOfIt() {
        chat.send(ALICE_ID, Message.text("Open your own link for Spotify (it works once, within a day): "
                + "https://sendsongs.example/connect/spotify?link=abc.def"), MessageKind.RESPONSE, "outbox-id");

        assertThat(shown(0).has("link_preview")).as("no preview of the source's login page").isFalse();
    }

    @Test
    void aCardAloneIsOneMessage() {
        chat.send(ALICE_ID, new Message("", List.of(), Optional.of(SongCard.of("Neon Heron", "", SONG))),
                MessageKind.UPDATE, "outbox-id");

        assertThat(shown(0).path("text").asText()).isEqualTo("🎵 Neon Heron");
    }

    @Test
    void longButtonTitlesAreCutWithAnEllipsis() {
        String title = "A friend with a name much longer than any button shows whole";

        chat.send(ALICE_ID, Message.text("Who?").withChoices(List.of(new Choice(title, "1"))), MessageKind.RESPONSE, "outbox-id");

        String shownTitle = shown(0).path("reply_markup").path("inline_keyboard").get(0).get(0).path("text").asText();
        assertThat(shownTitle).hasSize(TelegramMessages.MAX_BUTTON_TEXT).endsWith("…").startsWith("A friend with");
    }

    /**
     * Telegram documents no limit on a button's text (https://core.telegram.org/bots/api#inlinekeyboardbutton), but a
     * phone shows only its start: two long names that start alike keep, within {@value TelegramMessages#MAX_BUTTON_TEXT}
     * characters, the ends that tell them apart.
     */
    @Test
    void longNamesThatStartAlikeAreToldApartByTheirEnds() {
        List<Choice> choices = List.of(new Choice("1. Konstantina Papadopoulou-Georgiou of Thessaloniki", "1"),
                new Choice("2. Konstantina Papadopoulou-Georgiou of Athens", "2"), new Choice("Don't send", "3"));

        chat.send(ALICE_ID, Message.text("Which one?").withChoices(choices), MessageKind.RESPONSE, "outbox-id");

        JsonNode keyboard = shown(0).path("reply_markup").path("inline_keyboard");
        assertThat(keyboard.get(0).get(0).path("text").asText())
                .isEqualTo("1. Konstantina Papadopoulou\u2026Thessaloniki");
        assertThat(keyboard.get(1).get(0).path("text").asText()).isEqualTo("2. Konstantina Papadopoulou\u2026Athens");
        assertThat(keyboard.get(2).get(0).path("text").asText()).isEqualTo("Don't send");
    }

    @Test
    void longButtonTitlesAreCutBetweenCharactersAsPeopleSeeThem() {
        String family = "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";
        List<Choice> choices = List.of(new Choice("Konstantinos Papadopoulos-Georgiou " + family + " Leeds", "1"),
                new Choice("Konstantina Papadopoulou-Georgiou Ram \u0939\u093f\u0928\u094d\u0926\u0940", "2"));

        chat.send(ALICE_ID, Message.text("Who?").withChoices(choices), MessageKind.RESPONSE, "outbox-id");

        JsonNode keyboard = shown(0).path("reply_markup").path("inline_keyboard");
        assertThat(keyboard.get(0).get(0).path("text").asText()).isEqualTo("Konstantinos Papadopoulos-Georgiou\u2026");
        assertThat(keyboard.get(1).get(0).path("text").asText())
                .isEqualTo("Konstantina Papadopoulou-Georgiou Ram\u2026");
    }

    @Test
    void aTextAndCardLongerThanOneMessageGoAsTwoWithTheKeyboardOnTheLast() {
        String text = "A line of the bot's long answer.\n".repeat(124);
        assertThat(text.length()).isLessThanOrEqualTo(4096);
        Message message = Message.text(text).withCard(SongCard.of("Neon Heron", "Marlow Vance", SONG))
                .withChoices(List.of(Choice.of("help")));

        SendOutcome sent = chat.send(ALICE_ID, message, MessageKind.RESPONSE, "outbox-id");

        JsonNode shown = sandbox.control.telegramChat(ALICE);
        assertThat(shown).hasSize(2);
        assertThat(sent).as("named by its last part").isEqualTo(new SendOutcome.Sent(Optional.of(
                shown.get(1).path("message_id").asText())));
        assertThat(shown.get(0).has("reply_markup")).isFalse();
        assertThat(shown.get(1).path("text").asText()).endsWith("🎵 Neon Heron\nMarlow Vance");
        assertThat(shown.get(1).has("reply_markup")).isTrue();
    }

    @Test
    void aLongTextWithoutSpacesIsCutBetweenCharactersAsPeopleSeeThem() {
        String thai = "\u0e01" + "\u0e2a\u0e38".repeat(2100);

        chat.send(ALICE_ID, Message.text(thai).withCard(SongCard.of("Neon Heron", "Marlow Vance", SONG)),
                MessageKind.RESPONSE, "outbox-id");

        JsonNode shown = sandbox.control.telegramChat(ALICE);
        assertThat(shown.get(0).path("text").asText()).as("a vowel sign stays with its letter")
                .isEqualTo(thai.substring(0, 4095));
        assertThat(shown.get(1).path("text").asText()).startsWith(thai.substring(4095, 4105));
    }

    @Test
    void aPersonWhoBlockedTheBotOrNeverStartedItIsUnreachable() {
        sandbox.control.telegramBlock(ALICE);
        assertThat(chat.send(ALICE_ID, Message.text("hello?"), MessageKind.UPDATE, "outbox-id"))
                .isEqualTo(new SendOutcome.Unreachable("Forbidden: bot was blocked by the user"));

        sandbox.control.telegramGroup(-1_001_987_654_321L, "Friday Band", List.of(ALICE, BOB));
        assertThat(chat.send(Long.toString(BOB), Message.text("hi"), MessageKind.UPDATE, "outbox-id"))
                .isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(chat.send("not-a-number", Message.text("hi"), MessageKind.UPDATE, "outbox-id"))
                .isInstanceOf(SendOutcome.Unreachable.class);
    }

    @Test
    void a429IsAFailureWithTelegramsRetryAfter() {
        TelegramChat impatient = new TelegramChat(sandbox.api(Duration.ZERO), () -> TelegramEmulator.BOT_USERNAME);
        sandbox.control.fault("telegram", 429, 1, 17);

        assertThat(impatient.send(ALICE_ID, Message.text("one"), MessageKind.UPDATE, "outbox-id")).isInstanceOfSatisfying(
                SendOutcome.Failed.class, failed -> assertThat(failed.retryAfter()).contains(Duration.ofSeconds(17)));
        assertThat(impatient.send(ALICE_ID, Message.text("two"), MessageKind.UPDATE, "outbox-id"))
                .as("held by the limiter, not sent").isInstanceOf(SendOutcome.Failed.class);
        assertThat(sandbox.control.telegramChat(ALICE)).isEmpty();
    }

    @Test
    void outagesAndRefusalsAreFailuresToTryAgain() {
        sandbox.control.fault("telegram", 502, 1, 0);
        sandbox.control.fault("telegram", 400, 1, 0, "Bad Request: can't parse entities");

        List<SendOutcome> outcomes = new ArrayList<>();
        outcomes.add(chat.send(ALICE_ID, Message.text("a"), MessageKind.UPDATE, "outbox-id"));
        outcomes.add(chat.send(ALICE_ID, Message.text("b"), MessageKind.UPDATE, "outbox-id"));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.Failed.class));
        assertThat(((SendOutcome.Failed) outcomes.get(1)).reason()).contains("can't parse entities");
    }

    @Test
    void theDisplayNameAndUsernameComeFromThePersonsTelegramProfile() {
        assertThat(chat.displayName(ALICE_ID)).contains("Alice Archer");
        assertThat(chat.handle(ALICE_ID)).contains("alice_archer");

        assertThat(chat.displayName("424242")).as("a chat Telegram does not know").isEmpty();
        sandbox.control.fault("telegram", 500, 1, 0);
        assertThat(chat.displayName(ALICE_ID)).as("Telegram failing now").isEmpty();
    }

    @Test
    void aConversationLinkIsTheBotsStartLinkAndOpeningItBringsTheRefAsAnOpenedLink() {
        TelegramChat asked = new TelegramChat(sandbox.api(), new BotUsername(sandbox.api()));
        sandbox.control.fault("telegram", 502, 1, 0);
        assertThat(asked.conversationLink("invite-abc")).as("getMe failing: no link for now").isEmpty();

        String link = asked.conversationLink("invite-" + "Ab_-9".repeat(11)).orElseThrow();

        assertThat(link).isEqualTo("https://t.me/" + TelegramEmulator.BOT_USERNAME + "?start=invite-"
                + "Ab_-9".repeat(11));
        int before = sandbox.updates.size();
        sandbox.control.telegramOpens(BOB, "Bob", link);
        TelegramUpdate update = sandbox.awaitUpdates(before + 1).get(before);
        assertThat(TelegramInbound.of(update)).hasValueSatisfying(event -> assertThat(event)
                .isInstanceOfSatisfying(Inbound.OpenedLink.class, opened -> {
                    assertThat(opened.ref()).isEqualTo("invite-" + "Ab_-9".repeat(11));
                    assertThat(opened.from()).isEqualTo(new ChatAddress(Platform.TELEGRAM, Long.toString(BOB)));
                }));
    }

    @Test
    void aRefTelegramWouldNotPassOnMakesNoLink() {
        for (String ref : List.of("", "x".repeat(65), "invite-a/b", "invite a", "ünïcode")) {
            assertThatThrownBy(() -> chat.conversationLink(ref)).as(ref).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.chat.PaceRules;
import app.sendsongs.core.chat.PaceUnavailableException;
import app.sendsongs.core.chat.SendPacer;
import app.sendsongs.sandbox.TelegramEmulator;
import app.sendsongs.testsupport.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter over real HTTP against the sandbox's Telegram emulator. */
class TelegramBotApiTest {
    private static final long ALICE = 385_741_296L;
    private static final long BOB = 511_223_344L;
    /** How far the limiter's wall clock and the test's monotonic one may drift apart during a test. */
    private static final Duration CLOCKS_APART = Duration.ofMillis(20);

    private final TelegramSandbox sandbox = new TelegramSandbox();
    private final TelegramBotApi api = sandbox.api();

    @BeforeEach
    void startTheBot() throws TelegramApiException {
        api.setWebhook(sandbox.webhookUrl(), sandbox.secret, List.of("message", "callback_query"));
        sandbox.control.telegramSays(ALICE, "Alice", "/start");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static OutgoingText withButtons(String text, String... data) {
        List<InlineButton> row = Arrays.stream(data)
                .map(d -> (InlineButton) new InlineButton.Callback("Tap " + d, d)).toList();
        return OutgoingText.of(text).withKeyboard(List.of(row));
    }

    private long sent(SendResult result) {
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).messageId();
    }

    // ---------------------------------------------------------------- webhook

    @Test
    void setWebhookMakesTelegramSendUpdatesWithTheSecret() {
        JsonNode webhook = sandbox.control.telegramWebhook();
        assertThat(webhook.path("url").asText()).isEqualTo(sandbox.webhookUrl().toString());
        assertThat(webhook.path("secret_token_set").asBoolean()).isTrue();
        assertThat(webhook.path("allowed_updates")).extracting(JsonNode::asText)
                .containsExactly("callback_query", "message");

        sandbox.control.telegramSays(BOB, "Bob", "/start ref-42");

        assertThat(sandbox.awaitUpdates(2)).last().isInstanceOfSatisfying(TelegramUpdate.Start.class, start -> {
            assertThat(start.from().id()).isEqualTo(BOB);
            assertThat(start.from().firstName()).isEqualTo("Bob");
            assertThat(start.payload()).contains("ref-42");
            assertThat(start.at()).isEqualTo(TelegramSandbox.START);
        });
    }

    @Test
    void aForgedOrMissingSecretIsRejectedAndNothingIsKept() {
        int before = sandbox.awaitUpdates(1).size();
        byte[] update = "{\"update_id\":1,\"message\":{\"message_id\":1,\"from\":{\"id\":1,\"first_name\":\"M\"},\"chat\":{\"id\":1,\"type\":\"private\"},\"date\":1,\"text\":\"hi\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(sandbox.post("/telegram", update, Map.of(WebhookSecret.HEADER, "forged")).status()).isEqualTo(403);
        assertThat(sandbox.post("/telegram", update, Map.of()).status()).isEqualTo(403);
        assertThat(sandbox.post("/telegram", "not json".getBytes(StandardCharsets.UTF_8),
                Map.of(WebhookSecret.HEADER, sandbox.secret.value())).status()).isEqualTo(400);
        assertThat(sandbox.post("/telegram", new byte[UpdateParser.MAX_BODY_BYTES + 1],
                Map.of(WebhookSecret.HEADER, sandbox.secret.value())).status()).isEqualTo(400);

        assertThat(sandbox.updates).hasSize(before);
    }

    // ---------------------------------------------------------------- sending and editing

    @Test
    void sendsATextWithAnInlineKeyboard() {
        OutgoingText message = OutgoingText.of("Which Bob did you mean?").withKeyboard(List.of(
                List.of(new InlineButton.Callback("Bob Fisher", "send_song to:u42")),
                List.of(new InlineButton.Url("Open Spotify", URI.create("https://open.spotify.com/")))));

        long id = sent(api.sendMessage(ALICE, message));

        JsonNode shown = sandbox.control.telegramChat(ALICE).get(0);
        assertThat(shown.path("message_id").asLong()).isEqualTo(id);
        assertThat(shown.path("text").asText()).isEqualTo("Which Bob did you mean?");
        JsonNode keyboard = shown.path("reply_markup").path("inline_keyboard");
        assertThat(keyboard.get(0).get(0).path("text").asText()).isEqualTo("Bob Fisher");
        assertThat(keyboard.get(0).get(0).path("callback_data").asText()).isEqualTo("send_song to:u42");
        assertThat(keyboard.get(1).get(0).path("url").asText()).isEqualTo("https://open.spotify.com/");
    }

    @Test
    void editsTextAndKeyboardAndKnowsWhenNothingChanged() {
        long id = sent(api.sendMessage(ALICE, withButtons("Pick one", "a", "b")));

        assertThat(api.editMessageText(ALICE, id, withButtons("Pick one", "a", "b")))
                .isEqualTo(new EditResult.Unchanged());
        assertThat(api.editMessageText(ALICE, id, OutgoingText.of("Sent to Bob Fisher")))
                .isEqualTo(new EditResult.Edited());

        JsonNode shown = sandbox.control.telegramChat(ALICE).get(0);
        assertThat(shown.path("text").asText()).isEqualTo("Sent to Bob Fisher");
        assertThat(shown.has("reply_markup")).isFalse();
        assertThat(api.editMessageText(ALICE, 9_999, OutgoingText.of("x")))
                .isInstanceOf(TelegramFailure.Refused.class);
    }

    @Test
    void aTappedChoiceLeavesItsMessageWhileTheSongCardsRowStays() {
        InlineButton open = new InlineButton.Url("Open in Spotify", URI.create("https://open.spotify.com/track/x"));
        long id = sent(api.sendMessage(ALICE, OutgoingText.of("Who is it for?").withKeyboard(List.of(List.of(open),
                List.of(new InlineButton.Callback("Bob Fisher", "1"), new InlineButton.Callback("Someone else", "to"))))));
        sandbox.control.telegramPress(ALICE, ALICE, id, "1");
        TelegramUpdate.ButtonPress press = (TelegramUpdate.ButtonPress) sandbox.awaitUpdates(2).get(1);
        SpentChoices spent = SpentChoices.of(press).orElseThrow();

        assertThat(api.editMessageReplyMarkup(spent.chatId(), spent.messageId(), spent.kept()))
                .isEqualTo(new EditResult.Edited());

        JsonNode shown = sandbox.control.telegramChat(ALICE).get(0);
        assertThat(shown.path("text").asText()).isEqualTo("Who is it for?");
        assertThat(shown.path("reply_markup").path("inline_keyboard").toString())
                .isEqualTo("[[{\"text\":\"Open in Spotify\",\"url\":\"https://open.spotify.com/track/x\"}]]");
        assertThat(api.editMessageReplyMarkup(ALICE, id, spent.kept())).as("a stale tap's edit")
                .isEqualTo(new EditResult.Unchanged());
        assertThat(api.editMessageReplyMarkup(ALICE, id, List.of())).isEqualTo(new EditResult.Edited());
        assertThat(sandbox.control.telegramChat(ALICE).get(0).has("reply_markup")).isFalse();
        assertThat(api.editMessageReplyMarkup(ALICE, 9_999, List.of())).isInstanceOf(TelegramFailure.Refused.class);
    }

    @Test
    void answersATapOnceAndHearsWhenItIsTooLate() {
        long id = sent(api.sendMessage(ALICE, withButtons("Help?", "help")));

        String queryId = sandbox.control.telegramPress(ALICE, ALICE, id, "help");

        TelegramUpdate.ButtonPress press = (TelegramUpdate.ButtonPress) sandbox.awaitUpdates(2).get(1);
        assertThat(press.callbackQueryId()).isEqualTo(queryId);
        assertThat(press.data()).isEqualTo("help");
        assertThat(press.from().id()).isEqualTo(ALICE);
        assertThat(press.chat().map(TelegramUpdate.Chat::id)).contains(ALICE);
        assertThat(press.messageId()).hasValue(id);

        assertThat(api.answerCallbackQuery(queryId, Optional.of("On it"))).isEqualTo(new AnswerResult.Answered());
        assertThat(sandbox.control.telegramCallback(queryId).path("text").asText()).isEqualTo("On it");
        assertThat(api.answerCallbackQuery(queryId, Optional.empty())).isInstanceOf(TelegramFailure.Refused.class);
    }

    @Test
    void htmlEscapingRoundTripsEveryCharacter() {
        String tricky = "Tom & Jerry <3 \"quotes\" 'single' &amp; <b>not bold</b> \ud83c\udfb8 caf\u00e9";
        URI link = URI.create("https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6?si=a&b=it's");
        FormattedText text = FormattedText.bold("<Neon> & Heron").append(FormattedText.plain("\n" + tricky + "\n"))
                .append(FormattedText.link("Listen & enjoy", link));

        sent(api.sendMessage(ALICE, OutgoingText.of(text)));

        JsonNode shown = sandbox.control.telegramChat(ALICE).get(0);
        assertThat(shown.path("text").asText()).isEqualTo(text.visibleText());
        JsonNode entities = shown.path("entities");
        assertThat(entities.get(0).path("type").asText()).isEqualTo("bold");
        assertThat(entities.get(0).path("length").asInt()).isEqualTo("<Neon> & Heron".length());
        assertThat(entities.get(1).path("type").asText()).isEqualTo("text_link");
        assertThat(entities.get(1).path("url").asText()).isEqualTo(link.toString());
        assertThat(entities.get(1).path("offset").asInt()).isEqualTo(text.length() - "Listen & enjoy".length());
    }

    @Test
    void sendsExactly4096CharactersAndRefusesMoreWithoutCallingTelegram() {
        sent(api.sendMessage(ALICE, OutgoingText.of(FormattedText.bold("x".repeat(TelegramBotApi.MAX_TEXT)))));

        assertThatThrownBy(() -> api.sendMessage(ALICE, OutgoingText.of("y".repeat(TelegramBotApi.MAX_TEXT + 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split it first");
        assertThat(sandbox.control.telegramChat(ALICE)).hasSize(1);
    }

    @Test
    void aLongTextGoesAsSeveralMessagesWithTheKeyboardOnTheLast() throws InterruptedException {
        String paragraph = "Line of a long help text, with some words in it.\n";
        OutgoingText longText = OutgoingText.of(FormattedText.plain(paragraph.repeat(200)))
                .withKeyboard(List.of(List.of(new InlineButton.Callback("More", "help more"))));

        List<OutgoingText> parts = longText.split(TelegramBotApi.MAX_TEXT);
        for (OutgoingText part : parts) {
            sent(api.sendMessage(ALICE, part));
        }

        JsonNode chat = sandbox.control.telegramChat(ALICE);
        assertThat(chat).hasSize(parts.size()).hasSizeGreaterThan(1);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < chat.size(); i++) {
            assertThat(chat.get(i).path("text").asText().length()).isLessThanOrEqualTo(TelegramBotApi.MAX_TEXT);
            assertThat(chat.get(i).has("reply_markup")).isEqualTo(i == chat.size() - 1);
            joined.append(chat.get(i).path("text").asText()).append('\n');
        }
        assertThat(joined.toString()).isEqualTo(paragraph.repeat(200));
    }

    @Test
    void buttonDataOfMoreThan64BytesCannotBeBuiltAnd64GoThrough() {
        String longest = "\u00e9".repeat(32);
        assertThat(longest.getBytes(StandardCharsets.UTF_8)).hasSize(64);
        assertThatThrownBy(() -> new InlineButton.Callback("Tap", longest + "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65");

        long id = sent(api.sendMessage(ALICE, withButtons("Edge", longest)));

        assertThat(sandbox.control.telegramPress(ALICE, ALICE, id, longest)).isNotEmpty();
        assertThat(sandbox.awaitUpdates(2).get(1)).isInstanceOfSatisfying(TelegramUpdate.ButtonPress.class,
                press -> assertThat(press.data()).isEqualTo(longest));
    }

    // ---------------------------------------------------------------- people Telegram will not let the bot reach

    @Test
    void aPersonWhoBlockedTheBotIsUnreachable() {
        sandbox.control.telegramBlock(ALICE);

        assertThat(api.sendMessage(ALICE, OutgoingText.of("hello?")))
                .isEqualTo(new TelegramFailure.Unreachable("Forbidden: bot was blocked by the user"));

        sandbox.control.telegramUnblock(ALICE);
        sent(api.sendMessage(ALICE, OutgoingText.of("welcome back")));
    }

    @Test
    void aPersonWhoNeverStartedTheBotOrAChatThatDoesNotExistIsUnreachable() {
        sandbox.control.telegramGroup(-1001987654321L, "Friday Band", List.of(ALICE, BOB));

        assertThat(api.sendMessage(BOB, OutgoingText.of("hi"))).isEqualTo(
                new TelegramFailure.Unreachable("Forbidden: bot can't initiate conversation with a user"));
        assertThat(api.sendMessage(123, OutgoingText.of("hi")))
                .isEqualTo(new TelegramFailure.Unreachable("Bad Request: chat not found"));
        sent(api.sendMessage(-1001987654321L, OutgoingText.of("Hello band")));
    }

    // ---------------------------------------------------------------- rate limits and failures

    @Test
    void aSharedPaceThatCannotBeToldHoldsTheMessageWithoutCallingTelegram() {
        TelegramBotApi cut = new TelegramBotApi(sandbox.config(), HttpClient.newHttpClient(), new TelegramRateLimiter(
                new UnknownPace(), InstantSource.system(), Thread::sleep, Duration.ofSeconds(3)));
        long callsBefore = sandbox.control.telegramStats().path("calls").path("sendmessage").asLong();

        SendResult held = cut.sendMessage(ALICE, OutgoingText.of("paced or not at all"));

        assertThat(held).isInstanceOfSatisfying(TelegramFailure.RetryLater.class, later ->
                assertThat(later.retryAfter()).contains(SendPacer.UNKNOWN_PACE_WAIT));
        assertThat(sandbox.control.telegramStats().path("calls").path("sendmessage").asLong()).isEqualTo(callsBefore);
    }

    /** A shared pace whose store refuses every call, as a throttled or unreachable table does. */
    private static final class UnknownPace implements PaceLedger {
        @Override
        public PaceRules rules() {
            return TelegramRateLimiter.rules(TelegramRateLimiter.DEFAULT_PER_SECOND);
        }

        @Override
        public Instant reserveChat(long chatId, boolean group, Instant now, Duration maxWait) {
            throw new PaceUnavailableException("throttled");
        }

        @Override
        public Instant reserveOverall(Instant now) {
            throw new PaceUnavailableException("throttled");
        }

        @Override
        public void hold(long chatId, Instant until) {
            throw new PaceUnavailableException("throttled");
        }
    }

    @Test
    void a429HoldsTheChatForRetryAfterWithoutCallingTelegram() {
        TelegramBotApi impatient = sandbox.api(Duration.ZERO);
        sandbox.control.fault("telegram", 429, 1, 30);
        long started = System.nanoTime(); // the hold starts later, so what is left of it is 30 s less at most this

        TelegramFailure.RetryLater limited = (TelegramFailure.RetryLater) impatient.sendMessage(ALICE,
                OutgoingText.of("one"));
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));

        long callsBefore = sandbox.control.telegramStats().path("calls").path("sendmessage").asLong();
        SendResult held = impatient.sendMessage(ALICE, OutgoingText.of("two"));
        Duration since = Duration.ofNanos(System.nanoTime() - started).plus(CLOCKS_APART);
        assertThat(held).isInstanceOfSatisfying(TelegramFailure.RetryLater.class, later ->
                assertThat(later.retryAfter().orElseThrow()).isBetween(Duration.ofSeconds(30).minus(since),
                        Duration.ofSeconds(30)));
        assertThat(sandbox.control.telegramStats().path("calls").path("sendmessage").asLong()).isEqualTo(callsBefore);

        sandbox.control.telegramSays(BOB, "/start");
        sent(impatient.sendMessage(BOB, OutgoingText.of("another chat is not held")));
    }

    @Test
    void theLimiterWaitsOutAShortRetryAfterAndThenSends() {
        sandbox.control.fault("telegram", 429, 1, 1);
        long started = System.nanoTime(); // before the hold of 1 s starts
        assertThat(api.sendMessage(ALICE, OutgoingText.of("one"))).isInstanceOf(TelegramFailure.RetryLater.class);

        sent(api.sendMessage(ALICE, OutgoingText.of("two")));

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThan(Duration.ofSeconds(1).minus(CLOCKS_APART));
    }

    @Test
    void messagesToOneChatArePacedSoTelegramNeverFloods() {
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            sent(api.sendMessage(ALICE, OutgoingText.of("message " + i)));
        }

        // a burst of two, then one a second: the third, fourth and fifth wait
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(2_500));
        assertThat(sandbox.control.telegramStats().path("rate_limited").asInt()).isZero();
        assertThat(sandbox.control.telegramChat(ALICE)).hasSize(5);
    }

    @Test
    void aBotWithPaidBroadcastsGoesPastThirtyASecond() throws Exception {
        for (long person = 1; person <= 60; person++) {
            sandbox.control.telegramSays(person, "/start");
        }
        TelegramBotApi paid = new TelegramBotApi(new TelegramConfig(sandbox.base + "/sandbox/telegram",
                TelegramEmulator.BOT_TOKEN, 200), HttpClient.newHttpClient(), TelegramRateLimiter.realTime(200));

        List<SendResult> results = sendAtOnce(paid, 60);

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(SendResult.Sent.class));
        assertThat(sandbox.control.telegramStats().path("rate_limited").asInt()).isZero();
    }

    @Test
    void withoutPaidBroadcastsTelegramRefusesMoreThanThirtyASecond() throws Exception {
        for (long person = 1; person <= 60; person++) {
            sandbox.control.telegramSays(person, "/start");
        }
        TelegramBotApi unpaced = new TelegramBotApi(new TelegramConfig(sandbox.base + "/sandbox/telegram",
                TelegramEmulator.BOT_TOKEN), HttpClient.newHttpClient(), TelegramRateLimiter.realTime(TelegramRateLimiter.MOST_PER_SECOND));

        List<SendResult> results = sendAtOnce(unpaced, 60);

        assertThat(results).filteredOn(TelegramFailure.RetryLater.class::isInstance).isNotEmpty();
        assertThat(sandbox.control.telegramStats().path("rate_limited").asInt()).isPositive();
    }

    /** Sends one message to each of the people 1 to {@code count} from as many threads at once. */
    private static List<SendResult> sendAtOnce(TelegramBotApi api, int count) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SendResult>> sends = new ArrayList<>();
            for (long person = 1; person <= count; person++) {
                long to = person;
                sends.add(pool.submit(() -> api.sendMessage(to, OutgoingText.of("news"))));
            }
            List<SendResult> results = new ArrayList<>();
            for (Future<SendResult> send : sends) {
                results.add(send.get());
            }
            return results;
        }
    }

    @Test
    void telegramsOwnRefusalsAndOutagesAreSorted() {
        sandbox.control.fault("telegram", 403, 1, 0);
        sandbox.control.fault("telegram", 400, 1, 0);
        sandbox.control.fault("telegram", 500, 1, 0);
        sandbox.control.fault("telegram", 502, 1, 0);

        assertThat(api.sendMessage(ALICE, OutgoingText.of("a"))).isInstanceOf(TelegramFailure.Unreachable.class);
        assertThat(api.sendMessage(ALICE, OutgoingText.of("b"))).isInstanceOf(TelegramFailure.Unreachable.class);
        assertThat(api.sendMessage(ALICE, OutgoingText.of("c"))).isInstanceOf(TelegramFailure.RetryLater.class);
        assertThat(api.sendMessage(ALICE, OutgoingText.of("d"))).isInstanceOf(TelegramFailure.RetryLater.class);
    }

    @Test
    void aWrongTokenIsReportedWithoutShowingTheToken() {
        String wrongToken = TelegramEmulator.BOT_ID + ":AAHnot-the-right-token-000000000000";
        TelegramBotApi wrong = new TelegramBotApi(new TelegramConfig(sandbox.base + "/sandbox/telegram", wrongToken),
                HttpClient.newHttpClient(), TelegramRateLimiter.realTime());
        try (LogCapture log = new LogCapture()) {
            SendResult result = wrong.sendMessage(ALICE, OutgoingText.of("hi"));

            assertThat(result).isInstanceOfSatisfying(TelegramFailure.RetryLater.class,
                    later -> assertThat(later.reason()).contains("401").doesNotContain(wrongToken));
            assertThat(log.text()).contains("token").doesNotContain(wrongToken).doesNotContain("AAHnot");
        }
    }

    @Test
    void anUnreachableTelegramIsAPassingFailureThatNamesNoToken() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TelegramBotApi offline = new TelegramBotApi(new TelegramConfig("http://localhost:" + closedPort,
                TelegramEmulator.BOT_TOKEN), HttpClient.newHttpClient(), TelegramRateLimiter.realTime());

        SendResult result = offline.sendMessage(ALICE, OutgoingText.of("hi"));

        assertThat(result).isInstanceOfSatisfying(TelegramFailure.RetryLater.class,
                later -> assertThat(later.reason()).doesNotContain(TelegramEmulator.BOT_TOKEN));
    }

    // ---------------------------------------------------------------- setup and look-ups

    @Test
    void getChatMemberTellsWhoIsInAGroup() throws TelegramApiException {
        sandbox.control.telegramGroup(-1001987654321L, "Friday Band", List.of(ALICE, BOB));

        assertThat(api.getChatMember(-1001987654321L, ALICE))
                .isEqualTo(new ChatMember(ChatMember.Status.CREATOR, true));
        assertThat(api.getChatMember(-1001987654321L, BOB)).isEqualTo(new ChatMember(ChatMember.Status.MEMBER, true));
        sandbox.control.telegramSays(777, "/start");
        assertThat(api.getChatMember(-1001987654321L, 777)).isEqualTo(new ChatMember(ChatMember.Status.LEFT, false));

        assertThatThrownBy(() -> api.getChatMember(-5, ALICE)).isInstanceOfSatisfying(TelegramApiException.class,
                e -> {
                    assertThat(e.errorCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("chat not found");
                });
    }

    @Test
    void setMyCommandsListsTheCommandsAndGetMeNamesTheBot() throws TelegramApiException {
        api.setMyCommands(List.of(new BotCommand("send", "Send a song to a friend"),
                new BotCommand("help", "What I can do")));

        JsonNode listed = sandbox.rawCall("getMyCommands", Map.of()).path("result");
        assertThat(listed).extracting(c -> c.path("command").asText()).containsExactly("send", "help");
        assertThat(api.getMe()).isEqualTo(new BotIdentity(TelegramEmulator.BOT_ID, TelegramEmulator.BOT_USERNAME));
        assertThatThrownBy(() -> new BotCommand("/Send", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}

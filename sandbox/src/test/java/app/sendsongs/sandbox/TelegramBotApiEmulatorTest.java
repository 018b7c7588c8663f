package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emulated Bot API over real HTTP: answers, errors and rules as Telegram has them. */
class TelegramBotApiEmulatorTest {
    private final TelegramHarness h = new TelegramHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    private static Map<String, Object> keyboard(String data) {
        return Map.of("inline_keyboard", List.of(List.of(Map.of("text", "Tap", "callback_data", data))));
    }

    // ---------------------------------------------------------------- tokens and methods

    @Test
    void getMeAnswersTheBotInPrivacyMode() {
        TelegramHarness.Response me = h.api("getMe", Map.of());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("ok").asBoolean()).isTrue();
        assertThat(me.result().path("id").asLong()).isEqualTo(TelegramEmulator.BOT_ID);
        assertThat(me.result().path("is_bot").asBoolean()).isTrue();
        assertThat(me.result().path("username").asText()).isEqualTo(TelegramEmulator.BOT_USERNAME);
        assertThat(me.result().path("can_read_all_group_messages").asBoolean()).isFalse();
    }

    @Test
    void aWrongTokenIsUnauthorizedAndAnUnknownMethodNotFound() {
        TelegramHarness.Response wrong = h.post("/sandbox/telegram/bot7000000001:AAHwrong/getMe", "{}",
                "application/json");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("ok").asBoolean()).isFalse();
        assertThat(wrong.json().path("error_code").asInt()).isEqualTo(401);
        assertThat(wrong.description()).isEqualTo("Unauthorized");

        TelegramHarness.Response malformed = h.post("/sandbox/telegram/botnotatoken/getMe", "{}", "application/json");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.description()).isEqualTo("Unauthorized: invalid token specified");

        TelegramHarness.Response unknown = h.api("sendPigeon", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.description()).isEqualTo("Not Found: method not found");
    }

    @Test
    void methodNamesAreCaseInsensitiveAndParametersComeAsFormOrQueryToo() {
        h.says(42, "/start");

        assertThat(h.apiForm("SENDMESSAGE", Map.of("chat_id", "42", "text", "by form")).status()).isEqualTo(200);
        assertThat(h.get(TelegramHarness.API + "sendMessage?chat_id=42&text=by%20query").status()).isEqualTo(200);

        assertThat(h.chat(42)).extracting(m -> m.path("text").asText()).containsExactly("by form", "by query");
    }

    @Test
    void aBodyThatIsNotJsonGivesNoParametersLikeTheRealServer() {
        h.says(42, "/start");

        TelegramHarness.Response garbled = h.post(TelegramHarness.API + "sendMessage", "{\"chat_id\":42,\"text\":",
                "application/json");

        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.description()).isEqualTo("Bad Request: message text is empty");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = "{\"chat_id\":42,\"text\":\"" + "x".repeat(1_100_000) + "\"}";

        TelegramHarness.Response refused = h.post(TelegramHarness.API + "sendMessage", huge, "application/json");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.description()).startsWith("Request Entity Too Large");
    }

    // ---------------------------------------------------------------- sending

    @Test
    void theBotCannotWriteFirst() {
        h.control("/sandbox/telegram/chats", Map.of("id", -100, "title", "Band", "members", List.of(7, 8)));

        TelegramHarness.Response unknown = h.api("sendMessage", Map.of("chat_id", 99, "text", "hi"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.description()).isEqualTo("Bad Request: chat not found");

        TelegramHarness.Response notStarted = h.api("sendMessage", Map.of("chat_id", 7, "text", "hi"));
        assertThat(notStarted.status()).isEqualTo(403);
        assertThat(notStarted.description()).isEqualTo("Forbidden: bot can't initiate conversation with a user");

        assertThat(h.api("sendMessage", Map.of("text", "hi")).description()).isEqualTo("Bad Request: chat_id is empty");
    }

    @Test
    void aSentMessageHasTelegramsShapeAndShowsInTheChat() {
        h.says(42, "/start");

        TelegramHarness.Response sent = h.api("sendMessage", Map.of("chat_id", 42, "text", "Hello Alice",
                "reply_markup", keyboard("help")));

        assertThat(sent.status()).isEqualTo(200);
        JsonNode message = sent.result();
        assertThat(message.path("message_id").asLong()).isPositive();
        assertThat(message.path("from").path("id").asLong()).isEqualTo(TelegramEmulator.BOT_ID);
        assertThat(message.path("chat").path("id").asLong()).isEqualTo(42);
        assertThat(message.path("chat").path("type").asText()).isEqualTo("private");
        assertThat(message.path("date").asLong()).isEqualTo(TelegramHarness.START.getEpochSecond());
        assertThat(message.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText())
                .isEqualTo("help");

        JsonNode chat = h.chat(42);
        assertThat(chat).hasSize(1);
        assertThat(chat.get(0).path("message_id").asLong()).isEqualTo(message.path("message_id").asLong());
        assertThat(chat.get(0).path("text").asText()).isEqualTo("Hello Alice");
    }

    @Test
    void theTextLimitIs4096CharactersAfterEntityParsing() {
        h.says(42, "/start");

        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "text", "x".repeat(4096))).status()).isEqualTo(200);
        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "parse_mode", "HTML",
                "text", "<b>" + "y".repeat(4096) + "</b>")).status()).isEqualTo(200);

        TelegramHarness.Response tooLong = h.api("sendMessage", Map.of("chat_id", 42, "text", "z".repeat(4097)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.description()).isEqualTo("Bad Request: message is too long");

        TelegramHarness.Response blank = h.api("sendMessage", Map.of("chat_id", 42, "text", "  \n "));
        assertThat(blank.description()).isEqualTo("Bad Request: text must be non-empty");
        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "text", "")).description())
                .isEqualTo("Bad Request: message text is empty");
    }

    @Test
    void htmlIsParsedIntoTextAndEntities() {
        h.says(42, "/start");

        TelegramHarness.Response sent = h.api("sendMessage", Map.of("chat_id", 42, "parse_mode", "HTML",
                "text", "<b>Neon Heron</b> by Tom &amp; Jerry &lt;3 <a href=\"https://open.spotify.com/track/x\">open</a>"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.result().path("text").asText()).isEqualTo("Neon Heron by Tom & Jerry <3 open");
        JsonNode entities = sent.result().path("entities");
        assertThat(entities.get(0).path("type").asText()).isEqualTo("bold");
        assertThat(entities.get(0).path("length").asInt()).isEqualTo(10);
        assertThat(entities.get(1).path("type").asText()).isEqualTo("text_link");
        assertThat(entities.get(1).path("url").asText()).isEqualTo("https://open.spotify.com/track/x");
    }

    @Test
    void badHtmlIsRefusedWithTelegramsWords() {
        h.says(42, "/start");

        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "parse_mode", "HTML", "text", "a < b")).description())
                .isEqualTo("Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 2");
        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "parse_mode", "html", "text", "<b>open")).description())
                .isEqualTo("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "parse_mode", "MarkdownV2", "text", "Done.")).description())
                .isEqualTo("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with "
                        + "the preceding '\\'");
        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "parse_mode", "BBCode", "text", "x")).description())
                .isEqualTo("Bad Request: unsupported parse_mode");
        assertThat(h.chat(42)).isEmpty();
    }

    @Test
    void callbackDataIsAtMost64Bytes() {
        h.says(42, "/start");

        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "text", "ok",
                "reply_markup", keyboard("d".repeat(64)))).status()).isEqualTo(200);

        TelegramHarness.Response tooLong = h.api("sendMessage", Map.of("chat_id", 42, "text", "no",
                "reply_markup", keyboard("é".repeat(33))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.description()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");

        TelegramHarness.Response textButton = h.api("sendMessage", Map.of("chat_id", 42, "text", "no",
                "reply_markup", Map.of("inline_keyboard", List.of(List.of(Map.of("text", "Plain"))))));
        assertThat(textButton.description()).isEqualTo(
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        assertThat(h.chat(42)).hasSize(1);
    }

    // ---------------------------------------------------------------- editing

    @Test
    void editingChangesTheTextAndKeyboardAndRefusesNoChange() {
        h.says(42, "/start");
        long id = h.api("sendMessage", Map.of("chat_id", 42, "text", "Pick one",
                "reply_markup", keyboard("a"))).result().path("message_id").asLong();

        TelegramHarness.Response same = h.api("editMessageText", Map.of("chat_id", 42, "message_id", id,
                "text", "Pick one", "reply_markup", keyboard("a")));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.description()).startsWith("Bad Request: message is not modified");

        h.clock.advance(Duration.ofMinutes(1));
        TelegramHarness.Response edited = h.api("editMessageText", Map.of("chat_id", 42, "message_id", id,
                "text", "Picked"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.result().path("edit_date").asLong()).isEqualTo(TelegramHarness.START.getEpochSecond() + 60);

        JsonNode shown = h.chat(42).get(0);
        assertThat(shown.path("text").asText()).isEqualTo("Picked");
        assertThat(shown.has("reply_markup")).as("a keyboard not sent again is removed").isFalse();

        assertThat(h.api("editMessageText", Map.of("chat_id", 42, "message_id", 999, "text", "x")).description())
                .isEqualTo("Bad Request: message to edit not found");
        long own = h.says(42, "mine").json().path("message_id").asLong();
        assertThat(h.api("editMessageText", Map.of("chat_id", 42, "message_id", own, "text", "x")).description())
                .isEqualTo("Bad Request: message can't be edited");
    }

    @Test
    void editingTheReplyMarkupChangesOnlyTheKeyboardAndRefusesNoChange() {
        h.says(42, "/start");
        long id = h.api("sendMessage", Map.of("chat_id", 42, "text", "Pick one",
                "reply_markup", keyboard("a"))).result().path("message_id").asLong();

        TelegramHarness.Response same = h.api("editMessageReplyMarkup", Map.of("chat_id", 42, "message_id", id,
                "reply_markup", keyboard("a")));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.description()).isEqualTo("Bad Request: message is not modified: specified new message "
                + "content and reply markup are exactly the same as a current content and reply markup of the message");

        TelegramHarness.Response other = h.api("editMessageReplyMarkup", Map.of("chat_id", 42, "message_id", id,
                "reply_markup", keyboard("b")));
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.result().path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("callback_data").asText()).isEqualTo("b");

        TelegramHarness.Response removed = h.api("editMessageReplyMarkup", Map.of("chat_id", 42, "message_id", id));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.result().path("text").asText()).isEqualTo("Pick one");
        assertThat(removed.result().has("reply_markup")).isFalse();
        assertThat(h.chat(42).get(0).has("reply_markup")).isFalse();
        assertThat(h.api("editMessageReplyMarkup", Map.of("chat_id", 42, "message_id", id,
                "reply_markup", Map.of("inline_keyboard", List.of()))).description())
                .as("an empty keyboard is none").startsWith("Bad Request: message is not modified");

        assertThat(h.api("editMessageReplyMarkup", Map.of("chat_id", 42, "message_id", 999)).description())
                .isEqualTo("Bad Request: message to edit not found");
        long own = h.says(42, "mine").json().path("message_id").asLong();
        assertThat(h.api("editMessageReplyMarkup", Map.of("chat_id", 42, "message_id", own)).description())
                .isEqualTo("Bad Request: message can't be edited");
        assertThat(h.api("editMessageReplyMarkup", Map.of()).description())
                .isEqualTo("Bad Request: message identifier is not specified");
    }

    @Test
    void theBotsCommandsAreMarkedAsBotCommandsOutsideCodeAndLinks() {
        h.says(42, "/start");

        JsonNode sent = h.api("sendMessage", Map.of("chat_id", 42, "parse_mode", "HTML", "text",
                "Try <b>/pending</b> or /send@" + TelegramEmulator.BOT_USERNAME + ", not <code>/help</code> nor "
                        + "https://t.me/x/y or <a href=\"https://example.com\">/menu</a>")).result();

        assertThat(sent.path("entities").toString()).isEqualTo("[{\"offset\":4,\"length\":8,\"type\":\"bold\"},"
                + "{\"offset\":4,\"length\":8,\"type\":\"bot_command\"},"
                + "{\"offset\":16,\"length\":25,\"type\":\"bot_command\"},"
                + "{\"offset\":47,\"length\":5,\"type\":\"code\"},"
                + "{\"offset\":77,\"length\":5,\"type\":\"text_link\",\"url\":\"https://example.com\"}]");
        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "text", "Not </b> nor a/b nor /x@ab")).result()
                .has("entities")).as("a command touching '<', a letter or a short bot name is none").isFalse();
    }

    // ---------------------------------------------------------------- taps

    @Test
    void aTapIsAnsweredOnceWithinFifteenSeconds() {
        h.setWebhook("s3cret");
        h.says(42, "/start");
        long id = h.api("sendMessage", Map.of("chat_id", 42, "text", "Pick", "reply_markup", keyboard("help")))
                .result().path("message_id").asLong();

        TelegramHarness.Response tap = h.control("/sandbox/telegram/press",
                Map.of("from", 42, "message_id", id, "data", "help"));
        assertThat(tap.status()).isEqualTo(200);
        String queryId = tap.json().path("callback_query_id").asText();

        JsonNode update = h.awaitReceived(2, Duration.ofSeconds(5)).get(1).update();
        JsonNode query = update.path("callback_query");
        assertThat(query.path("id").asText()).isEqualTo(queryId);
        assertThat(query.path("data").asText()).isEqualTo("help");
        assertThat(query.path("from").path("id").asLong()).isEqualTo(42);
        assertThat(query.path("message").path("message_id").asLong()).isEqualTo(id);
        assertThat(query.path("chat_instance").asText()).isNotEmpty();

        assertThat(h.api("answerCallbackQuery", Map.of("callback_query_id", queryId, "text", "On it"))
                .result().asBoolean()).isTrue();
        assertThat(h.get("/sandbox/telegram/callback/" + queryId).json().path("text").asText()).isEqualTo("On it");
        assertThat(h.api("answerCallbackQuery", Map.of("callback_query_id", queryId)).description())
                .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");

        String late = h.control("/sandbox/telegram/press", Map.of("from", 42, "message_id", id, "data", "help"))
                .json().path("callback_query_id").asText();
        h.clock.advance(Duration.ofSeconds(16));
        assertThat(h.api("answerCallbackQuery", Map.of("callback_query_id", late)).status()).isEqualTo(400);
    }

    @Test
    void aTapsAnswerMayOpenOnlyThisBotsPrivateChat() {
        h.setWebhook("s3cret");
        h.says(42, "/start");
        long id = h.api("sendMessage", Map.of("chat_id", 42, "text", "Pick", "reply_markup", keyboard("join")))
                .result().path("message_id").asLong();
        String first = h.control("/sandbox/telegram/press", Map.of("from", 42, "message_id", id, "data", "join"))
                .json().path("callback_query_id").asText();
        String second = h.control("/sandbox/telegram/press", Map.of("from", 42, "message_id", id, "data", "join"))
                .json().path("callback_query_id").asText();

        assertThat(h.api("answerCallbackQuery", Map.of("callback_query_id", first, "text", "Connect first",
                "url", "https://example.com/phish")).description()).isEqualTo("Bad Request: URL_INVALID");
        assertThat(h.api("answerCallbackQuery", Map.of("callback_query_id", first, "text", "Connect first",
                "url", "https://t.me/SendSongsSandboxBot?start=group")).result().asBoolean()).isTrue();

        JsonNode answered = h.get("/sandbox/telegram/callback/" + first).json();
        assertThat(answered.path("url").asText()).isEqualTo("https://t.me/SendSongsSandboxBot?start=group");
        assertThat(h.get("/sandbox/telegram/callback/" + second).json().has("url")).isFalse();
    }

    @Test
    void theBotMayAnswerATapInItsAnswerToTheUpdate() {
        h.setWebhook("s3cret");
        h.says(42, "/start");
        long id = h.api("sendMessage", Map.of("chat_id", 42, "text", "Pick", "reply_markup", keyboard("help")))
                .result().path("message_id").asLong();
        h.botAnswer = update -> update.has("callback_query") ? "{\"method\":\"answerCallbackQuery\","
                + "\"callback_query_id\":\"" + update.path("callback_query").path("id").asText() + "\"}" : null;

        String queryId = h.control("/sandbox/telegram/press", Map.of("from", 42, "message_id", id, "data", "help"))
                .json().path("callback_query_id").asText();

        JsonNode answered = h.get("/sandbox/telegram/callback/" + queryId).json();
        assertThat(answered.path("answered").asBoolean()).isTrue();
        assertThat(answered.path("text").asText()).isEmpty();
        assertThat(h.get("/sandbox/telegram/stats").json().path("calls").path("answercallbackquery").asInt())
                .isEqualTo(1);
    }

    @Test
    void getChatTellsAPersonsNamesAndAGroupsTitle() {
        h.setWebhook("s3cret");
        h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "/start", "first_name", "Alice",
                "last_name", "Archer", "username", "alice_archer"));
        h.control("/sandbox/telegram/chats", Map.of("id", -42, "title", "Band", "members", List.of(42)));

        JsonNode alice = h.api("getChat", Map.of("chat_id", 42)).result();
        assertThat(alice.path("type").asText()).isEqualTo("private");
        assertThat(alice.path("first_name").asText()).isEqualTo("Alice");
        assertThat(alice.path("last_name").asText()).isEqualTo("Archer");
        assertThat(alice.path("username").asText()).isEqualTo("alice_archer");
        assertThat(h.api("getChat", Map.of("chat_id", -42)).result().path("title").asText()).isEqualTo("Band");
        assertThat(h.api("getChat", Map.of("chat_id", 4242)).description()).isEqualTo("Bad Request: chat not found");
    }

    @Test
    void aMessageWithoutTextCarriesWhatWasSentInTheFieldOfItsKind() {
        h.setWebhook("s3cret");
        h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "photo"));
        h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "animation"));
        h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "sticker", "emoji", "🎸"));

        List<JsonNode> messages = h.awaitReceived(3, Duration.ofSeconds(5)).stream()
                .map(received -> received.update().path("message")).toList();
        assertThat(messages).allSatisfy(message -> assertThat(message.has("text")).isFalse());
        assertThat(messages.get(0).path("photo").get(0).path("file_id").asText()).isNotEmpty();
        assertThat(messages.get(1).has("animation")).isTrue();
        assertThat(messages.get(1).has("document")).as("set beside an animation, as Telegram does").isTrue();
        assertThat(messages.get(2).path("sticker").path("emoji").asText()).isEqualTo("🎸");

        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "selfie")).status()).isEqualTo(400);
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "photo", "text", "hi")).status())
                .isEqualTo(400);
    }

    @Test
    void aPhotoOrAFileMayCarryACaptionWithItsOwnEntitiesButAStickerOrALocationMayNot() {
        h.setWebhook("s3cret");
        String link = "https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm";

        TelegramHarness.Response sent = h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "photo",
                "caption", "this one " + link + " or Listen", "text_links",
                List.of(Map.of("offset", 13 + link.length(), "length", 6, "url", link + "?si=x"))));

        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(200);
        JsonNode message = h.awaitReceived(1, Duration.ofSeconds(5)).getLast().update().path("message");
        assertThat(message.has("text")).isFalse();
        assertThat(message.has("entities")).isFalse();
        assertThat(message.path("photo").get(0).path("file_id").asText()).isNotEmpty();
        assertThat(message.path("caption").asText()).isEqualTo("this one " + link + " or Listen");
        assertThat(message.path("caption_entities")).extracting(e -> e.path("type").asText())
                .containsExactly("url", "text_link");
        assertThat(message.path("caption_entities").get(0).path("offset").asInt()).isEqualTo(9);
        JsonNode whole = h.get("/sandbox/telegram/chat/42/all").json();
        assertThat(whole.get(whole.size() - 1).path("caption").asText())
                .isEqualTo("this one " + link + " or Listen");

        for (String kind : List.of("sticker", "location", "video_note", "contact", "poll", "venue")) {
            assertThat(h.control("/sandbox/telegram/send", Map.of("from", 42, "media", kind, "caption", "hi"))
                    .status()).as(kind + " takes no caption").isEqualTo(400);
        }
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "voice", "caption", " "))
                .status()).as("a blank caption").isEqualTo(400);
    }

    @Test
    void aReplyToACaptionedPhotoCarriesThePhotoAndItsCaption() {
        h.setWebhook("s3cret");
        h.control("/sandbox/telegram/chats", Map.of("id", -42, "title", "Band", "members", List.of(42, 43)));
        h.control("/sandbox/telegram/send", Map.of("from", 43, "chat", -42, "media", "photo", "caption", "new one"));
        JsonNode band = h.get("/sandbox/telegram/chat/-42/all").json();
        long photo = band.get(band.size() - 1).path("message_id").asLong();
        int before = h.received.size();

        h.control("/sandbox/telegram/send", Map.of("from", 42, "chat", -42, "text", "/send", "reply_to", photo));

        JsonNode replied = h.awaitReceived(before + 1, Duration.ofSeconds(5)).getLast().update().path("message")
                .path("reply_to_message");
        assertThat(replied.path("caption").asText()).isEqualTo("new one");
        assertThat(replied.has("text")).isFalse();
        assertThat(replied.path("photo").isArray()).isTrue();
    }

    @Test
    void theWholeChatShowsAMessageWithoutTextByTheFieldOfItsKind() {
        h.setWebhook("s3cret");
        h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "/start"));
        h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "photo"));
        h.control("/sandbox/telegram/send", Map.of("from", 42, "media", "sticker", "emoji", "🎸"));

        JsonNode whole = h.get("/sandbox/telegram/chat/42/all").json();

        assertThat(whole).hasSize(3);
        assertThat(whole.get(1).has("text")).isFalse();
        assertThat(whole.get(1).path("photo").get(0).path("file_id").asText()).isNotEmpty();
        assertThat(whole.get(1).path("from").path("id").asLong()).isEqualTo(42);
        assertThat(whole.get(2).path("sticker").path("emoji").asText()).isEqualTo("🎸");
    }

    @Test
    void aUsernameTelegramWouldRefuseIsRefusedAndNothingReachesTheBot() {
        h.setWebhook("s3cret");
        for (String username : List.of("bob", "abcd", "a".repeat(33), "alice-a", "@alice_a", "алиса_а")) {
            for (String route : List.of("/sandbox/telegram/send", "/sandbox/telegram/open")) {
                TelegramHarness.Response refused = h.control(route, Map.of("from", 42, "text", "/start", "url",
                        "https://t.me/" + TelegramEmulator.BOT_USERNAME + "?start=x", "username", username));
                assertThat(refused.status()).as(route + " " + username).isEqualTo(400);
                assertThat(refused.json().path("error").asText()).as(username)
                        .startsWith("\"username\" must be 5 to 32 of a-z, A-Z, 0-9 and _");
            }
        }
        assertThat(h.received).isEmpty();

        h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "/start", "username", "bob_f"));
        assertThat(h.api("getChat", Map.of("chat_id", 42)).result().path("username").asText()).isEqualTo("bob_f");
        h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "hi", "username", "B".repeat(32)));
        assertThat(h.api("getChat", Map.of("chat_id", 42)).result().path("username").asText())
                .isEqualTo("B".repeat(32));
        h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "hi", "username", ""));
        assertThat(h.api("getChat", Map.of("chat_id", 42)).result().has("username")).as("an empty one removes it")
                .isFalse();
    }

    @Test
    void aUsernameAnotherPersonHoldsIsRefusedUntilTheyChangeTheirs() {
        h.setWebhook("s3cret");
        h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "/start", "username", "sam_s"));
        int before = h.received.size();

        for (String route : List.of("/sandbox/telegram/send", "/sandbox/telegram/open")) {
            TelegramHarness.Response refused = h.control(route, Map.of("from", 43, "text", "/start", "url",
                    "https://t.me/" + TelegramEmulator.BOT_USERNAME + "?start=x", "username", "SAM_s"));
            assertThat(refused.status()).as(route).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).as(route).startsWith("USERNAME_OCCUPIED");
        }
        assertThat(h.received).as("nothing reaches the bot").hasSize(before);
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "hi", "username", "sam_s"))
                .status()).as("its holder may give it again").isEqualTo(200);

        h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "hi", "username", "sam_new"));
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 43, "text", "/start", "username", "sam_s"))
                .status()).as("freed, another may take it").isEqualTo(200);
        assertThat(h.api("getChat", Map.of("chat_id", 43)).result().path("username").asText()).isEqualTo("sam_s");
        assertThat(h.api("getChat", Map.of("chat_id", 42)).result().path("username").asText()).isEqualTo("sam_new");
        for (String bots : List.of(TelegramEmulator.BOT_USERNAME.toLowerCase(Locale.ROOT), "GroupAnonymousBot")) {
            TelegramHarness.Response refused = h.control("/sandbox/telegram/send", Map.of("from", 43, "text", "hi",
                    "username", bots));
            assertThat(refused.status()).as("a bot's, " + bots).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).startsWith("USERNAME_OCCUPIED");
        }
    }

    @Test
    void onlyExistingButtonsCanBeTapped() {
        h.says(42, "/start");
        long id = h.api("sendMessage", Map.of("chat_id", 42, "text", "Pick", "reply_markup", keyboard("help")))
                .result().path("message_id").asLong();

        assertThat(h.control("/sandbox/telegram/press", Map.of("from", 42, "message_id", id, "data", "forged"))
                .status()).isEqualTo(400);
        assertThat(h.control("/sandbox/telegram/press", Map.of("from", 42, "message_id", 77, "data", "help"))
                .status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- people and groups

    @Test
    void aUserWhoBlockedTheBotCannotBeWrittenToUntilTheyUnblockIt() {
        h.says(42, "/start");
        h.control("/sandbox/telegram/users/42/block", Map.of());

        TelegramHarness.Response blocked = h.api("sendMessage", Map.of("chat_id", 42, "text", "hello?"));
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.description()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(h.says(42, "hi").status()).isEqualTo(409);
        JsonNode stats = h.get("/sandbox/telegram/stats").json();
        assertThat(stats.path("forbidden").path("sendmessage").asInt()).as("the refused call, counted").isEqualTo(1);
        assertThat(stats.path("calls").path("sendmessage").asInt()).as("calls Telegram carried out").isZero();

        h.control("/sandbox/telegram/users/42/unblock", Map.of());
        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "text", "welcome back")).status()).isEqualTo(200);
        assertThat(h.get("/sandbox/telegram/stats").json().path("forbidden").path("sendmessage").asInt()).isEqualTo(1);
    }

    @Test
    void getChatMemberReportsGroupMembership() {
        h.control("/sandbox/telegram/chats", Map.of("id", -1001234567890L, "title", "Band", "members", List.of(7, 8)));
        h.says(9, "/start");

        assertThat(member(-1001234567890L, 7)).isEqualTo("creator");
        assertThat(member(-1001234567890L, 8)).isEqualTo("member");
        assertThat(member(-1001234567890L, 9)).isEqualTo("left");
        assertThat(member(-1001234567890L, TelegramEmulator.BOT_ID)).isEqualTo("member");
        assertThat(h.api("getChatMember", Map.of("chat_id", -1001234567890L, "user_id", 12345)).description())
                .isEqualTo("Bad Request: user not found");
        assertThat(h.api("getChatMember", Map.of("chat_id", -5, "user_id", 7)).description())
                .isEqualTo("Bad Request: chat not found");

        h.control("/sandbox/telegram/chats/-1001234567890/leave", Map.of("user", 8));
        assertThat(member(-1001234567890L, 8)).isEqualTo("left");

        assertThat(h.api("sendMessage", Map.of("chat_id", -1001234567890L, "text", "hi all")).result()
                .path("chat").path("type").asText()).isEqualTo("supergroup");
    }

    @Test
    void aGroupRenamedSendsTheBotNewChatTitleAndIsCalledSoFromThen() {
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", -4518810793L, "title", "Band", "members", List.of(7, 8)));
        h.awaitReceived(2, Duration.ofSeconds(5));

        TelegramHarness.Response renamed = h.control("/sandbox/telegram/chats/-4518810793/title",
                Map.of("by", 8, "title", "Friday Band"));

        assertThat(renamed.status()).as(renamed.json().toString()).isEqualTo(200);
        JsonNode service = h.awaitReceived(3, Duration.ofSeconds(5)).get(2).update().path("message");
        assertThat(service.path("new_chat_title").asText()).isEqualTo("Friday Band");
        assertThat(service.path("chat").path("title").asText()).isEqualTo("Friday Band");
        assertThat(service.path("from").path("id").asLong()).isEqualTo(8);
        assertThat(h.api("getChat", Map.of("chat_id", -4518810793L)).result().path("title").asText())
                .isEqualTo("Friday Band");
        assertThat(h.control("/sandbox/telegram/chats/-4518810793/title", Map.of("by", 8, "title", "")).status())
                .isEqualTo(400);
        assertThat(h.control("/sandbox/telegram/chats/-4518810793/title", Map.of("by", 9, "title", "Mine")).status())
                .as("not a member").isEqualTo(403);
    }

    @Test
    void aBasicGroupTheBotWasRemovedFromIsUpgradedWithoutTellingItAndTheBotCanBeAddedToTheSupergroup() {
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", -4518810793L, "title", "Band", "members", List.of(7, 8)));
        h.awaitReceived(2, Duration.ofSeconds(5));
        assertThat(h.control("/sandbox/telegram/chats/-4518810793/remove-bot", Map.of("by", 7)).status())
                .isEqualTo(200);
        h.awaitReceived(3, Duration.ofSeconds(5));

        TelegramHarness.Response upgraded = h.control("/sandbox/telegram/chats/-4518810793/upgrade",
                Map.of("by", 8, "to", -1002471352452L));

        assertThat(upgraded.status()).as(upgraded.json().toString()).isEqualTo(200);
        assertThat(upgraded.json().path("updates")).as("the bot, out of the group, is told nothing").isEmpty();
        TelegramHarness.Response old = h.api("getChat", Map.of("chat_id", -4518810793L));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().path("parameters").path("migrate_to_chat_id").asLong()).isEqualTo(-1002471352452L);
        assertThat(h.api("sendMessage", Map.of("chat_id", -1002471352452L, "text", "hi")).status())
                .as("not in the supergroup either").isEqualTo(403);
        assertThat(h.control("/sandbox/telegram/chats/-1002471352452/add-bot", Map.of("by", 8)).status())
                .isEqualTo(200);
        assertThat(h.awaitReceived(5, Duration.ofSeconds(5)).get(3).update().path("my_chat_member").path("chat")
                .path("id").asLong()).isEqualTo(-1002471352452L);
        assertThat(h.api("sendMessage", Map.of("chat_id", -1002471352452L, "text", "hi")).status()).isEqualTo(200);
    }

    @Test
    void aBasicGroupUpgradedToASupergroupRefersTheBotToItsNewId() {
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", -4518810793L, "title", "Band", "members", List.of(7, 8)));
        h.awaitReceived(2, Duration.ofSeconds(5));

        TelegramHarness.Response upgraded = h.control("/sandbox/telegram/chats/-4518810793/upgrade",
                Map.of("by", 7, "to", -1002471352452L));

        assertThat(upgraded.status()).as(upgraded.json().toString()).isEqualTo(200);
        // the two chats' updates go out side by side, in either order
        List<JsonNode> service = h.awaitReceived(4, Duration.ofSeconds(5)).subList(2, 4).stream()
                .map(r -> r.update().path("message")).toList();
        JsonNode left = service.stream().filter(m -> m.has("migrate_to_chat_id")).findFirst().orElseThrow();
        assertThat(left.path("chat").path("id").asLong()).isEqualTo(-4518810793L);
        assertThat(left.path("from").path("id").asLong()).isEqualTo(7);
        assertThat(left.path("migrate_to_chat_id").asLong()).isEqualTo(-1002471352452L);
        JsonNode arrived = service.stream().filter(m -> m.has("migrate_from_chat_id")).findFirst().orElseThrow();
        assertThat(arrived.path("chat").path("type").asText()).isEqualTo("supergroup");
        assertThat(arrived.path("sender_chat").path("id").asLong()).isEqualTo(-1002471352452L);
        assertThat(arrived.path("migrate_from_chat_id").asLong()).isEqualTo(-4518810793L);

        TelegramHarness.Response old = h.api("sendMessage", Map.of("chat_id", -4518810793L, "text", "hi all"));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.description()).isEqualTo("Bad Request: group chat was upgraded to a supergroup chat");
        assertThat(old.json().path("parameters").path("migrate_to_chat_id").asLong()).isEqualTo(-1002471352452L);
        assertThat(h.api("getChatMember", Map.of("chat_id", -4518810793L, "user_id", 8)).status()).isEqualTo(400);
        assertThat(h.saysIn(-4518810793L, 8, "/who@SendSongsSandboxBot").status()).isEqualTo(409);
        assertThat(member(-1002471352452L, 8)).isEqualTo("member");
        assertThat(h.api("sendMessage", Map.of("chat_id", -1002471352452L, "text", "hi all")).status()).isEqualTo(200);
        assertThat(h.control("/sandbox/telegram/chats/-1002471352452/upgrade", Map.of("by", 7)).status())
                .isEqualTo(409);
    }

    @Test
    void aBotRemovedFromAGroupIsToldAndCanNoLongerWriteThere() {
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", -1001234567890L, "title", "Band", "members", List.of(7, 8)));
        h.awaitReceived(2, Duration.ofSeconds(5));

        assertThat(h.control("/sandbox/telegram/chats/-1001234567890/remove-bot", Map.of("by", 8)).status())
                .isEqualTo(200);

        JsonNode change = h.awaitReceived(3, Duration.ofSeconds(5)).get(2).update().path("my_chat_member");
        assertThat(change.path("from").path("id").asLong()).isEqualTo(8);
        assertThat(change.path("new_chat_member").path("status").asText()).isEqualTo("kicked");
        TelegramHarness.Response refused = h.api("sendMessage", Map.of("chat_id", -1001234567890L, "text", "hi"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.description()).isEqualTo("Forbidden: bot was kicked from the supergroup chat");
        assertThat(h.saysIn(-1001234567890L, 7, "/who@SendSongsSandboxBot").status()).isEqualTo(409);
    }

    @Test
    void aForumsTopicCarriesItsThreadIdBothWaysAndADeletedOneIsNotFound() {
        long forum = -1003100200300L;
        h.setWebhook("s");
        TelegramHarness.Response made = h.control("/sandbox/telegram/chats", Map.of("id", forum, "title", "Band",
                "members", List.of(7, 8), "forum", true));
        assertThat(made.json().path("is_forum").asBoolean()).isTrue();
        h.awaitReceived(2, Duration.ofSeconds(5));

        TelegramHarness.Response topic = h.control("/sandbox/telegram/chats/" + forum + "/topics",
                Map.of("by", 7, "name", "Road trip"));
        assertThat(topic.status()).as(topic.json().toString()).isEqualTo(200);
        long thread = topic.json().path("message_thread_id").asLong();
        JsonNode created = h.awaitReceived(3, Duration.ofSeconds(5)).get(2).update().path("message");
        assertThat(created.path("forum_topic_created").path("name").asText()).isEqualTo("Road trip");
        assertThat(created.path("message_id").asLong()).isEqualTo(thread);
        assertThat(created.path("chat").path("is_forum").asBoolean()).isTrue();

        h.control("/sandbox/telegram/send", Map.of("from", 8, "chat", forum, "topic", thread,
                "text", "/who@SendSongsSandboxBot"));
        JsonNode inTopic = h.awaitReceived(4, Duration.ofSeconds(5)).get(3).update().path("message");
        assertThat(inTopic.path("message_thread_id").asLong()).isEqualTo(thread);
        assertThat(inTopic.path("is_topic_message").asBoolean()).isTrue();
        assertThat(inTopic.path("reply_to_message").path("forum_topic_created").isObject())
                .as("a message in a topic answers the topic's first message").isTrue();

        JsonNode sent = h.api("sendMessage", Map.of("chat_id", forum, "message_thread_id", thread, "text", "hi"))
                .result();
        assertThat(sent.path("message_thread_id").asLong()).isEqualTo(thread);
        assertThat(sent.path("is_topic_message").asBoolean()).isTrue();
        assertThat(h.chat(forum).get(0).path("message_thread_id").asLong()).isEqualTo(thread);
        JsonNode general = h.api("sendMessage", Map.of("chat_id", forum, "text", "hi all")).result();
        assertThat(general.has("message_thread_id")).isFalse();

        h.control("/sandbox/telegram/chats/" + forum + "/topics/" + thread + "/delete", Map.of("by", 7));
        TelegramHarness.Response gone = h.api("sendMessage", Map.of("chat_id", forum, "message_thread_id", thread,
                "text", "hi"));
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.description()).isEqualTo("Bad Request: message thread not found");
        assertThat(h.api("sendMessage", Map.of("chat_id", forum, "message_thread_id", 1, "text", "hi")).description())
                .as("General is no topic to send to").isEqualTo("Bad Request: message thread not found");
        assertThat(h.get("/sandbox/telegram/stats").json().path("bad_requests").path("sendmessage").asInt())
                .isEqualTo(2);
    }

    @Test
    void aClosedTopicTakesNoMessageFromTheBotButItsMessagesThereCanBeEditedAndOnceReopenedItTakesThemAgain() {
        long forum = -1003100200300L;
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", forum, "title", "Band", "members", List.of(7, 8, 9),
                "forum", true));
        h.awaitReceived(2, Duration.ofSeconds(5));
        long thread = h.control("/sandbox/telegram/chats/" + forum + "/topics", Map.of("by", 8, "name", "Road trip"))
                .json().path("message_thread_id").asLong();
        h.awaitReceived(3, Duration.ofSeconds(5));
        long song = h.api("sendMessage", Map.of("chat_id", forum, "message_thread_id", thread, "text", "0 of 2"))
                .result().path("message_id").asLong();

        assertThat(h.control("/sandbox/telegram/chats/" + forum + "/topics/" + thread + "/close", Map.of("by", 10))
                .status()).as("not a member").isEqualTo(403);
        assertThat(h.control("/sandbox/telegram/chats/" + forum + "/topics/" + thread + "/close", Map.of("by", 9))
                .status()).as("neither the topic's maker nor an admin").isEqualTo(403);
        TelegramHarness.Response closed = h.control("/sandbox/telegram/chats/" + forum + "/topics/" + thread
                + "/close", Map.of("by", 7));
        assertThat(closed.status()).as(closed.json().toString()).isEqualTo(200);
        JsonNode service = h.awaitReceived(4, Duration.ofSeconds(5)).get(3).update().path("message");
        assertThat(service.path("forum_topic_closed").isObject()).isTrue();
        assertThat(service.path("message_thread_id").asLong()).isEqualTo(thread);
        assertThat(service.path("from").path("id").asLong()).isEqualTo(7);

        TelegramHarness.Response refused = h.api("sendMessage", Map.of("chat_id", forum, "message_thread_id", thread,
                "text", "hi"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.description()).isEqualTo("Bad Request: TOPIC_CLOSED");
        assertThat(h.api("editMessageText", Map.of("chat_id", forum, "message_id", song, "text", "1 of 2")).status())
                .as("an edit posts nothing new").isEqualTo(200);
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 9, "chat", forum, "topic", thread,
                "text", "hi")).status()).as("a member who neither made the topic nor created the group").isEqualTo(409);
        assertThat(h.control("/sandbox/telegram/chats/" + forum + "/topics/" + thread + "/close", Map.of("by", 8))
                .status()).as("closed already").isEqualTo(409);

        h.control("/sandbox/telegram/chats/" + forum + "/topics/" + thread + "/reopen", Map.of("by", 8));
        JsonNode reopened = h.awaitReceived(5, Duration.ofSeconds(5)).get(4).update().path("message");
        assertThat(reopened.path("forum_topic_reopened").isObject()).isTrue();
        assertThat(h.api("sendMessage", Map.of("chat_id", forum, "message_thread_id", thread, "text", "hi"))
                .status()).isEqualTo(200);
    }

    @Test
    void aReplyInASupergroupWithoutTopicsCarriesItsReplyThreadButIsNoTopicMessage() {
        long group = -1001234567890L;
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", group, "title", "Band", "members", List.of(7, 8)));
        h.awaitReceived(2, Duration.ofSeconds(5));
        long first = h.saysIn(group, 7, "a song").json().path("message_id").asLong();

        h.control("/sandbox/telegram/send", Map.of("from", 8, "chat", group, "reply_to", first,
                "text", "/send@SendSongsSandboxBot"));

        JsonNode reply = h.awaitReceived(3, Duration.ofSeconds(5)).get(2).update().path("message");
        assertThat(reply.path("message_thread_id").asLong()).isEqualTo(first);
        assertThat(reply.has("is_topic_message")).isFalse();
        assertThat(h.control("/sandbox/telegram/chats/" + group + "/topics", Map.of("by", 7, "name", "x")).status())
                .isEqualTo(409);
        assertThat(h.api("sendMessage", Map.of("chat_id", group, "message_thread_id", first, "text", "hi"))
                .description()).isEqualTo("Bad Request: message thread not found");
    }

    private String member(long chat, long user) {
        TelegramHarness.Response answer = h.api("getChatMember", Map.of("chat_id", chat, "user_id", user));
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        return answer.result().path("status").asText();
    }

    @Test
    void commandsAreCheckedAndKeptPerScope() {
        TelegramHarness.Response set = h.api("setMyCommands", Map.of("commands",
                List.of(Map.of("command", "/send", "description", "Send a song"),
                        Map.of("command", "help", "description", "What I can do"))));
        assertThat(set.result().asBoolean()).isTrue();

        JsonNode listed = h.api("getMyCommands", Map.of()).result();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("command").asText()).isEqualTo("send");
        assertThat(h.api("getMyCommands", Map.of("scope", Map.of("type", "all_group_chats"))).result()).isEmpty();

        assertThat(h.api("setMyCommands", Map.of("commands", List.of(Map.of("command", "Send!",
                "description", "x")))).description()).isEqualTo("Bad Request: BOT_COMMAND_INVALID");
        assertThat(h.api("setMyCommands", Map.of("commands", List.of(Map.of("command", "send",
                "description", " ")))).description()).isEqualTo("Bad Request: command description must be non-empty");
    }

    // ---------------------------------------------------------------- faults

    @Test
    void injectedFaultsComeInTelegramsFormat() {
        h.says(42, "/start");
        h.control("/sandbox/faults", Map.of("target", "telegram", "status", 429, "retry_after", 7));
        h.control("/sandbox/faults", Map.of("target", "telegram", "status", 403));

        TelegramHarness.Response limited = h.api("sendMessage", Map.of("chat_id", 42, "text", "hi"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.description()).isEqualTo("Too Many Requests: retry after 7");
        assertThat(limited.json().path("parameters").path("retry_after").asInt()).isEqualTo(7);
        assertThat(limited.headers().get("retry-after")).containsExactly("7");

        TelegramHarness.Response forbidden = h.api("sendMessage", Map.of("chat_id", 42, "text", "hi"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.description()).isEqualTo("Forbidden: bot was blocked by the user");

        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "text", "hi")).status()).isEqualTo(200);
        assertThat(h.control("/sandbox/faults", Map.of("target", "telegram", "status", 200)).status())
                .as("only Last.fm takes 200 faults").isEqualTo(400);
    }

    @Test
    void sendingFasterThanAChatAllowsIsRateLimited() {
        h.says(42, "/start");
        int sent = 0;
        TelegramHarness.Response last = null;
        for (int i = 0; i < 10; i++) {
            last = h.api("sendMessage", Map.of("chat_id", 42, "text", "flood " + i));
            if (last.status() != 200) {
                break;
            }
            sent++;
        }
        assertThat(sent).isBetween(TelegramRateLimits.CHAT_BURST, TelegramRateLimits.CHAT_BURST + 1);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().path("parameters").path("retry_after").asInt()).isEqualTo(1);
        assertThat(h.get("/sandbox/telegram/stats").json().path("rate_limited").asInt()).isEqualTo(1);
    }
}

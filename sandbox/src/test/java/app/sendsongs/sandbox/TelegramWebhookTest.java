package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Updates reaching the bot's webhook: shape, secret header, order, redelivery, filters and privacy mode. */
class TelegramWebhookTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final TelegramHarness h = new TelegramHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aMessageArrivesAsARealUpdateWithTheSecretHeader() {
        h.setWebhook("Secret_token-1");

        TelegramHarness.Response sent = h.control("/sandbox/telegram/send", Map.of("from", 42, "text",
                "/start ref-42", "first_name", "Alice", "last_name", "Archer", "username", "alice_a"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().path("delivered").asBoolean()).isTrue();
        TelegramHarness.Received received = h.received.get(0);
        assertThat(received.secret()).isEqualTo("Secret_token-1");
        JsonNode update = received.update();
        assertThat(update.path("update_id").asLong()).isEqualTo(sent.json().path("update_id").asLong());
        JsonNode message = update.path("message");
        assertThat(message.path("message_id").asLong()).isEqualTo(sent.json().path("message_id").asLong());
        assertThat(message.path("from").path("first_name").asText()).isEqualTo("Alice");
        assertThat(message.path("from").path("username").asText()).isEqualTo("alice_a");
        assertThat(message.path("chat").path("id").asLong()).isEqualTo(42);
        assertThat(message.path("chat").path("type").asText()).isEqualTo("private");
        assertThat(message.path("date").asLong()).isEqualTo(TelegramHarness.START.getEpochSecond());
        assertThat(message.path("text").asText()).isEqualTo("/start ref-42");
        JsonNode command = message.path("entities").get(0);
        assertThat(command.path("type").asText()).isEqualTo("bot_command");
        assertThat(command.path("offset").asInt()).isZero();
        assertThat(command.path("length").asInt()).isEqualTo(6);
    }

    @Test
    void anEditOfAMessageArrivesAsAnEditedMessageUpdateWithItsEditDate() {
        h.setWebhook("s");
        TelegramHarness.Response sent = h.says(42, "/send @bobby");
        long messageId = sent.json().path("message_id").asLong();
        h.clock.advance(Duration.ofMinutes(2));

        TelegramHarness.Response edited = h.control("/sandbox/telegram/edit", Map.of("from", 42, "message_id",
                messageId, "text", "/send @bob"));

        assertThat(edited.status()).as(edited.json().toString()).isEqualTo(200);
        assertThat(edited.json().path("delivered").asBoolean()).isTrue();
        JsonNode update = h.received.getLast().update();
        assertThat(update.path("update_id").asLong()).isEqualTo(sent.json().path("update_id").asLong() + 1);
        assertThat(update.has("message")).isFalse();
        JsonNode message = update.path("edited_message");
        assertThat(message.path("message_id").asLong()).isEqualTo(messageId);
        assertThat(message.path("text").asText()).isEqualTo("/send @bob");
        assertThat(message.path("date").asLong()).isEqualTo(TelegramHarness.START.getEpochSecond());
        assertThat(message.path("edit_date").asLong()).isEqualTo(TelegramHarness.START.getEpochSecond() + 120);
        assertThat(message.path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
        assertThat(h.control("/sandbox/telegram/edit", Map.of("from", 43, "message_id", messageId, "text", "x"))
                .status()).as("someone else's message, or none").isIn(400, 404);
    }

    @Test
    void inAGroupTheBotGetsAnEditOnlyOfAMessageItWouldSee() {
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", -42, "title", "Band", "members", List.of(42)));
        long chatter = h.saysIn(-42, 42, "hello all").json().path("message_id").asLong();
        long command = h.saysIn(-42, 42, "/who").json().path("message_id").asLong();
        int before = h.received.size();

        TelegramHarness.Response ordinary = h.control("/sandbox/telegram/edit", Map.of("from", 42, "chat", -42,
                "message_id", chatter, "text", "hello everyone"));
        TelegramHarness.Response toTheBot = h.control("/sandbox/telegram/edit", Map.of("from", 42, "chat", -42,
                "message_id", command, "text", "/join"));

        assertThat(ordinary.json().path("delivered").asBoolean()).isFalse();
        assertThat(toTheBot.json().path("delivered").asBoolean()).isTrue();
        assertThat(h.received).hasSize(before + 1);
        assertThat(h.received.getLast().update().path("edited_message").path("text").asText()).isEqualTo("/join");
    }

    @Test
    void noEditArrivesWhenTheBotsAllowedUpdatesLeaveThemOut() {
        h.api("setWebhook", Map.of("url", h.webhookUrl(), "secret_token", "s",
                "allowed_updates", List.of("message", "callback_query")));
        long messageId = h.says(42, "/send @bobby").json().path("message_id").asLong();

        TelegramHarness.Response edited = h.control("/sandbox/telegram/edit", Map.of("from", 42, "message_id",
                messageId, "text", "/send @bob"));

        assertThat(edited.json().path("delivered").asBoolean()).isFalse();
        assertThat(h.received).hasSize(1);
    }

    @Test
    void linksSetOnWordsArriveAsTextLinkEntitiesAndBadOnesAreRefused() {
        h.setWebhook("Secret_token-1");
        String link = "https://open.spotify.com/track/sw0KSZFy2XPBgUm7JydSrm";

        TelegramHarness.Response sent = h.control("/sandbox/telegram/send", Map.of("from", 42, "text",
                "Out today. Listen", "text_links", List.of(Map.of("offset", 11, "length", 6, "url", link))));

        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(200);
        JsonNode entity = h.received.getLast().update().path("message").path("entities").get(0);
        assertThat(entity.path("type").asText()).isEqualTo("text_link");
        assertThat(entity.path("offset").asInt()).isEqualTo(11);
        assertThat(entity.path("length").asInt()).isEqualTo(6);
        assertThat(entity.path("url").asText()).isEqualTo(link);
        int updates = h.received.size();
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "Listen", "text_links",
                List.of(Map.of("offset", 3, "length", 6, "url", link)))).status()).as("past the text's end")
                .isEqualTo(400);
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "Listen", "text_links",
                List.of(Map.of("offset", 0, "length", 6, "url", "open.spotify.com")))).status()).as("no http(s) URL")
                .isEqualTo(400);
        assertThat(h.received).hasSize(updates);
    }

    @Test
    void openingAStartLinkAndPressingStartSendsTheBotTheParameterEvenToSomeoneWhoStartedItBefore() {
        h.setWebhook("s");
        String link = "https://t.me/" + TelegramEmulator.BOT_USERNAME.toLowerCase(java.util.Locale.ROOT)
                + "?start=invite-AbC_09-x";

        TelegramHarness.Response opened = h.control("/sandbox/telegram/open", Map.of("from", 42, "url", link,
                "first_name", "Carol"));
        TelegramHarness.Response again = h.control("/sandbox/telegram/open", Map.of("from", 42, "url",
                "tg://resolve?domain=" + TelegramEmulator.BOT_USERNAME + "&start=songs"));

        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().path("delivered").asBoolean()).isTrue();
        assertThat(again.json().path("delivered").asBoolean()).isTrue();
        List<TelegramHarness.Received> received = h.awaitReceived(2, Duration.ofSeconds(5));
        JsonNode message = received.get(0).update().path("message");
        assertThat(message.path("text").asText()).isEqualTo("/start invite-AbC_09-x");
        assertThat(message.path("from").path("first_name").asText()).isEqualTo("Carol");
        assertThat(message.path("chat").path("type").asText()).isEqualTo("private");
        assertThat(message.path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
        assertThat(message.path("entities").get(0).path("length").asInt()).isEqualTo(6);
        assertThat(received.get(1).update().path("message").path("text").asText()).isEqualTo("/start songs");
        assertThat(h.api("sendMessage", Map.of("chat_id", 42, "text", "Hi Carol")).status())
                .as("pressing START opened the chat for the bot").isEqualTo(200);
    }

    @Test
    void aStartParameterTelegramDoesNotPassOnNeverReachesTheBot() {
        h.setWebhook("s");
        String bot = "https://t.me/" + TelegramEmulator.BOT_USERNAME;

        TelegramHarness.Response tooLong = h.control("/sandbox/telegram/open", Map.of("from", 42, "url",
                bot + "?start=" + "a".repeat(65)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().toString()).contains("START_PARAM_TOO_LONG");

        TelegramHarness.Response odd = h.control("/sandbox/telegram/open", Map.of("from", 42, "url",
                bot + "?start=invite%2Fx.y"));
        assertThat(odd.json().path("delivered").asBoolean()).as("a newcomer's START sends a bare /start").isTrue();
        TelegramHarness.Response oddAgain = h.control("/sandbox/telegram/open", Map.of("from", 42, "url",
                bot + "?start=a%20b"));
        assertThat(oddAgain.status()).isEqualTo(200);
        assertThat(oddAgain.json().path("delivered").asBoolean()).as("the chat only opens").isFalse();

        assertThat(h.control("/sandbox/telegram/open", Map.of("from", 42, "url", "https://t.me/SomeOtherBot?start=x"))
                .status()).isEqualTo(404);
        assertThat(h.control("/sandbox/telegram/open", Map.of("from", 42, "url", "https://example.com/"
                + TelegramEmulator.BOT_USERNAME + "?start=x")).status()).isEqualTo(400);
        List<TelegramHarness.Received> received = h.awaitReceived(1, Duration.ofSeconds(5));
        assertThat(received).extracting(r -> r.update().path("message").path("text").asText())
                .containsExactly("/start");
    }

    @Test
    void updateIdsIncrease() {
        h.setWebhook("s");
        long first = h.says(1, "one").json().path("update_id").asLong();
        long second = h.says(2, "two").json().path("update_id").asLong();
        long third = h.says(1, "three").json().path("update_id").asLong();

        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void anUpdateTheBotDoesNotTakeIsSentAgainAndLaterOnesOfTheChatWait() {
        h.setWebhook("s");
        h.botStatuses.add(500);

        TelegramHarness.Response refused = h.says(42, "first");
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().path("bot_status").asInt()).isEqualTo(500);
        TelegramHarness.Response queued = h.says(42, "second");
        assertThat(queued.status()).isEqualTo(502);
        assertThat(queued.json().path("error").asText()).contains("waits behind 1");
        assertThat(h.get("/sandbox/telegram/webhook").json().path("pending_update_count").asInt()).isEqualTo(2);
        assertThat(h.get("/sandbox/telegram/webhook").json().path("last_error_message").asText())
                .isEqualTo("Wrong response from the webhook: 500");

        List<TelegramHarness.Received> received = h.awaitTaken(3, WAIT);

        assertThat(received).extracting(r -> r.update().path("message").path("text").asText())
                .containsExactly("first", "first", "second");
        assertThat(received.get(1).update().path("update_id").asLong())
                .isEqualTo(refused.json().path("update_id").asLong());
        assertThat(h.get("/sandbox/telegram/webhook").json().path("pending_update_count").asInt()).isZero();
    }

    @Test
    void anUpdateTheBotDidNotTakeIsNotSentAgainOnceTheSandboxIsClosed() {
        h.setWebhook("s");
        h.botStatuses.add(500);
        assertThat(h.says(42, "first").status()).isEqualTo(502);

        h.sandbox.close();
        pause(TelegramWebhook.FIRST_RETRY.multipliedBy(3)); // past the first retry, had it been kept

        assertThat(h.received).as("the refused update alone, not its retry").hasSize(1);
        assertThat(h.says(7, "another chat").json().path("delivered").asBoolean()).isFalse();
        assertThat(h.received).hasSize(1);
    }

    @Test
    void aCallThatMakesSeveralUpdatesOfAChatAnswersOnceEachWasTakenSoTheNextOneDoesNotWait() {
        h.setWebhook("s");
        h.botAnswer = update -> {
            pause(Duration.ofMillis(150)); // a bot slower than the test's next call
            return null;
        };

        TelegramHarness.Response created = h.control("/sandbox/telegram/chats", Map.of("id", -42, "title", "Band",
                "members", List.of(7, 8)));
        int takenWhenAnswered = h.received.size();
        TelegramHarness.Response command = h.control("/sandbox/telegram/send", Map.of("from", 7, "chat", -42,
                "text", "/help@" + TelegramEmulator.BOT_USERNAME));

        assertThat(created.status()).isEqualTo(200);
        assertThat(takenWhenAnswered).as("added to the group, then its service message").isEqualTo(2);
        assertThat(command.status()).as("nothing of the group waits ahead of it").isEqualTo(200);
        assertThat(command.json().path("delivered").asBoolean()).isTrue();
    }

    @Test
    void updatesWaitForTheWebhookToBeSet() {
        TelegramHarness.Response early = h.says(42, "/start");
        assertThat(early.status()).isEqualTo(502);
        assertThat(early.json().path("error").asText()).contains("no webhook is set");

        h.setWebhook("s");

        assertThat(h.awaitReceived(1, WAIT)).extracting(r -> r.update().path("message").path("text").asText())
                .containsExactly("/start");
    }

    @Test
    void allowedUpdatesLeaveOutOtherTypes() {
        h.api("setWebhook", Map.of("url", h.webhookUrl(), "secret_token", "s",
                "allowed_updates", List.of("message", "callback_query")));
        h.says(42, "/start");

        TelegramHarness.Response blocked = h.control("/sandbox/telegram/users/42/block", Map.of());

        assertThat(blocked.json().path("updates").get(0).path("delivered").asBoolean()).isFalse();
        assertThat(h.received).hasSize(1);
        assertThat(h.api("getWebhookInfo", Map.of()).result().path("allowed_updates"))
                .extracting(JsonNode::asText).containsExactly("callback_query", "message");
    }

    @Test
    void aBotThatAllowsMyChatMemberHearsOfBeingBlockedAndUnblockedInThePersonsPrivateChat() {
        h.api("setWebhook", Map.of("url", h.webhookUrl(), "secret_token", "s",
                "allowed_updates", List.of("message", "callback_query", "my_chat_member")));
        h.control("/sandbox/telegram/send", Map.of("from", 42, "text", "/start", "first_name", "Alice"));

        TelegramHarness.Response blocked = h.control("/sandbox/telegram/users/42/block", Map.of());
        h.control("/sandbox/telegram/users/42/unblock", Map.of());

        assertThat(blocked.json().path("updates").get(0).path("delivered").asBoolean()).isTrue();
        List<TelegramHarness.Received> received = h.awaitReceived(3, WAIT);
        JsonNode block = received.get(1).update();
        assertThat(received.get(1).secret()).isEqualTo("s");
        assertThat(block.path("update_id").asLong()).isEqualTo(blocked.json().path("updates").get(0)
                .path("update_id").asLong());
        JsonNode change = block.path("my_chat_member");
        assertThat(change.path("chat").path("id").asLong()).isEqualTo(42);
        assertThat(change.path("chat").path("type").asText()).isEqualTo("private");
        assertThat(change.path("from").path("id").asLong()).isEqualTo(42);
        assertThat(change.path("date").asLong()).isEqualTo(TelegramHarness.START.getEpochSecond());
        assertThat(change.path("old_chat_member").path("status").asText()).isEqualTo("member");
        assertThat(change.path("new_chat_member").path("status").asText()).isEqualTo("kicked");
        assertThat(change.path("new_chat_member").path("user").path("id").asLong())
                .isEqualTo(TelegramEmulator.BOT_ID);
        JsonNode unblock = received.get(2).update().path("my_chat_member");
        assertThat(unblock.path("old_chat_member").path("status").asText()).isEqualTo("kicked");
        assertThat(unblock.path("new_chat_member").path("status").asText()).isEqualTo("member");
    }

    @Test
    void byDefaultTheBotHearsOfBeingAddedToAGroupAndOfBeingBlocked() {
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", -42, "title", "Band", "members", List.of(7, 8)));
        h.says(7, "/start");
        h.control("/sandbox/telegram/users/7/block", Map.of());

        List<TelegramHarness.Received> received = h.awaitReceived(4, WAIT);
        assertThat(received.get(0).update().path("my_chat_member").path("new_chat_member").path("status").asText())
                .isEqualTo("member");
        assertThat(received.get(1).update().path("message").path("new_chat_members").get(0).path("id").asLong())
                .isEqualTo(TelegramEmulator.BOT_ID);
        assertThat(received.get(1).update().path("message").has("text")).isFalse();
        assertThat(received.get(3).update().path("my_chat_member").path("new_chat_member").path("status").asText())
                .isEqualTo("kicked");
    }

    @Test
    void inAGroupTheBotSeesOnlyCommandsForItAndMentionsOfIt() {
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", -42, "title", "Band", "members", List.of(7, 8)));
        int before = h.awaitTaken(2, WAIT).size();

        TelegramHarness.Response chatter = h.saysIn(-42, 7, "anyone up for a song?");
        assertThat(chatter.status()).isEqualTo(200);
        assertThat(chatter.json().path("delivered").asBoolean()).isFalse();
        assertThat(h.saysIn(-42, 8, "/send@OtherBot Bob").json().path("delivered").asBoolean()).isFalse();

        assertThat(h.saysIn(-42, 7, "/send@SendSongsSandboxBot Bob https://open.spotify.com/track/x")
                .json().path("delivered").asBoolean()).isTrue();
        assertThat(h.saysIn(-42, 8, "/help").json().path("delivered").asBoolean()).isTrue();
        assertThat(h.saysIn(-42, 8, "hey @SendSongsSandboxBot").json().path("delivered").asBoolean()).isTrue();
        assertThat(h.received).hasSize(before + 3);

        JsonNode command = h.received.get(before).update().path("message");
        assertThat(command.path("chat").path("type").asText()).isEqualTo("group");
        assertThat(command.path("entities").get(0).path("length").asInt()).isEqualTo(25);
        assertThat(command.path("entities").get(1).path("type").asText()).isEqualTo("url");

        assertThat(h.saysIn(-42, 99, "/help").status()).as("not a member").isEqualTo(403);
    }

    @Test
    void aReplyCarriesTheMessageItAnswersAndAReplyToTheBotReachesItInAGroup() {
        h.setWebhook("s");
        h.control("/sandbox/telegram/chats", Map.of("id", -42, "title", "Band", "members", List.of(7, 8)));
        int before = h.awaitTaken(2, WAIT).size();
        long songMessage = h.saysIn(-42, 7, "listen https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6")
                .json().path("message_id").asLong();

        TelegramHarness.Response reply = h.control("/sandbox/telegram/send",
                Map.of("from", 8, "chat", -42, "text", "/send@SendSongsSandboxBot", "reply_to", songMessage));

        assertThat(reply.json().path("delivered").asBoolean()).isTrue();
        JsonNode replied = h.awaitReceived(before + 1, WAIT).get(before).update().path("message")
                .path("reply_to_message");
        assertThat(replied.path("message_id").asLong()).isEqualTo(songMessage);
        assertThat(replied.path("text").asText()).startsWith("listen https://open.spotify.com/track/");
        assertThat(replied.path("from").path("id").asLong()).isEqualTo(7);
        assertThat(replied.has("reply_to_message")).isFalse();

        long botMessage = h.api("sendMessage", Map.of("chat_id", -42, "text", "Who's in?")).result()
                .path("message_id").asLong();
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 8, "chat", -42, "text", "me!",
                "reply_to", botMessage)).json().path("delivered").asBoolean()).as("a reply to the bot").isTrue();
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 8, "chat", -42, "text", "me too",
                "reply_to", songMessage)).json().path("delivered").asBoolean()).as("a reply to a person").isFalse();
        assertThat(h.control("/sandbox/telegram/send", Map.of("from", 8, "chat", -42, "text", "?",
                "reply_to", 999)).status()).isEqualTo(404);

        JsonNode whole = h.get("/sandbox/telegram/chat/-42/all").json();
        assertThat(whole).extracting(m -> m.path("text").asText())
                .containsExactly("listen https://open.spotify.com/track/60RgwcFFC3Ka3c210aUVZ6",
                        "/send@SendSongsSandboxBot", "Who's in?", "me!", "me too");
        assertThat(whole.get(1).path("reply_to").asLong()).isEqualTo(songMessage);
        assertThat(whole.get(2).path("from").path("is_bot").asBoolean()).isTrue();
        assertThat(whole.get(0).path("from").path("id").asLong()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://bot.example.com/hook        | ok           | Bad Request: bad webhook: An HTTPS URL must be provided for webhook",
        "https://bot.example.com:8080/hook  | ok           | Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443",
        "ftp://bot.example.com/hook         | ok           | Bad Request: invalid webhook URL specified",
        "LOCAL                              | has space    | Bad Request: secret token contains unallowed characters",
    })
    void setWebhookChecksTheUrlAndTheSecret(String url, String secret, String description) {
        String webhook = url.equals("LOCAL") ? h.webhookUrl() : url;

        TelegramHarness.Response refused = h.api("setWebhook", Map.of("url", webhook, "secret_token", secret));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.description()).isEqualTo(description);
    }

    @Test
    void aSecretIsAtMost256Characters() {
        assertThat(h.api("setWebhook", Map.of("url", h.webhookUrl(), "secret_token", "x".repeat(257))).description())
                .isEqualTo("Bad Request: secret token is too long");
    }

    @Test
    void setWebhookIsTakenAtMostOnceASecondAndCanBeUndone() {
        TelegramHarness.Response set = h.api("setWebhook", Map.of("url", h.webhookUrl(), "secret_token", "ok"));
        assertThat(set.result().asBoolean()).isTrue();
        assertThat(set.json().path("description").asText()).isEqualTo("Webhook was set");
        assertThat(h.api("setWebhook", Map.of("url", h.webhookUrl(), "secret_token", "ok")).status()).isEqualTo(429);
        assertThat(h.api("getWebhookInfo", Map.of()).result().path("url").asText()).isEqualTo(h.webhookUrl());
        assertThat(h.get("/sandbox/telegram/webhook").json().path("secret_token_set").asBoolean()).isTrue();

        assertThat(h.api("deleteWebhook", Map.of()).json().path("description").asText())
                .isEqualTo("Webhook was deleted");
        assertThat(h.api("getWebhookInfo", Map.of()).result().path("url").asText()).isEmpty();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

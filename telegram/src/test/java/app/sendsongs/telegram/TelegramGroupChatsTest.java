package app.sendsongs.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.ChatPlace;
import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.GroupChatPlatform.Membership;
import app.sendsongs.core.chat.GroupChatPlatform.Outcome;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.sandbox.TelegramEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core's group chat port over real HTTP against the sandbox's Telegram emulator. */
class TelegramGroupChatsTest {
    private static final long BAND = -1_001_987_654_321L;
    private static final String BAND_ID = Long.toString(BAND);
    private static final long ALICE = 385_741_296L;
    private static final long BOB = 511_223_344L;

    private final TelegramSandbox sandbox = new TelegramSandbox();
    private final TelegramBotApi api = sandbox.api();
    private final TelegramChat telegram = new TelegramChat(api, new BotUsername(api));
    private final GroupChatPlatform groups = telegram.groupChats().orElseThrow();

    @BeforeEach
    void aBandWithTheBotInIt() throws TelegramApiException {
        api.setWebhook(sandbox.webhookUrl(), sandbox.secret, TelegramSetup.ALLOWED_UPDATES);
        sandbox.control.telegramGroup(BAND, "Friday Band", List.of(ALICE, BOB));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Message song(String progress) {
        return Message.text("🎵 Alice shared Neon Heron\n" + progress)
                .withChoices(List.of(new Choice("Count me in", "join")));
    }

    @Test
    void aMessageSentToTheGroupIsPostedWithItsIdAndEditedInPlaceAndAnUnchangedEditIsNoFailure() {
        SendOutcome posted = telegram.send(BAND_ID, song("Played by 0 of 2 so far."), MessageKind.UPDATE, "post-1");
        assertThat(posted).isInstanceOf(SendOutcome.Sent.class);
        String ref = ((SendOutcome.Sent) posted).messageRef().orElseThrow();

        assertThat(groups.edit(BAND_ID, ref, song("Played by 1 of 2 so far: Bob."))).isEqualTo(new Outcome.Posted(ref));
        assertThat(groups.edit(BAND_ID, ref, song("Played by 1 of 2 so far: Bob."))).isEqualTo(new Outcome.Posted(ref));

        JsonNode shown = sandbox.control.telegramChat(BAND);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).path("text").asText()).endsWith("Played by 1 of 2 so far: Bob.");
        assertThat(shown.get(0).path("message_id").asText()).isEqualTo(ref);
        assertThat(shown.get(0).path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data")
                .asText()).isEqualTo("join");
        assertThat(shown.get(0).has("edit_date")).isTrue();
    }

    @Test
    void aMessageSentToAForumTopicsAddressIsPostedInThatTopicAndOnceTheTopicIsGoneInTheChat() {
        long forum = -1_003_100_200_300L;
        sandbox.control.telegramForum(forum, "Friday Band", List.of(ALICE, BOB));
        long topic = sandbox.control.telegramTopic(forum, ALICE, "Road trip");
        String topicAddress = new ChatPlace(TelegramIds.address(forum), Optional.of(Long.toString(topic))).address()
                .id();

        SendOutcome posted = telegram.send(topicAddress, song("Played by 0 of 2 so far."), MessageKind.UPDATE, "p-1");
        String ref = ((SendOutcome.Sent) posted).messageRef().orElseThrow();
        assertThat(groups.edit(Long.toString(forum), ref, song("Played by 1 of 2 so far: Bob.")))
                .isEqualTo(new Outcome.Posted(ref));
        sandbox.control.telegramDeleteTopic(forum, ALICE, topic);
        assertThat(telegram.send(topicAddress, Message.text("Songs shared here go to 2 people."), MessageKind.UPDATE,
                "p-2")).isInstanceOf(SendOutcome.Sent.class);

        JsonNode shown = sandbox.control.telegramChat(forum);
        assertThat(shown.get(shown.size() - 2).path("message_thread_id").asLong()).isEqualTo(topic);
        assertThat(shown.get(shown.size() - 2).path("text").asText()).endsWith("Played by 1 of 2 so far: Bob.");
        assertThat(shown.get(shown.size() - 1).has("message_thread_id")).as("posted in General").isFalse();
        assertThat(shown.get(shown.size() - 1).path("text").asText()).isEqualTo("Songs shared here go to 2 people.");
    }

    @Test
    void aMessageForAClosedTopicIsPostedInTheChatWhileTheSongsMessageThereIsStillEdited() {
        long forum = -1_003_100_200_300L;
        sandbox.control.telegramForum(forum, "Friday Band", List.of(ALICE, BOB));
        long topic = sandbox.control.telegramTopic(forum, BOB, "Road trip");
        String topicAddress = new ChatPlace(TelegramIds.address(forum), Optional.of(Long.toString(topic))).address()
                .id();
        SendOutcome posted = telegram.send(topicAddress, song("Played by 0 of 2 so far."), MessageKind.UPDATE, "p-1");
        String ref = ((SendOutcome.Sent) posted).messageRef().orElseThrow();

        sandbox.control.telegramCloseTopic(forum, BOB, topic);

        assertThat(groups.edit(Long.toString(forum), ref, song("Played by 1 of 2 so far: Bob.")))
                .isEqualTo(new Outcome.Posted(ref));
        assertThat(telegram.send(topicAddress, Message.text("Songs shared here go to 2 people."), MessageKind.UPDATE,
                "p-2")).isInstanceOf(SendOutcome.Sent.class);
        JsonNode shown = sandbox.control.telegramChat(forum);
        assertThat(shown.get(shown.size() - 2).path("message_thread_id").asLong()).isEqualTo(topic);
        assertThat(shown.get(shown.size() - 2).path("text").asText()).endsWith("Played by 1 of 2 so far: Bob.");
        assertThat(shown.get(shown.size() - 1).has("message_thread_id")).as("posted in General").isFalse();
        assertThat(sandbox.control.telegramStats().path("bad_requests").path("sendmessage").asInt())
                .as("refused in the closed topic first").isEqualTo(1);
    }

    @Test
    void theGroupsRateLimitIsARetryLaterWithTheWait() {
        TelegramChat impatient = new TelegramChat(sandbox.api(Duration.ZERO), () -> "SendSongsSandboxBot");
        GroupChatPlatform impatientGroups = impatient.groupChats().orElseThrow();
        String ref = ((SendOutcome.Sent) impatient.send(BAND_ID, Message.text("hi band"), MessageKind.UPDATE, "p"))
                .messageRef().orElseThrow();
        sandbox.control.fault("telegram", 429, 1, 40);

        SendOutcome limited = impatient.send(BAND_ID, Message.text("hi again"), MessageKind.UPDATE, "p2");
        Outcome limitedEdit = impatientGroups.edit(BAND_ID, ref, Message.text("hi band!"));

        assertThat(limited).isInstanceOfSatisfying(SendOutcome.Failed.class,
                later -> assertThat(later.retryAfter()).contains(Duration.ofSeconds(40)));
        assertThat(limitedEdit).isInstanceOfSatisfying(Outcome.RetryLater.class,
                later -> assertThat(later.retryAfter()).isPresent());
    }

    @Test
    void aGroupTheBotIsNoLongerInIsGone() {
        assertThat(telegram.send("-4242", Message.text("hello?"), MessageKind.UPDATE, "p"))
                .isInstanceOf(SendOutcome.Unreachable.class);
        assertThat(groups.edit(BAND_ID, "9999", Message.text("x"))).isInstanceOf(Outcome.Gone.class);
    }

    @Test
    void aGroupTheBotWasRemovedFromIsOutOfChatAndItsMessagesCanBeEditedOnceTheBotIsAddedBack() {
        String ref = ((SendOutcome.Sent) telegram.send(BAND_ID, song("Played by 0 of 2 so far."), MessageKind.UPDATE,
                "post-1")).messageRef().orElseThrow();
        sandbox.control.telegramRemoveBot(BAND, ALICE);

        assertThat(groups.edit(BAND_ID, ref, song("Played by 1 of 2 so far: Bob.")))
                .isInstanceOf(Outcome.OutOfChat.class);
        sandbox.control.telegramAddBotBack(BAND, ALICE);

        assertThat(groups.edit(BAND_ID, ref, song("Played by 1 of 2 so far: Bob."))).isEqualTo(new Outcome.Posted(ref));
        assertThat(sandbox.control.telegramChat(BAND).get(0).path("text").asText())
                .endsWith("Played by 1 of 2 so far: Bob.");
    }

    @Test
    void aGroupsTitleIsAskedOfTelegramAndNoneIsGivenWhenItCannotSay() {
        assertThat(groups.title(BAND_ID)).contains("Friday Band");
        assertThat(groups.title("-42")).as("a chat nobody made").isEmpty();
        assertThat(groups.title("not a chat")).isEmpty();
        sandbox.control.fault("telegram", 502, 1, 0);
        assertThat(groups.title(BAND_ID)).as("Telegram failing now").isEmpty();
    }

    @Test
    void whereAGroupUpgradedToASupergroupGoesOnIsAskedOfTelegramAlsoWhenTheBotWasOutOfItThen() {
        long group = -4_518_810_793L;
        sandbox.control.telegramGroup(group, "Choir", List.of(ALICE, BOB));
        sandbox.control.telegramRemoveBot(group, ALICE);
        sandbox.control.telegramUpgradeGroup(group, BOB, -1_002_471_352_452L);

        assertThat(groups.movedTo(Long.toString(group))).contains("-1002471352452");
        assertThat(groups.movedTo(BAND_ID)).as("not upgraded").isEmpty();
        assertThat(groups.movedTo("-42")).as("a chat nobody made").isEmpty();
        assertThat(groups.movedTo("not a chat")).isEmpty();
    }

    @Test
    void membershipIsAskedOnePersonAtATime() {
        sandbox.control.telegramSays(777, "/start");

        assertThat(groups.membership(BAND_ID, Long.toString(ALICE))).isEqualTo(Membership.IN);
        assertThat(groups.membership(BAND_ID, Long.toString(BOB))).isEqualTo(Membership.IN);
        assertThat(groups.membership(BAND_ID, "777")).isEqualTo(Membership.OUT);
        sandbox.control.fault("telegram", 502, 1, 0);
        assertThat(groups.membership(BAND_ID, Long.toString(BOB))).as("Telegram failing now")
                .isEqualTo(Membership.UNKNOWN);
    }

    @Test
    void aTapIsAnsweredWithANoticeAndMayOpenTheBotsPrivateChat() {
        long id = ((SendResult.Sent) api.sendMessage(BAND, OutgoingText.of("Count in?").withKeyboard(
                List.of(List.of(new InlineButton.Callback("Count me in", "join")))))).messageId();
        String first = sandbox.control.telegramPress(BOB, BAND, id, "join");
        String second = sandbox.control.telegramPress(ALICE, BAND, id, "join");

        URI link = groups.privateChatLink("group");
        groups.answerTap(first, "Connect with me first, then tap again.", Optional.of(link));
        groups.answerTap(second, "x".repeat(300), Optional.empty());

        assertThat(link).isEqualTo(URI.create("https://t.me/" + TelegramEmulator.BOT_USERNAME + "?start=group"));
        JsonNode answered = sandbox.control.telegramCallback(first);
        assertThat(answered.path("answered").asBoolean()).isTrue();
        assertThat(answered.path("text").asText()).isEqualTo("Connect with me first, then tap again.");
        assertThat(answered.path("url").asText()).isEqualTo(link.toString());
        assertThat(sandbox.control.telegramCallback(second).path("text").asText()).hasSize(200).endsWith("…");
    }

    @Test
    void aLongTapNoticeIsCutBetweenCharactersAsPeopleSeeThem() {
        long id = ((SendResult.Sent) api.sendMessage(BAND, OutgoingText.of("Count in?").withKeyboard(
                List.of(List.of(new InlineButton.Callback("Count me in", "join")))))).messageId();
        String tap = sandbox.control.telegramPress(BOB, BAND, id, "join");

        groups.answerTap(tap, "x".repeat(198) + "\ud83c\udf38".repeat(3), Optional.empty());

        assertThat(sandbox.control.telegramCallback(tap).path("text").asText())
                .isEqualTo("x".repeat(198) + "\u2026");
    }
}

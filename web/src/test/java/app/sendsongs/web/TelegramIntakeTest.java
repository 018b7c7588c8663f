package app.sendsongs.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.GroupChatAction;
import app.sendsongs.core.chat.Inbound;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.telegram.SpentChoices;
import app.sendsongs.telegram.UpdateParser;
import app.sendsongs.telegram.WebhookSecret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Telegram's webhook intake: the secret first, then the update, read into the core's events. */
class TelegramIntakeTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SECRET = "a-webhook-secret_42";
    private static final ChatAddress ALICE = new ChatAddress(Platform.TELEGRAM, "385741296");

    private final AtomicInteger usernameAsked = new AtomicInteger();
    private final TelegramIntake intake = new TelegramIntake(new WebhookSecret(SECRET), new UpdateParser(() -> {
        usernameAsked.incrementAndGet();
        return "SendSongsBot";
    }, Clock.fixed(NOW, ZoneOffset.UTC)));

    private static byte[] update(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] TEXT = update("{\"update_id\":254000123,\"message\":{\"message_id\":57,\"from\":"
            + "{\"id\":385741296,\"first_name\":\"Alice\"},\"chat\":{\"id\":385741296,\"type\":\"private\"},"
            + "\"date\":1764064800,\"text\":\"help\"}}");

    @Test
    void anUpdateWithTheSecretYieldsItsEvent() {
        TelegramIntake.Intake accepted = intake.receive(TEXT, SECRET);

        assertThat(accepted).isEqualTo(new TelegramIntake.Intake.Accepted(List.of(new Inbound.Text(
                "254000123", ALICE, Instant.ofEpochSecond(1_764_064_800L), "help")), Optional.empty()));
        assertThat(TelegramIntake.answer((TelegramIntake.Intake.Accepted) accepted)).isEqualTo(TelegramIntake.RECEIVED);
        assertThat(usernameAsked).as("no command named a bot").hasValue(0);
    }

    @Test
    void aMissingSecretIs401AndAWrongOne403BeforeTheBodyIsRead() {
        assertThat(intake.receive(TEXT, null)).isInstanceOfSatisfying(TelegramIntake.Intake.Rejected.class,
                rejected -> assertThat(rejected.response().status()).isEqualTo(401));
        assertThat(intake.receive("not json".getBytes(), SECRET + "x"))
                .isInstanceOfSatisfying(TelegramIntake.Intake.Rejected.class, rejected -> {
                    assertThat(rejected.response().status()).isEqualTo(403);
                    assertThat(rejected.reason()).doesNotContain(SECRET);
                });
        assertThat(intake.receive("not json".getBytes(), SECRET)).isInstanceOfSatisfying(
                TelegramIntake.Intake.Rejected.class, rejected -> assertThat(rejected.response().status()).isEqualTo(400));
    }

    @Test
    void anUpdateTheBotDoesNotUseIsAcceptedWithoutEvents() {
        byte[] channelEdit = update("{\"update_id\":9,\"edited_channel_post\":{\"message_id\":1,\"chat\":{\"id\":-100,"
                + "\"type\":\"channel\",\"title\":\"C\"},\"date\":1,\"edit_date\":2,\"text\":\"help\"}}");

        assertThat(intake.receive(channelEdit, SECRET)).isEqualTo(new TelegramIntake.Intake.Accepted(List.of(),
                Optional.empty()));
    }

    @Test
    void anEditedPrivateMessageYieldsAnEditedEventNamedByTheMessage() {
        byte[] edit = update("{\"update_id\":9,\"edited_message\":{\"message_id\":1,\"from\":{\"id\":385741296,"
                + "\"first_name\":\"Alice\"},\"chat\":{\"id\":385741296,\"type\":\"private\"},\"date\":1,"
                + "\"edit_date\":2,\"text\":\"help\"}}");

        TelegramIntake.Intake accepted = intake.receive(edit, SECRET);

        assertThat(accepted).isInstanceOfSatisfying(TelegramIntake.Intake.Accepted.class, events -> assertThat(
                events.events()).singleElement().isInstanceOfSatisfying(Inbound.Edited.class, edited -> {
                    assertThat(edited.from()).isEqualTo(ALICE);
                    assertThat(edited.eventId()).contains("385741296").contains(":1").doesNotContain(":9");
                }));
    }

    @Test
    void aPrivateTapIsAnsweredInTheWebhooksAnswerAndAGroupTapIsLeftToTheBot() throws Exception {
        byte[] privateTap = update("{\"update_id\":10,\"callback_query\":{\"id\":\"3011\\\"x\",\"from\":{\"id\":385741296,"
                + "\"first_name\":\"Alice\"},\"message\":{\"message_id\":5,\"chat\":{\"id\":385741296,"
                + "\"type\":\"private\"},\"date\":1},\"data\":\"history\"}}");
        byte[] groupTap = update("{\"update_id\":11,\"callback_query\":{\"id\":\"3012\",\"from\":{\"id\":385741296,"
                + "\"first_name\":\"Alice\"},\"message\":{\"message_id\":6,\"chat\":{\"id\":-100,\"type\":\"group\","
                + "\"title\":\"Band\"},\"date\":1},\"data\":\"join\"}}");

        TelegramIntake.Intake.Accepted tapped = (TelegramIntake.Intake.Accepted) intake.receive(privateTap, SECRET);
        WebResponse answer = TelegramIntake.answer(tapped);
        JsonNode call = new ObjectMapper().readTree(answer.body());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(call.path("method").asText()).isEqualTo("answerCallbackQuery");
        assertThat(call.path("callback_query_id").asText()).isEqualTo("3011\"x");
        assertThat(tapped.events()).singleElement().isInstanceOf(Inbound.ChoiceTapped.class);

        TelegramIntake.Intake.Accepted inGroup = (TelegramIntake.Intake.Accepted) intake.receive(groupTap, SECRET);
        assertThat(inGroup.inAnswer()).isEmpty();
        assertThat(TelegramIntake.answer(inGroup)).isEqualTo(TelegramIntake.RECEIVED);
        assertThat(inGroup.events()).singleElement().isInstanceOfSatisfying(Inbound.InGroupChat.class,
                event -> assertThat(event.action()).isEqualTo(new GroupChatAction.Tap("join", "3012")));
    }

    @Test
    void thePrivateChoicesATapSpentAreToldOnceKeptAndAGroupPostsAreNot() {
        List<SpentChoices> told = new ArrayList<>();
        TelegramIntake tidying = new TelegramIntake(new WebhookSecret(SECRET), new UpdateParser("SendSongsBot",
                Clock.systemUTC()), told::add);
        String keyboard = ",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Send\",\"callback_data\":\"send\"},"
                + "{\"text\":\"Don't send\",\"callback_data\":\"discard\"}]]}";
        byte[] privateTap = update("{\"update_id\":10,\"callback_query\":{\"id\":\"3011\",\"from\":{\"id\":385741296,"
                + "\"first_name\":\"Alice\"},\"message\":{\"message_id\":5,\"chat\":{\"id\":385741296,"
                + "\"type\":\"private\"},\"date\":1" + keyboard + "},\"data\":\"send\"}}");
        byte[] groupTap = update("{\"update_id\":11,\"callback_query\":{\"id\":\"3012\",\"from\":{\"id\":385741296,"
                + "\"first_name\":\"Alice\"},\"message\":{\"message_id\":6,\"chat\":{\"id\":-100,\"type\":\"group\","
                + "\"title\":\"Band\"},\"date\":1" + keyboard + "},\"data\":\"send\"}}");

        TelegramIntake.Intake.Accepted tapped = (TelegramIntake.Intake.Accepted) tidying.receive(privateTap, SECRET);
        assertThat(told).as("not before the tap is kept").isEmpty();
        tidying.kept(tapped);
        tidying.kept((TelegramIntake.Intake.Accepted) tidying.receive(groupTap, SECRET));

        assertThat(told).containsExactly(new SpentChoices(385741296L, 5, List.of()));
    }

    @Test
    void aCommandFromAnAnonymousAdminKeepsNothingAndTellsTheChatToSendItAsAPerson() throws Exception {
        // An admin with "Remain anonymous" posts as the group: from is @GroupAnonymousBot, sender_chat the group.
        byte[] anonymous = update("{\"update_id\":13,\"message\":{\"message_id\":8,\"from\":{\"id\":1087968824,"
                + "\"is_bot\":true,\"first_name\":\"Group\",\"username\":\"GroupAnonymousBot\"},\"sender_chat\":{"
                + "\"id\":-100,\"type\":\"supergroup\",\"title\":\"Band\"},\"chat\":{\"id\":-100,\"type\":"
                + "\"supergroup\",\"title\":\"Band\"},\"date\":1,\"text\":\"/send https://open.spotify.com/track/"
                + "4uLU6hMCjMI75M1A2tKUQC\"}}");
        byte[] anonymousChatter = update(new String(anonymous).replace("/send https", "just https"));

        TelegramIntake.Intake.Accepted accepted = (TelegramIntake.Intake.Accepted) intake.receive(anonymous, SECRET);
        assertThat(accepted.events()).isEmpty();
        JsonNode call = new ObjectMapper().readTree(TelegramIntake.answer(accepted).body());
        assertThat(call.path("method").asText()).isEqualTo("sendMessage");
        assertThat(call.path("chat_id").asLong()).isEqualTo(-100);
        assertThat(call.path("text").asText()).startsWith("I can't tell who sent that").contains("your own account");

        assertThat(intake.receive(anonymousChatter, SECRET)).as("only a command for the bot is answered")
                .isEqualTo(new TelegramIntake.Intake.Accepted(List.of(), Optional.empty()));
    }

    @Test
    void aCommandFromAnAnonymousAdminInAForumTopicIsAnsweredInThatTopic() throws Exception {
        byte[] inTopic = update("{\"update_id\":14,\"message\":{\"message_id\":9,\"from\":{\"id\":1087968824,"
                + "\"is_bot\":true,\"first_name\":\"Group\",\"username\":\"GroupAnonymousBot\"},\"sender_chat\":{"
                + "\"id\":-100,\"type\":\"supergroup\",\"title\":\"Band\",\"is_forum\":true},\"chat\":{\"id\":-100,"
                + "\"type\":\"supergroup\",\"title\":\"Band\",\"is_forum\":true},\"date\":1,"
                + "\"message_thread_id\":7,\"is_topic_message\":true,\"text\":\"/send https://open.spotify.com/track/"
                + "4uLU6hMCjMI75M1A2tKUQC\"}}");

        TelegramIntake.Intake.Accepted accepted = (TelegramIntake.Intake.Accepted) intake.receive(inTopic, SECRET);

        JsonNode call = new ObjectMapper().readTree(TelegramIntake.answer(accepted).body());
        assertThat(call.path("chat_id").asLong()).isEqualTo(-100);
        assertThat(call.path("message_thread_id").asLong()).isEqualTo(7);
    }

    @Test
    void theBotsUsernameIsAskedForOnlyForACommandThatNamesABot() {
        byte[] addressed = update("{\"update_id\":12,\"message\":{\"message_id\":7,\"from\":{\"id\":1,\"first_name\":"
                + "\"A\"},\"chat\":{\"id\":-100,\"type\":\"group\",\"title\":\"Band\"},\"date\":1,"
                + "\"text\":\"/join@OtherBot\"}}");

        assertThat(intake.receive(addressed, SECRET)).isEqualTo(new TelegramIntake.Intake.Accepted(
                List.of(), Optional.empty()));
        assertThat(usernameAsked).hasValue(1);
    }
}

package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.GroupChatPlatform;
import app.sendsongs.core.chat.Message;
import app.sendsongs.core.chat.MessageKind;
import app.sendsongs.core.chat.SendOutcome;
import app.sendsongs.sandbox.TelegramEmulator;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.TelegramChat;
import app.sendsongs.telegram.TelegramConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With too little of the invocation's time left, no call reaches the chat platform (here a Bot API that would hang):
 * a send fails for now (the outbox holds the message), an edit of a group chat's song message is to be tried again
 * (the tick does), a tap goes unanswered, and names, handles, who is in a chat and its title are not known now.
 */
class SendsWhileTimeIsLeftTest {
    private static final String CHAT = "-1001000000777";
    private static final String PERSON = "7101000001";

    @Test
    void withTooLittleTimeLeftNothingIsAskedOfTheBotApiAndTheEditIsLeftForTheTick() throws Exception {
        InvocationTime time = new InvocationTime();
        time.begin(TestContext.withTimeLeft("inbound", SendsWhileTimeIsLeft.TIME_TO_SEND.minusSeconds(1)));
        try (SilentServer telegram = new SilentServer()) {
            ChatPlatform chat = new SendsWhileTimeIsLeft(new TelegramChat(new TelegramBotApi(new TelegramConfig(
                    telegram.url(), TelegramEmulator.BOT_TOKEN)), () -> "SendSongsSandboxBot"), time);
            GroupChatPlatform groups = chat.groupChats().orElseThrow();
            long started = System.nanoTime();

            assertThat(chat.send(PERSON, Message.text("hello"), MessageKind.UPDATE, "ref-1"))
                    .isInstanceOf(SendOutcome.Failed.class);
            assertThat(groups.edit(CHAT, "42", Message.text("Played by 1 of 2")))
                    .isInstanceOf(GroupChatPlatform.Outcome.RetryLater.class);
            assertThat(groups.membership(CHAT, PERSON)).isEqualTo(GroupChatPlatform.Membership.UNKNOWN);
            assertThat(groups.title(CHAT)).isEmpty();
            groups.answerTap("tap-1", "Counted in", Optional.empty());
            assertThat(chat.displayName(PERSON)).isEmpty();
            assertThat(chat.handle(PERSON)).isEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(telegram.connections()).isZero();
        } finally {
            time.end();
        }
    }

    @Test
    void withTimeLeftAnEditIsAskedOfTheBotApi() throws Exception {
        InvocationTime time = new InvocationTime();
        time.begin(TestContext.withTimeLeft("inbound", SendsWhileTimeIsLeft.TIME_TO_SEND));
        try (SilentServer telegram = new SilentServer()) {
            ChatPlatform chat = new SendsWhileTimeIsLeft(new TelegramChat(new TelegramBotApi(new TelegramConfig(
                    telegram.url(), TelegramEmulator.BOT_TOKEN)), () -> "SendSongsSandboxBot"), time);
            Thread edit = Thread.ofVirtual().start(() -> chat.groupChats().orElseThrow()
                    .edit(CHAT, "42", Message.text("Played by 1 of 2")));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (telegram.connections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(telegram.connections()).isOne();
            edit.interrupt();
        } finally {
            time.end();
        }
    }
}

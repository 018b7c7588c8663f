package app.sendsongs.telegram;

/** What became of a {@code sendMessage}: sent, with the message's id (to edit it later), or a {@link TelegramFailure}. */
public sealed interface SendResult permits SendResult.Sent, TelegramFailure {
    record Sent(long messageId) implements SendResult {
    }
}

package app.sendsongs.telegram;

/**
 * What became of an edit ({@code editMessageText}, {@code editMessageReplyMarkup}): edited, already showing exactly that (Telegram's "message is not
 * modified", which is no failure), or a {@link TelegramFailure}.
 */
public sealed interface EditResult permits EditResult.Edited, EditResult.Unchanged, TelegramFailure {
    record Edited() implements EditResult {
    }

    record Unchanged() implements EditResult {
    }
}

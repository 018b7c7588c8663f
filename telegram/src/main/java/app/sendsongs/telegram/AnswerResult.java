package app.sendsongs.telegram;

/** What became of an {@code answerCallbackQuery}: answered, or a {@link TelegramFailure} (a tap too old is Refused). */
public sealed interface AnswerResult permits AnswerResult.Answered, TelegramFailure {
    record Answered() implements AnswerResult {
    }
}

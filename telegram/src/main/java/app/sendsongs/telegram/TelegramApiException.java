package app.sendsongs.telegram;

import java.time.Duration;
import java.util.Optional;

/**
 * A setup or look-up call ({@code setWebhook}, {@code setMyCommands}, {@code getChatMember}, {@code getMe}) that
 * Telegram refused or did not answer. {@code errorCode} is Telegram's (0 when it did not answer); the message is
 * Telegram's description, without the token.
 */
public final class TelegramApiException extends Exception {
    private final int errorCode;
    private final Optional<Duration> retryAfter;

    TelegramApiException(String message, int errorCode, Optional<Duration> retryAfter) {
        super(message);
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public int errorCode() {
        return errorCode;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}

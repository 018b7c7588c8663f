package app.sendsongs.telegram;

import app.sendsongs.core.shared.WholeNumberSetting;
import java.util.regex.Pattern;

/**
 * How to reach the Telegram Bot API. Every method is {@code <apiBaseUrl>/bot<token>/<method>}
 * (https://core.telegram.org/bots/api#making-requests), so the token travels in the URL path: this adapter never logs
 * a request URL, and {@link #toString()} never shows the token.
 *
 * @param apiBaseUrl        scheme, host and optional path prefix ({@value #DEFAULT_API_BASE_URL} when null or blank);
 *                          the sandbox is {@code http://host:port/sandbox/telegram}
 * @param botToken          the token @BotFather gave, {@code <bot id>:<secret>}
 * @param messagesPerSecond how many messages a second the bot sends at most, in all: Telegram's free limit is 30 (the
 *                          default paces at {@value TelegramRateLimiter#DEFAULT_PER_SECOND}); above 30, up to
 *                          {@value TelegramRateLimiter#MOST_PER_SECOND}, each message is sent as a paid broadcast
 *                          ({@code allow_paid_broadcast}), which the bot's owner must have enabled
 */
public record TelegramConfig(String apiBaseUrl, String botToken, int messagesPerSecond) {
    public static final String DEFAULT_API_BASE_URL = "https://api.telegram.org";
    /** Above this, messages go as paid broadcasts. */
    public static final int FREE_PER_SECOND = 30;
    /** The operator's {@code messagesPerSecond}, by the name every runtime reads it under. */
    public static final WholeNumberSetting MESSAGES_PER_SECOND = new WholeNumberSetting("TELEGRAM_MESSAGES_PER_SECOND",
            TelegramRateLimiter.DEFAULT_PER_SECOND, 1, TelegramRateLimiter.MOST_PER_SECOND);
    private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{1,100}");

    public TelegramConfig {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL
                : apiBaseUrl.strip().replaceAll("/+$", "");
        if (botToken == null || !TOKEN.matcher(botToken).matches()) {
            throw new IllegalArgumentException("the Telegram bot token must look like <bot id>:<secret>, as @BotFather "
                    + "gives it");
        }
        if (messagesPerSecond < 1 || messagesPerSecond > TelegramRateLimiter.MOST_PER_SECOND) {
            throw new IllegalArgumentException("a Telegram bot sends 1 to " + TelegramRateLimiter.MOST_PER_SECOND
                    + " messages a second");
        }
    }

    /** At Telegram's free pace. */
    public TelegramConfig(String apiBaseUrl, String botToken) {
        this(apiBaseUrl, botToken, TelegramRateLimiter.DEFAULT_PER_SECOND);
    }

    /** The real Bot API. */
    public static TelegramConfig of(String botToken) {
        return new TelegramConfig(null, botToken);
    }

    /** Whether messages go as paid broadcasts: faster than Telegram's free limit. */
    public boolean paidBroadcast() {
        return messagesPerSecond > FREE_PER_SECOND;
    }

    /** {@code <apiBaseUrl>/bot<token>/<method>}: holds the token, never to be logged. */
    String methodUrl(String method) {
        return apiBaseUrl + "/bot" + botToken + "/" + method;
    }

    @Override
    public String toString() {
        return "TelegramConfig[apiBaseUrl=" + apiBaseUrl + ", botToken=<redacted>, messagesPerSecond="
                + messagesPerSecond + "]";
    }
}

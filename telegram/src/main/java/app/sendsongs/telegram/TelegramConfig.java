package app.sendsongs.telegram;

import java.util.regex.Pattern;

/**
 * How to reach the Telegram Bot API. Every method is {@code <apiBaseUrl>/bot<token>/<method>}
 * (https://core.telegram.org/bots/api#making-requests), so the token travels in the URL path: this adapter never logs
 * a request URL, and {@link #toString()} never shows the token.
 *
 * @param apiBaseUrl scheme, host and optional path prefix ({@value #DEFAULT_API_BASE_URL} when null or blank); the
 *                   sandbox is {@code http://host:port/sandbox/telegram}
 * @param botToken   the token @BotFather gave, {@code <bot id>:<secret>}
 */
public record TelegramConfig(String apiBaseUrl, String botToken) {
    public static final String DEFAULT_API_BASE_URL = "https://api.telegram.org";
    private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{1,100}");

    public TelegramConfig {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL
                : apiBaseUrl.strip().replaceAll("/+$", "");
        if (botToken == null || !TOKEN.matcher(botToken).matches()) {
            throw new IllegalArgumentException("the Telegram bot token must look like <bot id>:<secret>, as @BotFather "
                    + "gives it");
        }
    }

    /** The real Bot API. */
    public static TelegramConfig of(String botToken) {
        return new TelegramConfig(null, botToken);
    }

    /** {@code <apiBaseUrl>/bot<token>/<method>}: holds the token, never to be logged. */
    String methodUrl(String method) {
        return apiBaseUrl + "/bot" + botToken + "/" + method;
    }

    @Override
    public String toString() {
        return "TelegramConfig[apiBaseUrl=" + apiBaseUrl + ", botToken=<redacted>]";
    }
}

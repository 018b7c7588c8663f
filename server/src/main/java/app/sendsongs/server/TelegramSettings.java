package app.sendsongs.server;

import app.sendsongs.telegram.TelegramConfig;
import app.sendsongs.telegram.TelegramRateLimiter;
import app.sendsongs.telegram.WebhookSecret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Telegram bot, when the server is on Telegram: how to reach the Bot API with the bot's token, and the secret
 * Telegram sends with every update. {@link #toString()} shows neither.
 */
public record TelegramSettings(TelegramConfig api, WebhookSecret secret) {
    static final String TOKEN = "TELEGRAM_BOT_TOKEN";
    static final String SECRET = "TELEGRAM_WEBHOOK_SECRET";
    static final String API_BASE_URL = "TELEGRAM_API_BASE_URL";
    static final String MESSAGES_PER_SECOND = "TELEGRAM_MESSAGES_PER_SECOND";

    /**
     * The Telegram settings of {@code values}: empty when neither the token nor the secret is set; a problem is added
     * for one without the other, or one that cannot be a token or secret (without showing it).
     */
    static Optional<TelegramSettings> from(Map<String, String> values, List<String> problems) {
        String token = strip(values.get(TOKEN));
        String secret = strip(values.get(SECRET));
        if (token.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        if (token.isEmpty() || secret.isEmpty()) {
            problems.add((token.isEmpty() ? TOKEN : SECRET) + " is not set (the Telegram values go together)");
            return Optional.empty();
        }
        TelegramConfig api = null;
        WebhookSecret webhookSecret = null;
        int perSecond = messagesPerSecond(values.get(MESSAGES_PER_SECOND), problems);
        try {
            api = new TelegramConfig(values.get(API_BASE_URL), token, perSecond);
        } catch (IllegalArgumentException e) {
            problems.add(TOKEN + ": " + e.getMessage());
        }
        try {
            webhookSecret = new WebhookSecret(secret);
        } catch (IllegalArgumentException e) {
            problems.add(SECRET + ": " + e.getMessage());
        }
        return api == null || webhookSecret == null ? Optional.empty()
                : Optional.of(new TelegramSettings(api, webhookSecret));
    }

    /** The pace in all, {@value TelegramRateLimiter#DEFAULT_PER_SECOND} unless set to 1 to 1,000. */
    private static int messagesPerSecond(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return TelegramRateLimiter.DEFAULT_PER_SECOND;
        }
        try {
            int perSecond = Integer.parseInt(value.strip());
            if (perSecond >= 1 && perSecond <= TelegramRateLimiter.MOST_PER_SECOND) {
                return perSecond;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(MESSAGES_PER_SECOND + " must be a whole number from 1 to " + TelegramRateLimiter.MOST_PER_SECOND);
        return TelegramRateLimiter.DEFAULT_PER_SECOND;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public String toString() {
        return api.apiBaseUrl() + " at " + api.messagesPerSecond() + "/s";
    }
}

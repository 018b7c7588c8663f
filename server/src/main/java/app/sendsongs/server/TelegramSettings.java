package app.sendsongs.server;

import app.sendsongs.telegram.TelegramConfig;
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
    static final String MESSAGES_PER_SECOND = TelegramConfig.MESSAGES_PER_SECOND.name();

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
        int perSecond = TelegramConfig.MESSAGES_PER_SECOND.read(values, problems);
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

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public String toString() {
        return api.apiBaseUrl() + " at " + api.messagesPerSecond() + "/s";
    }
}

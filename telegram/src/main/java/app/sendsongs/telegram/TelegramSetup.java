package app.sendsongs.telegram;

import java.net.URI;
import java.util.List;

/**
 * What Telegram must be told once about the bot (and again when its address or secret changes): where to POST updates
 * and with which secret ({@code setWebhook}), and the commands of its menu ({@code setMyCommands}). The updates asked
 * for are those the bot reads: messages, edits of messages (to say that an edit changes nothing), button taps, and
 * changes of its own membership of a chat (added to a group, removed, blocked).
 */
public final class TelegramSetup {
    public static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query",
            "my_chat_member");

    private final TelegramBotApi api;

    public TelegramSetup(TelegramBotApi api) {
        this.api = api;
    }

    /** Checks the token ({@code getMe}), sets the webhook and the menu; answers who the bot is. */
    public BotIdentity apply(URI webhookUrl, WebhookSecret secret) throws TelegramApiException {
        BotIdentity bot = api.getMe();
        api.setWebhook(webhookUrl, secret, ALLOWED_UPDATES);
        api.setMyCommands(TelegramCommands.MENU);
        return bot;
    }
}

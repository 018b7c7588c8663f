package app.sendsongs.telegram;

import java.util.function.Supplier;

/**
 * The bot's username, asked of Telegram ({@code getMe}) the first time it is needed and kept once known: group
 * commands are addressed to it ({@code /send@SendSongsBot}) and links to the bot's private chat carry it. Until
 * Telegram has answered, every use asks again.
 */
public final class BotUsername implements Supplier<String> {
    private final TelegramBotApi api;
    private volatile String known;

    public BotUsername(TelegramBotApi api) {
        this.api = api;
    }

    /** @throws IllegalStateException when Telegram cannot say now */
    @Override
    public String get() {
        String username = known;
        if (username != null) {
            return username;
        }
        try {
            known = api.getMe().username();
            return known;
        } catch (TelegramApiException e) {
            throw new IllegalStateException("the bot's username is not known yet: " + e.getMessage(), e);
        }
    }
}

package app.sendsongs.server;

import app.sendsongs.telegram.BotIdentity;
import app.sendsongs.telegram.TelegramApiException;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.TelegramSetup;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code send-songs telegram-setup}: Telegram pointed at the bot, and the bot's command menu set. */
@Command(name = "telegram-setup", mixinStandardHelpOptions = true,
        description = {"Point Telegram at this bot: check TELEGRAM_BOT_TOKEN (getMe), have updates POSTed to "
                + "<PUBLIC_BASE_URL>" + BotServer.TELEGRAM_WEBHOOK_PATH + " with TELEGRAM_WEBHOOK_SECRET "
                + "(setWebhook), and set the bot's command menu (setMyCommands).",
                "Run it once, and again whenever PUBLIC_BASE_URL or the secret changes (docs/operations.md)."})
final class TelegramSetupCommand extends EnvironmentSettings implements Callable<Integer> {
    /** The variables telegram-setup reads: Telegram's and the public URL. */
    static final List<String> VARIABLES = List.of("PUBLIC_BASE_URL", TelegramSettings.TOKEN,
            TelegramSettings.SECRET, TelegramSettings.API_BASE_URL);

    @Override
    public Integer call() throws Exception {
        return setUp(values(), System.out, System.err);
    }

    /** Sets Telegram up from {@code values}; answers the exit code (2: configuration, 1: Telegram refused). */
    static int setUp(Map<String, String> values, PrintStream out, PrintStream err) {
        List<String> problems = new ArrayList<>();
        String base = values.getOrDefault("PUBLIC_BASE_URL", "").strip();
        if (base.isEmpty()) {
            problems.add("PUBLIC_BASE_URL is not set");
        }
        int problemsBeforeTelegram = problems.size();
        Optional<TelegramSettings> telegram = TelegramSettings.from(values, problems);
        if (telegram.isEmpty() && problems.size() == problemsBeforeTelegram) {
            problems.add(TelegramSettings.TOKEN + " and " + TelegramSettings.SECRET + " are not set");
        }
        if (!problems.isEmpty()) {
            err.println("Configuration problems: " + String.join("; ", problems));
            return 2;
        }
        try {
            URI webhook = URI.create(base.replaceAll("/+$", "") + BotServer.TELEGRAM_WEBHOOK_PATH);
            BotIdentity bot = new TelegramSetup(new TelegramBotApi(telegram.get().api()))
                    .apply(webhook, telegram.get().secret());
            out.println("Telegram bot @" + bot.username() + " now gets its updates at " + webhook
                    + ", and its command menu is set.");
            return 0;
        } catch (TelegramApiException | IllegalArgumentException e) {
            err.println("Telegram setup failed: " + e.getMessage());
            return 1;
        }
    }
}

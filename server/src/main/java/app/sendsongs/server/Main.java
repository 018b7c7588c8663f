package app.sendsongs.server;

import app.sendsongs.core.bot.ChatProfile;
import app.sendsongs.messenger.MessengerConfig;
import app.sendsongs.messenger.MessengerProfile;
import app.sendsongs.messenger.MessengerProfileException;
import app.sendsongs.telegram.BotIdentity;
import app.sendsongs.telegram.TelegramApiException;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.TelegramSetup;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code serve} runs the bot for real, {@code demo} runs it against the emulators,
 * {@code sandbox} runs the emulators alone for a bot served elsewhere, {@code backup} and {@code restore} copy the
 * bot's SQLite database out and back, {@code telegram-setup} points Telegram at the bot, {@code messenger-profile}
 * sets the page's Get Started button, greeting, persistent menu and ice breakers.
 */
@Command(name = "send-songs", mixinStandardHelpOptions = true, version = "send-songs 0.1.0",
        description = "Send Songs: a Messenger and Telegram bot for sharing Spotify songs and hearing when friends "
                + "play them.",
        subcommands = {ServeCommand.class, DemoCommand.class, SandboxCommand.class, BackupCommand.class,
                RestoreCommand.class, StatusCommand.class, RekeyCommand.class, Main.TelegramSetupCommand.class,
                Main.MessengerProfileCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nEnvironment variables (the same in every runtime; flags and --env-file add to them):%n",
        footer = "")
public final class Main implements Runnable {
    private static final int HELP_COLUMN_WIDTH = 48;
    /** The variables messenger-profile reads. */
    private static final List<String> GRAPH_VARIABLES = List.of("MESSENGER_PAGE_ACCESS_TOKEN",
            "MESSENGER_GRAPH_BASE_URL", "MESSENGER_GRAPH_VERSION");

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the environment variables listed under every command's help. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.getCommandSpec().usageMessage().footer(variablesHelp());
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage()
                .footerHeading("%nEnvironment variables:%n").footer(variablesHelpFor(sub.getCommand())));
        cli.getSubcommands().get("sandbox").getCommandSpec().usageMessage().footer(sandboxVariablesHelp());
        cli.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof EnvFile.Unreadable unreadable) {
                System.err.println(unreadable.getMessage());
                return 2;
            }
            if (failure instanceof ListenAddress.Refused refused) {
                System.err.println(refused.getMessage());
                return refused.exitCode();
            }
            throw failure;
        });
        return cli;
    }

    /**
     * Backup and restore read only the variables naming the database, telegram-setup only Telegram's and the public
     * URL; the others, every variable.
     */
    private static String[] variablesHelpFor(Object command) {
        if (command instanceof TelegramSetupCommand) {
            return variablesHelp(TelegramSetupCommand.VARIABLES);
        }
        if (command instanceof StatusCommand) {
            return variablesHelp(StatusCommand.VARIABLES);
        }
        if (command instanceof MessengerProfileCommand) {
            return variablesHelp(GRAPH_VARIABLES);
        }
        if (command instanceof RekeyCommand) {
            return variablesHelp(RekeyCommand.VARIABLES);
        }
        if (command instanceof BackupCommand) {
            return variablesHelp(BackupCommand.VARIABLES);
        }
        if (command instanceof RestoreCommand) {
            return variablesHelp(RestoreCommand.VARIABLES);
        }
        return variablesHelp();
    }

    @Spec
    CommandSpec spec;

    /** Without a command: the same help as {@code --help}, variables and all. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String[] variablesHelp() {
        return variablesHelp(ServerConfig.VARIABLES.stream().map(ServerConfig.Variable::name).toList());
    }

    private static String[] variablesHelp(List<String> names) {
        return ServerConfig.VARIABLES.stream().filter(v -> names.contains(v.name()))
                .map(v -> String.format("  %-28s %s", v.name(), wrap(v.meaning().replace("%", "%%"))))
                .toArray(String[]::new);
    }

    private static String[] sandboxVariablesHelp() {
        return StandaloneSandbox.VARIABLES.stream()
                .map(name -> String.format("  %-28s %s", name, wrap("the value the emulators accept (default "
                        + Demo.SANDBOX_CREDENTIALS.get(name) + "); give serve the same")))
                .toArray(String[]::new);
    }

    /** Wraps a meaning into the right-hand column (picocli would wrap it back to column 0). */
    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > HELP_COLUMN_WIDTH) {
                out.append("%n").append(" ".repeat(31));
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    @Command(name = "messenger-profile", mixinStandardHelpOptions = true,
            description = "Set the page's Messenger profile: the Get Started button, the greeting, the persistent "
                    + "menu (send a song, my songs, groups, help) and the ice breakers, through the Graph API's "
                    + "me/messenger_profile with MESSENGER_PAGE_ACCESS_TOKEN; then print what the page holds. Run it "
                    + "once after setting up the page, and again after an upgrade that changes them.")
    static final class MessengerProfileCommand extends EnvironmentSettings implements Callable<Integer> {
        @Option(names = "--show", description = "Only print what the page's profile holds now.")
        boolean show;

        @Option(names = "--delete", description = "Remove the Get Started button, greeting, persistent menu and "
                + "ice breakers.")
        boolean delete;

        @Override
        public Integer call() throws Exception {
            Map<String, String> values = values();
            String token = values.get("MESSENGER_PAGE_ACCESS_TOKEN");
            if (token == null || token.isBlank()) {
                System.err.println("MESSENGER_PAGE_ACCESS_TOKEN must be set (the page access token of "
                        + "docs/operations.md).");
                return 2;
            }
            Optional<String> versionProblem = ServerConfig.graphVersionProblem(values.get("MESSENGER_GRAPH_VERSION"));
            if (versionProblem.isPresent()) {
                System.err.println(versionProblem.get());
                return 2;
            }
            MessengerConfig config = new MessengerConfig(values.get("MESSENGER_GRAPH_BASE_URL"),
                    values.get("MESSENGER_GRAPH_VERSION"), token, null, null);
            MessengerProfile profile = new MessengerProfile(config);
            try {
                if (delete) {
                    profile.delete();
                    System.out.println("Removed the page's Get Started button, greeting, persistent menu and ice "
                            + "breakers.");
                } else if (!show) {
                    profile.set(ChatProfile.standard());
                    System.out.println("Set the page's Get Started button, greeting, persistent menu and ice "
                            + "breakers (Graph " + config.graphVersion() + "). The page's profile now:");
                }
                System.out.println(profile.current().toPrettyString());
                return 0;
            } catch (MessengerProfileException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "telegram-setup", mixinStandardHelpOptions = true,
            description = {"Point Telegram at this bot: check TELEGRAM_BOT_TOKEN (getMe), have updates POSTed to "
                    + "<PUBLIC_BASE_URL>" + BotServer.TELEGRAM_WEBHOOK_PATH + " with TELEGRAM_WEBHOOK_SECRET "
                    + "(setWebhook), and set the bot's command menu (setMyCommands).",
                    "Run it once, and again whenever PUBLIC_BASE_URL or the secret changes (docs/operations.md)."})
    static final class TelegramSetupCommand implements Callable<Integer> {
        static final List<String> VARIABLES = List.of("PUBLIC_BASE_URL", TelegramSettings.TOKEN,
                TelegramSettings.SECRET, TelegramSettings.API_BASE_URL);

        @Option(names = "--env-file", description = "A file of KEY=VALUE lines read before the environment "
                + "(the environment wins).")
        Path envFile;

        @Override
        public Integer call() throws Exception {
            Map<String, String> values = new HashMap<>(envFile == null ? Map.of() : EnvFile.read(envFile));
            values.putAll(System.getenv());
            return setUp(values, System.out, System.err);
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
}

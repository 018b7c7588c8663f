package app.sendsongs.server;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code serve} runs the bot for real, {@code demo} runs it against the emulators,
 * {@code sandbox} runs the emulators alone for a bot served elsewhere, {@code backup} and {@code restore} copy the
 * bot's SQLite database out and back, {@code status} counts what the store holds, {@code rekey} seals the stored tokens
 * with a new key, {@code telegram-setup} points Telegram at the bot, {@code messenger-profile} sets the page's Get
 * Started button, greeting, persistent menu and ice breakers. Each command is a class of its own; this one puts them
 * together, lists under each one's help the environment variables it reads, and says in one line why an env file
 * cannot be read or an address cannot be listened on.
 */
@Command(name = "send-songs", mixinStandardHelpOptions = true, version = "send-songs 0.1.0",
        description = "Send Songs: a Messenger and Telegram bot for sharing Spotify songs and hearing when friends "
                + "play them.",
        subcommands = {ServeCommand.class, DemoCommand.class, SandboxCommand.class, BackupCommand.class,
                RestoreCommand.class, StatusCommand.class, RekeyCommand.class, TelegramSetupCommand.class,
                MessengerProfileCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nEnvironment variables (the same in every runtime; flags and --env-file add to them):%n",
        footer = "")
public final class Main implements Runnable {
    private static final int HELP_COLUMN_WIDTH = 48;
    /** The variables of the commands that read only some; the others read every variable. */
    private static final Map<Class<?>, List<String>> VARIABLES_READ = Map.of(
            BackupCommand.class, BackupCommand.VARIABLES,
            RestoreCommand.class, RestoreCommand.VARIABLES,
            StatusCommand.class, StatusCommand.VARIABLES,
            RekeyCommand.class, RekeyCommand.VARIABLES,
            TelegramSetupCommand.class, TelegramSetupCommand.VARIABLES,
            MessengerProfileCommand.class, MessengerProfileCommand.VARIABLES);

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

    /** The variables {@code command} reads, for its help. */
    private static String[] variablesHelpFor(Object command) {
        List<String> some = VARIABLES_READ.get(command.getClass());
        return some == null ? variablesHelp() : variablesHelp(some);
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
}

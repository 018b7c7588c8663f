package app.sendsongs.core.command;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command list with examples, one usage line per command for error replies, and topics; all
 * derived from {@link CommandDefinitions}.
 */
public final class Help {
    private Help() {
    }

    /** The usage line of the command with this name (any case), empty string for unknown commands. */
    public static String usage(String command) {
        return CommandDefinitions.named(command.toLowerCase(Locale.ROOT)).map(CommandDefinition::usage).orElse("");
    }

    /** {@code help <topic>}: the explanation of a topic such as groups, or one command's usage line (by any spelling). */
    public static Optional<String> topic(String topic) {
        String key = topic.toLowerCase(Locale.ROOT).replace('-', '_');
        return HelpTopic.named(key).map(Help::text)
                .or(() -> CommandDefinitions.spelledBy(key).map(CommandDefinition::usage));
    }

    /** The whole list. */
    public static String all() {
        StringBuilder text = new StringBuilder("Send Songs — share Spotify songs and hear when friends play them.\n");
        CommandDefinitions.ALL.forEach(command -> text.append(bullet(command)));
        text.append("Quotes can be \"straight\" or “curly”; keywords work in any case and order.");
        return text.toString();
    }

    /** The short pointer sent with unrecognised text. */
    public static String brief() {
        return CommandDefinitions.ALL.stream().map(CommandDefinition::name)
                .collect(Collectors.joining(", ", "Commands: ", ". Type help for examples."));
    }

    private static String text(HelpTopic topic) {
        StringBuilder text = new StringBuilder(topic.introduction());
        CommandDefinitions.ALL.stream().filter(command -> command.topic().equals(Optional.of(topic)))
                .forEach(command -> text.append(bullet(command)));
        return text.append(topic.closing()).toString();
    }

    private static String bullet(CommandDefinition command) {
        return "• " + command.usage() + '\n';
    }
}

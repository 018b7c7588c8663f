package app.sendsongs.core.command;

import app.sendsongs.core.shared.Spaces;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command list with examples, one usage line per command for error replies, and topics; all
 * derived from {@link CommandDefinitions}. Each is written in a person's {@link CommandStyle}; without one, plain.
 */
public final class Help {
    /** The person the examples name. */
    private static final String EXAMPLE_PERSON = "Bob Fisher";
    /** Whom they name instead to someone called {@link #EXAMPLE_PERSON}. */
    private static final String OTHER_EXAMPLE_PERSON = "Carol King";

    private Help() {
    }

    /**
     * {@code helpText}, made here, as told to {@code askerName}: to someone called as the example person, its examples
     * name someone else, so they never read their own name as the friend to send a song to or to block.
     */
    public static String forAsker(String helpText, String askerName) {
        return String.join(" ", Spaces.words(askerName)).equalsIgnoreCase(EXAMPLE_PERSON)
                ? helpText.replace(EXAMPLE_PERSON, OTHER_EXAMPLE_PERSON) : helpText;
    }

    /** The usage line of the command with this name (any case), empty string for unknown commands. */
    public static String usage(String command) {
        return usage(command, CommandStyle.PLAIN);
    }

    /** As {@link #usage(String)}, written in {@code style}. */
    public static String usage(String command, CommandStyle style) {
        return CommandDefinitions.named(command.toLowerCase(Locale.ROOT)).map(d -> d.usage(style)).orElse("");
    }

    /** {@code help <topic>}: the explanation of a topic such as groups, or one command's usage line (by any spelling). */
    public static Optional<String> topic(String topic) {
        return topic(topic, CommandStyle.PLAIN);
    }

    /** As {@link #topic(String)}, written in {@code style}. */
    public static Optional<String> topic(String topic, CommandStyle style) {
        String key = String.join("_", Spaces.words(topic.toLowerCase(Locale.ROOT).replace('-', '_')));
        return HelpTopic.named(key).map(t -> text(t, style))
                .or(() -> CommandDefinitions.spelledBy(key).map(d -> d.usage(style)));
    }

    /**
     * The names of the commands a topic that names none is spelled much like ("did you mean"), nearest first: what
     * {@code help sned_song} meant.
     */
    public static List<String> commandsLike(String topic) {
        List<Tokenizer.Token> words = Spaces.words(topic).stream()
                .<Tokenizer.Token>map(word -> new Tokenizer.Word(word, false)).toList();
        return DidYouMean.suggestions(words).stream().map(ParseResult.Suggestion::command).toList();
    }

    /** The whole list. */
    public static String all() {
        return all(CommandStyle.PLAIN);
    }

    /** The whole list, written in {@code style}. */
    public static String all(CommandStyle style) {
        StringBuilder text = new StringBuilder("Send Songs — share Spotify songs and hear when friends play them.\n");
        CommandDefinitions.ALL.forEach(command -> text.append(bullet(command, style)));
        text.append("Quotes can be \"straight\" or “curly”; keywords work in any case and order.");
        return text.toString();
    }

    /** The short pointer sent with unrecognised text. */
    public static String brief() {
        return brief(CommandStyle.PLAIN);
    }

    /** The short pointer, written in {@code style}. */
    public static String brief(CommandStyle style) {
        return CommandDefinitions.ALL.stream().map(command -> style.spell(command.name())).collect(Collectors.joining(
                ", ", "Commands: ", ". Type " + style.spell("help") + " for examples."));
    }

    private static String text(HelpTopic topic, CommandStyle style) {
        StringBuilder text = new StringBuilder(topic.introduction());
        CommandDefinitions.ALL.stream().filter(command -> command.topic().equals(Optional.of(topic)))
                .forEach(command -> text.append(bullet(command, style)));
        text.append(style.write(topic.closing()));
        if (style == CommandStyle.SLASHED) { // Telegram's style: the one platform whose group chats the bot is in
            text.append(style.write(topic.inGroupChats()));
        }
        return text.toString();
    }

    private static String bullet(CommandDefinition command, CommandStyle style) {
        return "• " + command.usage(style) + '\n';
    }
}

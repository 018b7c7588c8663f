package app.sendsongs.core.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command, defined once: the parser, {@code help}, "did you mean" and the error replies are all derived from
 * these, listed in {@link CommandDefinitions#ALL}.
 *
 * @param name          the name help shows and error replies use, e.g. {@code add_to_group}; typed as separate
 *                      words ({@code add to group}) it is read the same
 * @param spellings     every word the parser accepts for it, in lower case, the name first
 * @param example       the command as typed, with example or placeholder values
 * @param description   what it does, after the example in its usage line; a command it names is written
 *                      {@code {name}}, for {@link CommandStyle#write}
 * @param options       the {@code key:} options it accepts
 * @param optionAliases other keys for some of those options, read as the option they stand for ({@code to:} for
 *                      {@code name:})
 * @param topic         the {@code help} topic that lists it besides the full list, if any
 * @param reader        how the words and options after the command word become a {@link Command}
 */
record CommandDefinition(String name, List<String> spellings, String example, String description,
                         Set<String> options, Map<String, String> optionAliases, Optional<HelpTopic> topic,
                         ArgumentReader reader) {
    CommandDefinition {
        spellings = List.copyOf(spellings);
        options = Set.copyOf(options);
        optionAliases = Map.copyOf(optionAliases);
        if (spellings.isEmpty() || !spellings.getFirst().equals(name)) {
            throw new IllegalArgumentException(name + ": the spellings start with the name");
        }
        if (spellings.stream().anyMatch(s -> !s.equals(s.toLowerCase(Locale.ROOT)) || s.isBlank() || s.contains(" "))) {
            throw new IllegalArgumentException(name + ": spellings are single lower-case words");
        }
        if (!example.startsWith(name)) {
            throw new IllegalArgumentException(name + ": the example starts with the name");
        }
        if (!options.containsAll(optionAliases.values())) {
            throw new IllegalArgumentException(name + ": an alias stands for an option the command takes");
        }
    }

    /** A command without option aliases. */
    CommandDefinition(String name, List<String> spellings, String example, String description, Set<String> options,
                      Optional<HelpTopic> topic, ArgumentReader reader) {
        this(name, spellings, example, description, options, Map.of(), topic, reader);
    }

    /** The line {@code help} shows for it, spelled plain. */
    String usage() {
        return usage(CommandStyle.PLAIN);
    }

    /** The line {@code help} shows for it, its commands spelled the style's way. */
    String usage(CommandStyle style) {
        return style.spell(name) + example.substring(name.length()) + " — " + style.write(description);
    }

    /** The example with its command written {@code {name}}, for a text that {@link CommandStyle#write} spells. */
    String exampleToWrite() {
        return "{" + name + "}" + example.substring(name.length());
    }

    /** The option a typed key means for this command: itself, or the option it is an alias of. */
    String option(String key) {
        return optionAliases.getOrDefault(key, key);
    }

    /** What an error in this command's arguments is answered with: the problem, about this command. */
    ParseResult.Invalid invalid(String problem) {
        return new ParseResult.Invalid(problem, Optional.of(name));
    }

    /** How the words and options after a command word are read. */
    @FunctionalInterface
    interface ArgumentReader {
        ParseResult read(Arguments arguments);
    }
}

package app.sendsongs.core.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One command, defined once: the parser, {@code help} and the error replies are all derived from
 * these, listed in {@link CommandDefinitions#ALL}.
 *
 * @param name        the name help shows and error replies use, e.g. {@code add_to_group}
 * @param spellings   every word the parser accepts for it, in lower case, the name first
 * @param example     the command as typed, with example or placeholder values
 * @param description what it does, after the example in its usage line
 * @param options     the {@code key:} options it accepts
 * @param topic       the {@code help} topic that lists it besides the full list, if any
 * @param reader      how the words and options after the command word become a {@link Command}
 */
record CommandDefinition(String name, List<String> spellings, String example, String description,
                         Set<String> options, Optional<HelpTopic> topic, ArgumentReader reader) {
    CommandDefinition {
        spellings = List.copyOf(spellings);
        options = Set.copyOf(options);
        if (spellings.isEmpty() || !spellings.getFirst().equals(name)) {
            throw new IllegalArgumentException(name + ": the spellings start with the name");
        }
        if (spellings.stream().anyMatch(s -> !s.equals(s.toLowerCase(Locale.ROOT)) || s.isBlank() || s.contains(" "))) {
            throw new IllegalArgumentException(name + ": spellings are single lower-case words");
        }
        if (!example.startsWith(name)) {
            throw new IllegalArgumentException(name + ": the example starts with the name");
        }
    }

    /** The line {@code help} shows for it and error replies end with. */
    String usage() {
        return example + " — " + description;
    }

    /** What an error in this command's arguments is answered with: the problem, then the usage line. */
    ParseResult.Invalid invalid(String problem) {
        return new ParseResult.Invalid(problem, usage());
    }

    /** How the words and options after a command word are read. */
    @FunctionalInterface
    interface ArgumentReader {
        ParseResult read(Arguments arguments);
    }
}

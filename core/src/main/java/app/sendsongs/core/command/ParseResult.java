package app.sendsongs.core.command;

import java.util.List;
import java.util.Optional;

/** A parsed command, or why the text is not one. */
public sealed interface ParseResult {
    record Parsed(Command command) implements ParseResult {
    }

    /**
     * A command whose arguments are wrong: the problem, and the command it is about ({@code command} empty when the
     * text could not be read at all, such as an unclosed quote before any command word). A command the problem names
     * is written {@code {name}}, for {@link CommandStyle#write}.
     */
    record Invalid(String problem, Optional<String> command) implements ParseResult {
        /** The problem with the commands it names spelled plain. */
        @Override
        public String problem() {
            return CommandStyle.PLAIN.write(problem);
        }

        /** The problem with the commands it names spelled the style's way. */
        public String problem(CommandStyle style) {
            return style.write(problem);
        }

        /** The usage line of the command it is about, or the list of commands. */
        public String usage() {
            return command.map(Help::usage).orElseGet(Help::brief);
        }
    }

    /**
     * Text that names no command. {@code suggestions} are commands spelled much like its first words, each with the
     * text as it would read with that command's name (the person may tap it); nothing of the text is ever quoted
     * back.
     */
    record Unknown(List<Suggestion> suggestions) implements ParseResult {
        public Unknown {
            suggestions = List.copyOf(suggestions);
        }
    }

    /** "Did you mean …": a command's name and the text corrected to it. */
    record Suggestion(String command, String correctedText) {
    }
}

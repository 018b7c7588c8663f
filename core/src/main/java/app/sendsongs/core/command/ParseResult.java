package app.sendsongs.core.command;

/** A parsed command, or why the text is not one and how the command is written. */
public sealed interface ParseResult {
    record Parsed(Command command) implements ParseResult {
    }

    record Invalid(String problem, String usage) implements ParseResult {
        /** The reply a person gets: the problem, then the usage line. */
        public String reply() {
            return usage.isEmpty() ? problem : problem + "\n" + usage;
        }
    }
}

package app.sendsongs.core.command;

import app.sendsongs.core.command.ParseResult.Invalid;
import app.sendsongs.core.command.ParseResult.Parsed;
import app.sendsongs.core.command.Tokenizer.Token;
import app.sendsongs.core.command.Tokenizer.Word;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a person typed into a {@link Command}, or a short reason with the usage line. Which
 * words name a command and how its arguments are read come from {@link CommandDefinitions}.
 */
public final class CommandParser {
    public ParseResult parse(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid("I didn't get any text.", Help.brief());
        }
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokens(text.strip());
        } catch (Tokenizer.UnclosedQuoteException e) {
            Optional<CommandDefinition> command = CommandDefinitions.spelledBy(text.strip().split("\\s+", 2)[0]);
            return new Invalid(e.getMessage(), command.map(CommandDefinition::usage).orElseGet(Help::brief));
        }
        if (tokens.getFirst() instanceof Word first && !first.quoted()) {
            if (tokens.size() == 1 && first.text().matches("\\d{1,3}")) {
                return new Parsed(new Command.Choose(Integer.parseInt(first.text())));
            }
            Optional<CommandDefinition> command = CommandDefinitions.spelledBy(first.text());
            if (command.isPresent()) {
                return read(command.get(), tokens.subList(1, tokens.size()));
            }
        }
        return new Invalid("Sorry, I don't know that command.", Help.brief());
    }

    private static ParseResult read(CommandDefinition command, List<Token> tokens) {
        Arguments args = Arguments.of(command, tokens);
        return args.repeatedKey().<ParseResult>map(key -> args.invalid(key + ": is given twice."))
                .orElseGet(() -> command.reader().read(args));
    }
}

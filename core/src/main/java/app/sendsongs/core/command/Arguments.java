package app.sendsongs.core.command;

import app.sendsongs.core.command.Tokenizer.Option;
import app.sendsongs.core.command.Tokenizer.Token;
import app.sendsongs.core.command.Tokenizer.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What follows a command word: the words (as text, and as tokens that know whether they were
 * quoted) and the options, with the command they belong to so problems come with its usage line.
 */
record Arguments(CommandDefinition command, List<String> words, List<Word> wordTokens, Map<String, String> options,
                 Optional<String> repeatedKey) {
    static Arguments of(CommandDefinition command, List<Token> tokens) {
        List<Word> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        String repeated = null;
        for (Token token : tokens) {
            switch (token) {
                case Word w -> words.add(w);
                case Option o -> {
                    String key = command.option(o.key());
                    if (options.put(key, o.value()) != null) {
                        repeated = key;
                    }
                }
            }
        }
        return new Arguments(command, words.stream().map(Word::text).toList(), List.copyOf(words), options,
                Optional.ofNullable(repeated));
    }

    ParseResult.Invalid invalid(String problem) {
        return command.invalid(problem);
    }

    /** The problem with the first option the command does not accept, if there is one. */
    Optional<ParseResult> unexpectedOption() {
        return options.keySet().stream().filter(k -> !command.options().contains(k)).findFirst()
                .map(k -> invalid("{" + command.name() + "} has no " + k + ": option."));
    }
}

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
 * quoted) and the options, with the command they belong to so problems come with its usage line, and the command's
 * words as typed ({@code spelled}: "To", "send song").
 */
record Arguments(CommandDefinition command, String spelled, List<String> words, List<Word> wordTokens,
                 Map<String, String> options, Optional<String> repeatedKey, List<Token> tokens) {
    static Arguments of(CommandDefinition command, String spelled, List<Token> tokens) {
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
        return new Arguments(command, spelled, words.stream().map(Word::text).toList(), List.copyOf(words), options,
                Optional.ofNullable(repeated), List.copyOf(tokens));
    }

    /**
     * The same arguments with the plain words right after an option read as part of its value, up to a quoted word,
     * a word with a colon (a link, another option) or the next option: {@code name:Bob Fisher <link>} names Bob
     * Fisher, as people who leave out the quotes mean.
     */
    Arguments withWordsAfterOptionsInTheirValues() {
        List<Token> joined = new ArrayList<>();
        for (Token token : tokens) {
            if (token instanceof Word w && !w.quoted() && !w.text().contains(":") && !joined.isEmpty()
                    && joined.getLast() instanceof Option o) {
                joined.set(joined.size() - 1, new Option(o.key(), (o.value() + " " + w.text()).strip()));
            } else {
                joined.add(token);
            }
        }
        return of(command, spelled, joined);
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

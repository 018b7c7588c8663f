package app.sendsongs.core.command;

import app.sendsongs.core.command.ParseResult.Suggestion;
import app.sendsongs.core.command.Tokenizer.Token;
import app.sendsongs.core.command.Tokenizer.Word;
import app.sendsongs.core.shared.Typos;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The commands a person probably meant when their first words name none: those whose spellings are a typo or two
 * away ({@link Typos#distance}: a letter left out, added, changed, or two swapped), from the same table the parser
 * reads.
 */
final class DidYouMean {
    /** Offered at most, nearest first. */
    static final int MAX_SUGGESTIONS = 3;
    /** Words shorter than this are too short to guess from ("ok", "no"). */
    private static final int SHORTEST = 3;
    /** Words a question starts with, which no command's spelling does: "how do" is near "howdy" all the same. */
    private static final Set<String> QUESTION_WORDS = Set.of("how", "what", "why", "who", "where", "when", "which",
            "can", "could", "would", "will", "do", "does", "did", "is", "are");

    private DidYouMean() {
    }

    static List<Suggestion> suggestions(List<Token> tokens) {
        if (asksAQuestion(tokens)) {
            return List.of();
        }
        Map<CommandDefinition, Integer> nearest = new LinkedHashMap<>();
        Map<CommandDefinition, Integer> wordsUsed = new LinkedHashMap<>();
        int leading = Math.min(2, CommandParser.leadingWords(tokens));
        for (int words = 1; words <= leading; words++) {
            String typed = CommandParser.joined(tokens, words).toLowerCase(Locale.ROOT);
            if (typed.startsWith("/")) {
                typed = typed.substring(1);
            }
            if (typed.length() < SHORTEST) {
                continue;
            }
            int allowed = typed.length() <= 4 ? 1 : 2;
            String word = typed;
            int used = words;
            // a spelling shorter than a word worth guessing from ("to", "hi") is one letter from many a word
            // ("too", "Tom", "two"), which means no command
            CommandDefinitions.spellings().filter(entry -> entry.getKey().length() >= SHORTEST).forEach(entry -> {
                int distance = Typos.distance(word, entry.getKey());
                int best = nearest.getOrDefault(entry.getValue(), Integer.MAX_VALUE);
                // as near with more of the words ("sned song" is send_song, not "send" and a word "song")
                if (distance <= allowed && distance <= best) {
                    nearest.put(entry.getValue(), distance);
                    wordsUsed.put(entry.getValue(), used);
                }
            });
        }
        List<CommandDefinition> ranked = new ArrayList<>(nearest.keySet());
        ranked.sort(Comparator.comparing(nearest::get));
        return ranked.stream().limit(MAX_SUGGESTIONS)
                .map(command -> new Suggestion(command.name(), corrected(command, tokens, wordsUsed.get(command))))
                .toList();
    }

    /** Whether the text starts as a question does ("how do I …", "can you …"): no command mistyped. */
    private static boolean asksAQuestion(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.getFirst() instanceof Word first && !first.quoted()
                && QUESTION_WORDS.contains(first.text().toLowerCase(Locale.ROOT));
    }

    /** The text with its first {@code words} words replaced by the command's name; the rest as typed. */
    private static String corrected(CommandDefinition command, List<Token> tokens, int words) {
        StringBuilder text = new StringBuilder(command.name());
        for (Token token : tokens.subList(words, tokens.size())) {
            text.append(' ').append(switch (token) {
                case Word w -> w.quoted() ? "\"" + w.text() + "\"" : w.text();
                case Tokenizer.Option o -> o.key() + ":\"" + o.value() + "\"";
            });
        }
        return text.toString();
    }
}

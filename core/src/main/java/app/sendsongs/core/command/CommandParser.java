package app.sendsongs.core.command;

import app.sendsongs.core.command.ParseResult.Invalid;
import app.sendsongs.core.command.ParseResult.Parsed;
import app.sendsongs.core.command.Tokenizer.Token;
import app.sendsongs.core.command.Tokenizer.Word;
import app.sendsongs.core.music.TrackId;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.shared.Spaces;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person typed into a {@link Command}, or a short reason. Which words name a command and how its
 * arguments are read come from {@link CommandDefinitions}; a command's name may be typed as separate words
 * ({@code send song}, {@code forget me}), as phones' autocorrect splits it, and the group commands said in plain
 * words ({@link GroupPhrases}: "add Bob to Family"). Text that names no command but holds a
 * Spotify link starts a share of that song; other text gets the commands spelled much like it ("did you mean").
 */
public final class CommandParser {
    /** The most words a command's name is made of ({@code remove from group}). */
    private static final int MAX_NAME_WORDS = 3;
    /** A text with a song link whose first word is a typo of this gets "did you mean", not a share without a name. */
    private static final String SEND_SONG = "send_song";
    /** What a tap puts after the number it answers with: '#' and the key of the question it was shown with. */
    private static final Pattern QUESTION_KEY = Pattern.compile("#[0-9a-f]{8}");
    /**
     * The taps asking whether someone who signed up under an invited name is the friend
     * ({@link Command.InviteNamesake}).
     */
    private static final Pattern INVITE_NAMESAKE = Pattern.compile(
            "invite ([A-Za-z0-9_-]{22}) (?:send ([A-Za-z0-9_-]{11})|keep)", Pattern.CASE_INSENSITIVE);

    public ParseResult parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Invalid("I didn't get any text.", Optional.empty());
        }
        String text = TrackLinks.withoutRepeatedSongs(typed);
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokens(text.strip());
        } catch (Tokenizer.UnclosedQuoteException e) {
            return new Invalid(e.getMessage(), commandBefore(Spaces.words(text)).map(CommandDefinition::name));
        }
        Matcher namesake = INVITE_NAMESAKE.matcher(text.strip());
        if (namesake.matches()) {
            return new Parsed(new Command.InviteNamesake(namesake.group(1), Optional.ofNullable(namesake.group(2))));
        }
        Optional<ParseResult> chosen = chosen(tokens);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        for (int words = Math.min(MAX_NAME_WORDS, leadingWords(tokens)); words >= 1; words--) {
            Optional<CommandDefinition> command = CommandDefinitions.spelledBy(joined(tokens, words));
            if (command.isPresent() && GroupPhrases.START_WITH_A_COMMAND.contains(command.get().name())) {
                Optional<ParseResult> phrase = GroupPhrases.read(text); // "members of Family", "start a group"
                if (phrase.isPresent()) {
                    return phrase.get();
                }
            }
            if (command.isPresent()) {
                return read(command.get(), spelled(tokens, words), tokens.subList(words, tokens.size()));
            }
        }
        return notACommand(text, tokens);
    }

    /** A number typed, or tapped with the key of the question it answers (and the song of the offer it was under). */
    private static Optional<ParseResult> chosen(List<Token> tokens) {
        if (tokens.size() == 1 && tokens.getFirst() instanceof Word only && !only.quoted()
                && only.text().matches("\\d{1,3}")) {
            return Optional.of(new Parsed(new Command.Choose(Integer.parseInt(only.text()))));
        }
        if ((tokens.size() == 2 || tokens.size() == 3) && tokens.getFirst() instanceof Word number
                && !number.quoted() && number.text().matches("\\d{1,3}") && tokens.get(1) instanceof Word key
                && !key.quoted() && QUESTION_KEY.matcher(key.text()).matches()) {
            Optional<TrackId> song = tokens.size() == 3 ? songOfTap(tokens.get(2)) : Optional.empty();
            if (tokens.size() == 2 || song.isPresent()) {
                return Optional.of(new Parsed(new Command.Choose(Integer.parseInt(number.text()),
                        Optional.of(key.text().substring(1)), song)));
            }
        }
        return Optional.empty();
    }

    /** Text that starts with no command's name: a group phrase, a lone {@code name:}, a pasted song, or a guess. */
    private static ParseResult notACommand(String text, List<Token> tokens) {
        Optional<ParseResult> phrase = GroupPhrases.read(text); // read only for text that is no command
        if (phrase.isPresent()) {
            return phrase.get();
        }
        if (tokens.size() == 1 && tokens.getFirst() instanceof Tokenizer.Option option
                && option.key().equals("name") && !option.value().isBlank()) {
            // name:"…" alone, as the welcome shows beside name "…": a rename, or a song's receiver without the song
            return new ParseResult.Unknown(List.of(new ParseResult.Suggestion("name",
                    "name \"" + option.value() + "\"")));
        }
        List<ParseResult.Suggestion> guesses = DidYouMean.suggestions(tokens);
        boolean mistypedSend = guesses.stream().anyMatch(guess -> guess.command().equals(SEND_SONG));
        Optional<ParseResult> song = mistypedSend ? Optional.empty() : ShareArgumentReaders.songIn(text);
        return song.orElseGet(() -> new ParseResult.Unknown(guesses));
    }

    /** The song a tap of the people offered for it carries after the offer's key ({@link Command.Choose#song}). */
    private static Optional<TrackId> songOfTap(Token token) {
        return token instanceof Word word && !word.quoted() && TrackId.isValid(word.text())
                ? Optional.of(new TrackId(word.text())) : Optional.empty();
    }

    /** The command the first words of a text that could not be read name, if any. */
    private static Optional<CommandDefinition> commandBefore(List<String> words) {
        for (int count = Math.min(MAX_NAME_WORDS, words.size()); count >= 1; count--) {
            Optional<CommandDefinition> command = CommandDefinitions.spelledBy(
                    String.join("_", words.subList(0, count)));
            if (command.isPresent()) {
                return command;
            }
        }
        return Optional.empty();
    }

    private static ParseResult read(CommandDefinition command, String spelled, List<Token> tokens) {
        Arguments args = Arguments.of(command, spelled, tokens);
        return args.repeatedKey().<ParseResult>map(key -> args.invalid(ShareArgumentReaders.givenTwice(args, key)))
                .orElseGet(() -> command.reader().read(args));
    }

    /** How many tokens from the start are plain words, the only ones a command's name can be made of. */
    static int leadingWords(List<Token> tokens) {
        int count = 0;
        while (count < tokens.size() && tokens.get(count) instanceof Word word && !word.quoted()) {
            count++;
        }
        return count;
    }

    /** The first {@code words} tokens as typed, a space between them. */
    private static String spelled(List<Token> tokens, int words) {
        return String.join(" ", tokens.subList(0, words).stream().map(token -> ((Word) token).text()).toList());
    }

    /** The first {@code words} tokens joined with {@code _}, as a command's name is written. */
    static String joined(List<Token> tokens, int words) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < words; i++) {
            joined.append(i == 0 ? "" : "_").append(((Word) tokens.get(i)).text());
        }
        return joined.toString();
    }
}

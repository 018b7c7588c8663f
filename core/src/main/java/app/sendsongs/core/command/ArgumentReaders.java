package app.sendsongs.core.command;

import app.sendsongs.core.command.CommandDefinition.ArgumentReader;
import app.sendsongs.core.command.Tokenizer.Word;
import app.sendsongs.core.shared.UserText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each command reads what follows its word; {@link CommandDefinitions} picks one per command. The commands of a
 * song being shared are read by {@link ShareArgumentReaders}, those of groups by {@link GroupArgumentReaders}.
 */
final class ArgumentReaders {
    /** The word that confirms {@code forget_me}. */
    static final String CONFIRM = "confirm";
    /** The word before a song's id in {@code cancel song <id>}, what a pending list's tap carries. */
    private static final String SONG = "song";
    /** Words after {@code help} that ask for it rather than name a topic. */
    private static final Set<String> PLEAS = Set.of("me", "please", "pls", "plz");
    /** An id a tap carries: a group's (confirming its deletion), a song's (stopping its watch). */
    static final Pattern TAP_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** What {@code receipts on|off} takes to mean every sender. */
    private static final Pattern EVERYONE = Pattern.compile("(?i)everyone|everybody|all");
    /** A registration code as the connect page shows it ({@code ABCD-EFGH}), then more words: a name without name:. */
    private static final Pattern CODE_THEN_NAME = Pattern.compile("(?U)(\\w{4}[-–—]?\\w{4})\\s+(\\S.*)");

    private ArgumentReaders() {
    }

    /** A command about one person: {@code block Bob Fisher}, {@code block name:"Bob Fisher"}. */
    static ArgumentReader person(Function<String, Command> make) {
        return args -> {
            Optional<ParseResult> unexpected = args.unexpectedOption();
            if (unexpected.isPresent()) {
                return unexpected.get();
            }
            if (args.options().containsKey("name") && !args.words().isEmpty()) {
                return args.invalid("I found words after the name; put a name with spaces in quotes.");
            }
            String person = UserText.typedName(Optional.ofNullable(args.options().get("name"))
                    .orElse(String.join(" ", args.words())));
            return person.isEmpty() ? args.invalid("Who? " + args.command().exampleToWrite())
                    : new ParseResult.Parsed(make.apply(person));
        };
    }

    /** {@code unblock <name>}, or {@code unblock} alone, which asks whom. */
    static ParseResult unblock(Arguments args) {
        boolean noName = args.words().isEmpty() && args.options().isEmpty();
        return noName ? new ParseResult.Parsed(new Command.Unblock(Optional.empty()))
                : person(name -> new Command.Unblock(Optional.of(name))).read(args);
    }

    /** {@code receipts}, {@code receipts on|off}, {@code receipts on|off <name>}. */
    static ParseResult receipts(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        List<String> words = args.words();
        if (words.isEmpty()) {
            return args.options().isEmpty() ? new ParseResult.Parsed(new Command.Receipts(Optional.empty(),
                    Optional.empty())) : args.invalid("Say on or off: {receipts} off name:\"Bob Fisher\"");
        }
        String setting = words.getFirst().toLowerCase(Locale.ROOT);
        if (!setting.equals("on") && !setting.equals("off")) {
            return args.invalid("Say on or off: {receipts} off, or {receipts} off Bob Fisher for one friend.");
        }
        if (args.options().containsKey("name") && words.size() > 1) {
            return args.invalid("I found words after the name; put a name with spaces in quotes.");
        }
        Optional<String> name = Optional.ofNullable(args.options().get("name"))
                .or(() -> receiptsFor(words.subList(1, words.size())))
                .flatMap(ShareArgumentReaders::typedName);
        return new ParseResult.Parsed(new Command.Receipts(Optional.of(setting.equals("on")), name));
    }

    /**
     * Whom {@code receipts on|off} is about, in the words after the setting as people write them: "for Bob Fisher"
     * is Bob Fisher; "everyone", "all" (or "for everyone") is everyone, as nothing after the setting is.
     */
    private static Optional<String> receiptsFor(List<String> words) {
        List<String> person = words.size() > 1 && words.getFirst().equalsIgnoreCase("for")
                ? words.subList(1, words.size()) : words;
        String name = String.join(" ", person);
        return EVERYONE.matcher(name.strip()).matches() ? Optional.empty() : Optional.of(name);
    }

    /** {@code forget_me}, which asks first, and its confirmation {@code forget_me confirm}. */
    static ParseResult forgetMe(Arguments args) {
        if (args.options().isEmpty() && args.words().isEmpty()) {
            return new ParseResult.Parsed(new Command.ForgetMe(false));
        }
        if (args.options().isEmpty() && args.words().size() == 1 && args.words().getFirst().equalsIgnoreCase(CONFIRM)) {
            return new ParseResult.Parsed(new Command.ForgetMe(true));
        }
        return args.invalid("{forget_me} takes nothing after it; I'll ask you to confirm.");
    }

    /** A greeting, or a sentence that starts like one and holds a song link ("hey, listen to this: <link>"). */
    static ParseResult menu(Arguments args) {
        return ShareArgumentReaders.songIn(String.join(" ", args.words()))
                .orElseGet(() -> new ParseResult.Parsed(new Command.Menu()));
    }

    static Optional<String> nonEmpty(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * {@code register code:"<code>" name:"<name>"}; the quotes may be left out ({@code code:ABCD-EFGH name:Bob
     * Fisher}), and a name typed right after the code without {@code name:} is the name.
     */
    static ParseResult register(Arguments typed) {
        Arguments args = typed.withWordsAfterOptionsInTheirValues();
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (!args.words().isEmpty()) {
            return args.invalid("Put the code and the name in quotes after code: and name:.");
        }
        String code = args.options().getOrDefault("code", "").strip();
        if (code.isEmpty()) {
            return args.invalid("Add the code from the connect page: code:\"<code>\".");
        }
        Optional<String> name = Optional.ofNullable(args.options().get("name")).map(String::strip);
        Matcher codeThenName = CODE_THEN_NAME.matcher(code);
        if (name.isEmpty() && codeThenName.matches()) {
            code = codeThenName.group(1);
            name = Optional.of(codeThenName.group(2).strip());
        }
        if (name.isPresent() && name.get().isEmpty()) {
            return args.invalid("The name is empty.");
        }
        return new ParseResult.Parsed(new Command.Register(code, name));
    }

    static ParseResult connect(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        String source = String.join(" ", args.words()).strip();
        return new ParseResult.Parsed(new Command.Connect(source.isEmpty() ? Optional.empty() : Optional.of(source)));
    }

    /** {@code name "Bob Fisher"}, {@code name Bob Fisher} or {@code name name:"Bob Fisher"}. */
    static ParseResult rename(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        Optional<String> option = Optional.ofNullable(args.options().get("name")).map(String::strip);
        if (option.isPresent() && !args.words().isEmpty()) {
            return args.invalid("Give the name once, in quotes.");
        }
        String name = option.orElse(String.join(" ", args.words()).strip());
        if (name.isEmpty()) {
            return args.invalid("What should friends call you? " + args.command().exampleToWrite());
        }
        int leading = wordsBeforeTheName(args);
        if (option.isEmpty() && leading > 0 && args.words().size() > leading) {
            // "rename me to Alicia Smith": the name is what follows, offered rather than taken with those words
            String meant = String.join(" ", args.words().subList(leading, args.words().size())).strip();
            return new ParseResult.Unknown(List.of(new ParseResult.Suggestion("name", "name \"" + meant + "\"")));
        }
        return new ParseResult.Parsed(new Command.Rename(name));
    }

    /**
     * How many words typed after {@code name} say whose name it is and how, rather than being part of it: "me to",
     * "me as", "myself to" ({@code rename me to Alicia Smith}), or "to" and "as" after {@code rename} ({@code rename to
     * Alicia Smith}); never quoted ones, nor "to" after {@code name}, which may start a name ("To Ngoc Lan").
     */
    private static int wordsBeforeTheName(Arguments args) {
        List<Word> words = args.wordTokens();
        if (words.size() >= 2 && words.stream().limit(2).noneMatch(Word::quoted)
                && words.getFirst().text().matches("(?i)me|myself") && words.get(1).text().matches("(?i)to|as")) {
            return 2;
        }
        boolean renamed = args.spelled().equalsIgnoreCase("rename") || args.spelled().equalsIgnoreCase("/rename");
        return renamed && !words.isEmpty() && !words.getFirst().quoted()
                && words.getFirst().text().matches("(?i)to|as") ? 1 : 0;
    }

    /**
     * {@code help}, or {@code help <topic>}, the topic as typed; a command named in words ({@code help send song}) is
     * one topic. A plea ({@code help me}, {@code help please}) is plain {@code help}.
     */
    static ParseResult help(Arguments args) {
        List<String> words = args.words();
        boolean plea = words.stream().allMatch(word -> PLEAS.contains(word.toLowerCase(Locale.ROOT)));
        return args.unexpectedOption().orElseGet(() -> new ParseResult.Parsed(new Command.Help(
                plea ? Optional.empty() : Optional.of(String.join(" ", words)))));
    }

    static ParseResult cancel(Arguments args) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        List<String> words = args.words();
        if (words.size() == 2 && words.getFirst().equalsIgnoreCase(SONG)
                && TAP_ID.matcher(words.get(1).toLowerCase(Locale.ROOT)).matches()) {
            return new ParseResult.Parsed(new Command.Cancel(
                    Optional.of(SONG + " " + words.get(1).toLowerCase(Locale.ROOT))));
        }
        if (words.size() == 2 && words.getFirst().equalsIgnoreCase("invite")
                && words.get(1).matches("#?\\d{1,4}|[A-Za-z0-9_-]{22}")) {
            // an invite of the pending list: its number, or the token its tap carries (a token's case matters)
            return new ParseResult.Parsed(new Command.Cancel(Optional.of("invite " + words.get(1).replace("#", ""))));
        }
        if (!words.isEmpty() && words.getFirst().equalsIgnoreCase("invite")) {
            return args.invalid("Say which invite: {cancel} invite <number>, as your pending list numbers them.");
        }
        if (words.size() == 2 && words.getFirst().equalsIgnoreCase("all") && words.get(1).matches("\\d{1,15}")) {
            return new ParseResult.Parsed(new Command.Cancel(Optional.of("all " + words.get(1))));
        }
        if (words.size() > 1 || (words.size() == 1 && !words.getFirst().matches("(?i)all|#?\\d{1,4}"))) {
            return args.invalid("Say which one: a number from your pending list, or all.");
        }
        return new ParseResult.Parsed(new Command.Cancel(words.stream().findFirst()
                .map(w -> w.replace("#", "").toLowerCase(Locale.ROOT))));
    }

    /** {@code history}, or {@code history <page>} for older songs, ten a page (up to 99 pages). */
    static ParseResult history(Arguments args) {
        List<String> words = args.words();
        if (args.options().isEmpty() && words.isEmpty()) {
            return new ParseResult.Parsed(new Command.History());
        }
        if (args.options().isEmpty() && words.size() == 1 && words.getFirst().matches("[1-9]\\d?")) {
            return new ParseResult.Parsed(new Command.History(Integer.parseInt(words.getFirst())));
        }
        return args.invalid("{history} takes a page at most: {history} 2 shows the ten songs before the latest.");
    }

    /** A command with nothing after its word. */
    static ArgumentReader bare(Command command) {
        return args -> args.words().isEmpty() && args.options().isEmpty() ? new ParseResult.Parsed(command)
                : args.invalid("{" + args.command().name() + "} takes nothing after it.");
    }
}

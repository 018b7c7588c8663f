package app.sendsongs.core.command;

import app.sendsongs.core.command.CommandDefinition.ArgumentReader;
import app.sendsongs.core.command.Tokenizer.Word;
import app.sendsongs.core.music.OtherMusicLinks;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.shared.Spaces;
import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How each command reads what follows its word; {@link CommandDefinitions} picks one per command. */
final class ArgumentReaders {
    /** The word that confirms {@code forget_me}. */
    static final String CONFIRM = "confirm";
    /** The word before a song's id in {@code cancel song <id>}, what a pending list's tap carries. */
    private static final String SONG = "song";
    /** Words after {@code help} that ask for it rather than name a topic. */
    private static final Set<String> PLEAS = Set.of("me", "please", "pls", "plz");
    /** Words for the song itself before "to" and who it is for ({@code send it to Bob}). */
    private static final Set<String> THE_SONG = Set.of("it", "this", "that");
    /** An id a tap carries: a group's (confirming its deletion), a song's (stopping its watch). */
    private static final Pattern TAP_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** What {@code receipts on|off} takes to mean every sender. */
    private static final Pattern EVERYONE = Pattern.compile("(?i)everyone|everybody|all");

    /** "for Bob", "For Bob Fisher", "to Bob": who pasted words may say a song is for. */
    private static final Pattern FOR_SOMEONE = Pattern.compile("(?iu)(?:for|to)\\s+(.+)");
    /** What may end the words before or after a link: "for Bob: <link>", "<link> for Bob!". */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s:;,.!?\\-–—]+$");
    /** Words beside a link longer than this (for each name they join) are a note, whatever they start with. */
    private static final int MOST_WORDS_OF_A_NAME = 4;
    /** Words beside a link that join more names than this are a note. */
    private static final int MOST_NAMES_JOINED = 5;
    /** What a song goes to, said when a command names several at once. */
    static final String ONE_AT_A_TIME = "A song goes to one friend or one group at a time";
    /** How to send to several friends at once, after {@link #ONE_AT_A_TIME}. */
    static final String MAKE_A_GROUP = "To send songs to several friends at once, make them a group "
            + "({create_group} Friends, then {add_to_group}).";
    /** A word that reads as an option given without quotes: letters, a colon, then a value, and no link's "//". */
    private static final Pattern UNQUOTED_OPTION = Pattern.compile("(\\p{L}{2,})[:：]([^/].*)");
    /** A registration code as the connect page shows it ({@code ABCD-EFGH}), then more words: a name without name:. */
    private static final Pattern CODE_THEN_NAME = Pattern.compile("(?U)(\\w{4}[-–—]?\\w{4})\\s+(\\S.*)");
    /** What the taps under "Send it to Bob?" carry after their words: '#' and the share's key. */
    private static final Pattern DRAFT_KEY = Pattern.compile("#[0-9a-f]{8}");

    private ArgumentReaders() {
    }

    /**
     * {@code send_song}: the seed's form ({@code name:} or {@code group:}, notes, one link), the friend's name as
     * plain words ({@code send_song Bob Fisher <link>}, {@code send song to Bob <link>}), a link without anyone
     * (the bot asks who), or someone without a link (the song being shared, sent now). Quotes round a name or note
     * may be left out ({@code name:Bob Fisher}).
     */
    static ParseResult sendSong(Arguments typed) {
        Arguments args = typed.withWordsAfterOptionsInTheirValues();
        Optional<String> unknown = args.options().keySet().stream()
                .filter(key -> !args.command().options().contains(key)).findFirst()
                .or(() -> unquotedOption(args.wordTokens()));
        if (unknown.isPresent()) {
            return args.invalid("{send_song} has no " + unknown.get() + ": option. A note goes in pre:\"…\" (with "
                    + "the song) or post:\"…\" (once they've played it).");
        }
        String name = UserText.typedName(args.options().getOrDefault("name", ""));
        String group = UserText.typedName(args.options().getOrDefault("group", ""));
        if (!name.isEmpty() && !group.isEmpty()) {
            return args.invalid("Send it to a friend (name:) or to a group (group:), not both at once.");
        }
        Optional<Notes> notes = notes(args);
        if (notes.isEmpty()) {
            return args.invalid(UserText.NOTE_TOO_LONG);
        }
        String pre = notes.get().pre();
        String post = notes.get().post();
        if (!name.isEmpty() || !group.isEmpty()) {
            return sendNamed(args, name, group, pre, post);
        }
        return sendByWords(args, pre, post);
    }

    /** {@code send_song} without {@code name:} or {@code group:}: who it is for, if anyone, is in the plain words. */
    private static ParseResult sendByWords(Arguments args, String pre, String post) {
        List<Word> links = args.wordTokens().stream()
                .filter(w -> !w.quoted() && TrackLinks.looksLikeSpotify(w.text())).toList();
        List<String> others = args.wordTokens().stream().filter(w -> !links.contains(w)).map(Word::text).toList();
        if (links.size() > 1) {
            return args.invalid(TrackLinks.ONE_AT_A_TIME);
        }
        if (others.stream().anyMatch(w -> w.contains("://"))) {
            return args.invalid("That isn't a Spotify track link.");
        }
        if (links.isEmpty() && others.size() == 1 && pre.isEmpty() && post.isEmpty()
                && DRAFT_KEY.matcher(others.getFirst()).matches()) {
            return new ParseResult.Parsed(new Command.SendDraft(others.getFirst().substring(1)));
        }
        if (links.isEmpty()) {
            return new ParseResult.Parsed(new Command.DraftTo(friendNamed(others), Optional.empty(), pre, post, true));
        }
        Optional<SongLink> song = TrackLinks.songLink(links.getFirst().text());
        if (song.isEmpty()) {
            return args.invalid(notATrack(links.getFirst().text()));
        }
        Optional<ParseResult> friendAndNote = friendAndNote(args, links.getFirst(), song.get(), pre, post);
        if (friendAndNote.isPresent()) {
            return friendAndNote.get();
        }
        Optional<String> friend = friendNamed(others);
        if (friend.isEmpty()) {
            return new ParseResult.Parsed(new Command.StartShare(song.get(), pre, post));
        }
        Optional<String> asNote = wordsOnlyAfter(args.wordTokens(), links.getFirst(), pre);
        return asNote.filter(UserText::tooLongForANote).isPresent() ? args.invalid(UserText.NOTE_TOO_LONG)
                : new ParseResult.Parsed(new Command.SendSong(friend.get(), song.get(), pre, post, asNote));
    }

    /**
     * The words after the link as a note, when they are all the words there are and no note was given
     * ({@code send_song <link> you'll love this}): they name the friend only if the sender has one by that name, which
     * the parser cannot tell. Empty when there are words before the link, a {@code pre:} note, or "to" after it.
     */
    private static Optional<String> wordsOnlyAfter(List<Word> words, Word link, String pre) {
        int at = words.indexOf(link);
        List<String> after = words.subList(at + 1, words.size()).stream().map(Word::text).toList();
        if (at > 0 || after.isEmpty() || after.getFirst().equalsIgnoreCase("to") || !pre.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UserText.cleanNote(String.join(" ", after)));
    }

    /**
     * {@code send_song Bob Fisher <link> for the drive}: with words on both sides of the link (and no {@code pre:}),
     * the words before it name the friend and the words after it are the note, as in a group chat's {@code /send};
     * after {@code to}, the other way round ({@code send_song for the drive <link> to Bob}). Read as one name, they
     * would invite "Bob Fisher for the drive". Empty when the words are not so placed.
     */
    private static Optional<ParseResult> friendAndNote(Arguments args, Word link, SongLink song, String pre,
                                                       String post) {
        List<Word> words = args.wordTokens();
        int at = words.indexOf(link);
        List<String> before = words.subList(0, at).stream().map(Word::text).toList();
        List<String> after = words.subList(at + 1, words.size()).stream().map(Word::text).toList();
        boolean toAfter = !after.isEmpty() && after.getFirst().equalsIgnoreCase("to");
        Optional<String> friend = friendNamed(toAfter ? after : before);
        String note = UserText.cleanNote(String.join(" ", toAfter ? before : after));
        if (before.isEmpty() || friend.isEmpty() || note.isEmpty() || !pre.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UserText.tooLongForANote(note) ? args.invalid(UserText.NOTE_TOO_LONG)
                : new ParseResult.Parsed(new Command.SendSong(friend.get(), song, note, post)));
    }

    /** A word such as {@code note:drive}, an option without quotes no command takes (a link is none). */
    private static Optional<String> unquotedOption(List<Word> words) {
        return words.stream().filter(w -> !w.quoted() && !TrackLinks.looksLikeSpotify(w.text()))
                .map(w -> UNQUOTED_OPTION.matcher(w.text())).filter(Matcher::matches)
                .map(m -> m.group(1).toLowerCase(Locale.ROOT)).findFirst();
    }

    /**
     * {@code send_song} with {@code name:} or {@code group:}: one link, or none for the song being shared. Words beside
     * the link are its note, as with a name typed before the link ({@code send_song name:"Bob" <link> for the drive}),
     * unless {@code pre:} gives one.
     */
    private static ParseResult sendNamed(Arguments args, String name, String group, String pre, String post) {
        List<String> words = args.words();
        if (words.isEmpty()) {
            return new ParseResult.Parsed(new Command.DraftTo(nonEmpty(name), nonEmpty(group), pre, post, true));
        }
        List<String> links = words.stream().filter(TrackLinks::looksLikeSpotify).toList();
        if (links.size() > 1) {
            return args.invalid(TrackLinks.ONE_AT_A_TIME);
        }
        String link = links.isEmpty() ? words.getFirst() : links.getFirst();
        Optional<SongLink> song = TrackLinks.songLink(link);
        if (song.isEmpty()) {
            return args.invalid(notATrack(words.stream().filter(w -> w.contains("://")).findFirst().orElse(link)));
        }
        List<String> others = words.stream().filter(word -> !word.equals(link)).toList();
        if (!others.isEmpty() && !pre.isEmpty()) {
            return args.invalid("I found words besides the link and a pre: note too; put the whole note in pre:\"…\".");
        }
        String note = others.isEmpty() ? pre : UserText.cleanNote(String.join(" ", others));
        if (UserText.tooLongForANote(note)) {
            return args.invalid(UserText.NOTE_TOO_LONG);
        }
        return new ParseResult.Parsed(group.isEmpty() ? new Command.SendSong(name, song.get(), note, post)
                : new Command.SendToGroup(group, song.get(), note, post));
    }

    private static String notATrack(String link) {
        if (TrackLinks.looksLikeSpotify(link)) {
            return TrackLinks.notASong(link);
        }
        return OtherMusicLinks.serviceIn(link).map(OtherMusicLinks::notSpotify).orElse("That isn't a Spotify track link.");
    }

    /**
     * The friend named by plain words, without a leading "to" ({@code send song to Bob}) or "it to", "this to", "that
     * to" ({@code send it to Bob}: "it" is the song, not a name).
     */
    private static Optional<String> friendNamed(List<String> words) {
        List<String> name = words.size() > 1 && THE_SONG.contains(words.getFirst().toLowerCase(Locale.ROOT))
                && words.get(1).equalsIgnoreCase("to") ? words.subList(1, words.size()) : words;
        name = !name.isEmpty() && name.getFirst().equalsIgnoreCase("to") ? name.subList(1, name.size()) : name;
        return typedName(String.join(" ", name));
    }

    /**
     * A person or group named to be looked up, as names are registered ({@link UserText#typedName}: without the invisible
     * and direction characters registration refuses); empty when nothing is left.
     */
    private static Optional<String> typedName(String typed) {
        return nonEmpty(UserText.typedName(typed));
    }

    private record Notes(String pre, String post) {
    }

    /** The notes, cleaned (see {@link UserText#cleanNote}); empty when one is too long. */
    private static Optional<Notes> notes(Arguments args) {
        String pre = UserText.cleanNote(args.options().getOrDefault("pre", ""));
        String post = UserText.cleanNote(args.options().getOrDefault("post", ""));
        return UserText.tooLongForANote(pre) || UserText.tooLongForANote(post) ? Optional.empty()
                : Optional.of(new Notes(pre, post));
    }

    /**
     * {@code to <name>}, {@code to group <group>}, {@code to name:"…"} or {@code to group:"…"}: who the song being
     * shared is for; {@code to} alone asks the bot to ask.
     */
    static ParseResult draftTo(Arguments args) {
        Optional<String> key = tapKey(args);
        if (key.isPresent() && args.words().size() == 1) {
            return new ParseResult.Parsed(new Command.DraftTo(Optional.empty(), Optional.empty(), "", "", false, key));
        }
        if (args.words().stream().anyMatch(TrackLinks::looksLikeSpotify)) {
            ParseResult send = sendSong(args); // "to Bob <link>", read as a whole send is
            return args.options().isEmpty() && send instanceof ParseResult.Parsed(Command.SendSong named)
                    && named.wordsAsNote().isEmpty() ? new ParseResult.Parsed(askingFirst(args, named)) : send;
        }
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (args.options().size() > 1 || (!args.options().isEmpty() && !args.words().isEmpty())) {
            return args.invalid("Name one friend or one group; put a name with spaces in quotes.");
        }
        Optional<String> friend = Optional.ofNullable(args.options().get("name")).map(UserText::typedName);
        Optional<String> group = Optional.ofNullable(args.options().get("group")).map(UserText::typedName);
        List<String> words = args.words();
        if (words.size() > 1 && words.getFirst().equalsIgnoreCase("group")) {
            group = typedName(String.join(" ", words.subList(1, words.size())));
        } else if (!words.isEmpty()) {
            friend = typedName(String.join(" ", words));
        }
        return new ParseResult.Parsed(new Command.DraftTo(friend.flatMap(ArgumentReaders::nonEmpty),
                group.flatMap(ArgumentReaders::nonEmpty), "", "", false));
    }

    /**
     * "to Bob <link>", said as "for Bob <link>" is, asks before sending as it does (a pasted link whose words say who
     * it is for, {@link Command.ForWhom}): the command {@code send_song} sends at once. The words beside the link are
     * the share's note should they name nobody the sender knows, as after "for".
     */
    private static Command.StartShare askingFirst(Arguments args, Command.SendSong send) {
        String words = UserText.cleanNote(args.spelled() + " " + String.join(" ", args.words().stream()
                .filter(word -> !TrackLinks.looksLikeSpotify(word)).toList()));
        boolean tooLong = UserText.tooLongForANote(words);
        // read as a name beside a pasted link is: "To Bob Fisher: <link>" names Bob Fisher
        String name = forWhom(send.friendName()).map(Command.ForWhom::name).orElse(send.friendName());
        return new Command.StartShare(send.song(), tooLong ? "" : words, send.post(),
                Optional.of(new Command.ForWhom(name, true, send.pre())), tooLong);
    }

    /** {@code note [text]} and {@code after [text]}: the text as written, quotes optional. */
    static ArgumentReader draftNote(boolean afterPlay) {
        return args -> {
            Optional<ParseResult> unexpected = args.unexpectedOption();
            if (unexpected.isPresent()) {
                return unexpected.get();
            }
            Optional<String> key = tapKey(args);
            List<String> words = key.isEmpty() ? args.words() : args.words().subList(0, args.words().size() - 1);
            String note = UserText.cleanNote(String.join(" ", words));
            if (note.equalsIgnoreCase(Command.DraftNote.NONE)) {
                return new ParseResult.Parsed(new Command.DraftNote(Optional.of(""), afterPlay, key));
            }
            if (key.isPresent() && !note.isEmpty()) {
                key = Optional.empty(); // a tap carries nothing but "none" before its key: these words are the note
                note = UserText.cleanNote(String.join(" ", args.words()));
            }
            if (UserText.tooLongForANote(note)) {
                return args.invalid(UserText.NOTE_TOO_LONG);
            }
            return new ParseResult.Parsed(new Command.DraftNote(nonEmpty(note), afterPlay, key));
        };
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
                .flatMap(ArgumentReaders::typedName);
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
        return songIn(String.join(" ", args.words())).orElseGet(() -> new ParseResult.Parsed(new Command.Menu()));
    }

    /**
     * A sentence with one Spotify link in it is a share of that song, with the sentence's other words as its note
     * (shown before it is sent, so it can be changed or dropped); empty when it has no link.
     */
    static Optional<ParseResult> songIn(String sentence) {
        List<String> links = TrackLinks.spotifyWordsIn(sentence);
        if (links.isEmpty()) {
            return Optional.empty();
        }
        if (links.size() > 1) {
            return Optional.of(new ParseResult.Invalid(TrackLinks.ONE_AT_A_TIME,
                    Optional.of("send_song")));
        }
        Optional<SongLink> song = TrackLinks.songLink(links.getFirst());
        if (song.isEmpty()) {
            return Optional.of(new ParseResult.Invalid(notATrack(links.getFirst()), Optional.of("send_song")));
        }
        String note = UserText.cleanNote(TrackLinks.wordsBesides(sentence, links.getFirst()));
        // A text too long for a note is more likely a forwarded post than a comment: the share starts without it,
        // and says so.
        if (UserText.tooLongForANote(note)) {
            return Optional.of(new ParseResult.Parsed(new Command.StartShare(song.get(), "", "", Optional.empty(),
                    true)));
        }
        return Optional.of(new ParseResult.Parsed(new Command.StartShare(song.get(), note, "", forWhom(note))));
    }

    /**
     * Who pasted words may name: "for Bob", "to Bob", "for Bob Fisher:", or a name of a few words by itself; or
     * several such names joined ("for Bob and Carol").
     */
    static Optional<Command.ForWhom> forWhom(String words) {
        String name = TRAILING_PUNCTUATION.matcher(words).replaceAll("");
        Matcher saidFor = FOR_SOMEONE.matcher(name);
        boolean said = saidFor.matches();
        if (said) {
            name = saidFor.group(1);
        }
        name = UserText.typedName(name);
        List<String> names = Command.ForWhom.namesIn(name);
        boolean nameLike = !names.isEmpty() && names.size() <= MOST_NAMES_JOINED
                && names.stream().allMatch(one -> one.length() <= Names.MAX_LENGTH
                && Spaces.words(one).size() <= MOST_WORDS_OF_A_NAME);
        return nameLike ? Optional.of(new Command.ForWhom(name, said)) : Optional.empty();
    }

    /**
     * What to say when the option {@code key} is given twice: for whom a song goes to ({@code name:}, {@code group:}),
     * that it goes to one friend or group at a time.
     */
    static String givenTwice(Arguments args, String key) {
        boolean recipient = (key.equals("name") || key.equals("group"))
                && (args.command().name().equals("send_song") || args.command().name().equals("to"));
        return recipient ? ONE_AT_A_TIME + ", so give " + key + ": once. " + MAKE_A_GROUP : key + ": is given twice.";
    }

    private static Optional<String> nonEmpty(String text) {
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

    /**
     * The key a tap under "Send it to Bob?" carries after its words ({@code note #<key>}, {@code to #<key>}): '#' and
     * the share's key, as the last word; empty when there is none, or options.
     */
    private static Optional<String> tapKey(Arguments args) {
        List<String> words = args.words();
        return args.options().isEmpty() && !words.isEmpty() && DRAFT_KEY.matcher(words.getLast()).matches()
                ? Optional.of(words.getLast().substring(1)) : Optional.empty();
    }

    /** {@code discard}, or {@code discard #<key>}, the Don't send tap of a song being shared. */
    static ParseResult discard(Arguments args) {
        List<String> words = args.words();
        if (args.options().isEmpty() && words.size() == 1 && DRAFT_KEY.matcher(words.getFirst()).matches()) {
            return new ParseResult.Parsed(new Command.DiscardDraft(Optional.of(words.getFirst().substring(1))));
        }
        return bare(new Command.DiscardDraft()).read(args);
    }

    /** A command with nothing after its word. */
    static ArgumentReader bare(Command command) {
        return args -> args.words().isEmpty() && args.options().isEmpty() ? new ParseResult.Parsed(command)
                : args.invalid("{" + args.command().name() + "} takes nothing after it.");
    }

    /**
     * {@code create_group}: the one argument is the new group's name, kept as typed, so that a name with characters
     * groups cannot have is refused rather than changed; without one, the bot asks for it ({@link
     * Command.NameNewGroup}).
     */
    static ArgumentReader newGroup(Function<String, Command> make) {
        return args -> args.words().isEmpty() && args.options().isEmpty()
                ? new ParseResult.Parsed(new Command.NameNewGroup())
                : oneGroup(args, "Give the group a name: " + args.command().exampleToWrite(), String::strip, make);
    }

    /** {@code delete_group <group>}, which asks first, or {@code delete_group confirm <group id>}, the yes to it. */
    static ParseResult deleteGroup(Arguments args) {
        List<String> words = args.words();
        if (args.options().isEmpty() && words.size() == 2 && words.getFirst().equalsIgnoreCase(CONFIRM)
                && TAP_ID.matcher(words.get(1)).matches()) {
            return new ParseResult.Parsed(new Command.ConfirmDeleteGroup(words.get(1)));
        }
        return existingGroup(Command.DeleteGroup::new).read(args);
    }

    /** A command whose one argument is an existing group: {@code leave_group}, {@code members}, ... */
    static ArgumentReader existingGroup(Function<String, Command> make) {
        return args -> oneGroup(args, "Which group? {" + args.command().name() + "} <group>", UserText::typedName, make);
    }

    /**
     * {@code add_to_group <group> "<full name>"} and {@code remove_from_group}: the group is
     * {@code group:...} or the first word, the person {@code name:...} or the rest of the words.
     * {@code verb} says what the command does to the person, for "please add one person at a time".
     */
    static ArgumentReader groupAndPerson(String verb, BiFunction<String, String, Command> make) {
        return args -> groupAndPerson(args, verb, make);
    }

    /**
     * The group is {@code name:"..."}, {@code group:"..."}, or the words after the command (joined,
     * so {@code leave_group Family (Bob Fisher's)} needs no quotes).
     */
    private static ParseResult oneGroup(Arguments args, String missing, UnaryOperator<String> read,
                                        Function<String, Command> make) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        if (args.options().size() > 1) {
            return args.invalid("Give the group once, with name: or group:.");
        }
        Optional<String> option = args.options().values().stream().findFirst();
        if (option.isPresent() && !args.words().isEmpty()) {
            return args.invalid("I found words after the group's name; put a name with spaces in quotes.");
        }
        String group = read.apply(option.orElse(String.join(" ", args.words())));
        return group.isEmpty() ? args.invalid(missing) : new ParseResult.Parsed(make.apply(group));
    }

    /**
     * Takes the group off the front of {@code words}: the first word, or, when only the last word is quoted (the
     * person), every word before it ({@code add_to_group Road Trip "Bob Fisher"}).
     */
    private static String groupBeforeQuotedName(List<Word> words) {
        boolean onlyLastQuoted = words.size() > 2 && words.getLast().quoted()
                && words.subList(0, words.size() - 1).stream().noneMatch(Word::quoted);
        List<Word> group = words.subList(0, onlyLastQuoted ? words.size() - 1 : 1);
        String name = String.join(" ", group.stream().map(Word::text).toList());
        group.clear();
        return name;
    }

    private static ParseResult groupAndPerson(Arguments args, String verb, BiFunction<String, String, Command> make) {
        Optional<ParseResult> unexpected = args.unexpectedOption();
        if (unexpected.isPresent()) {
            return unexpected.get();
        }
        List<Word> rest = new ArrayList<>(args.wordTokens());
        String group = UserText.typedName(Optional.ofNullable(args.options().get("group"))
                .orElseGet(() -> rest.isEmpty() ? "" : groupBeforeQuotedName(rest)));
        String example = args.command().exampleToWrite();
        if (group.isEmpty()) {
            return args.invalid("Which group? " + example);
        }
        if (args.options().containsKey("name") && !rest.isEmpty()) {
            return args.invalid("I found more words than a group and a name; put names with spaces in quotes: "
                    + example);
        }
        if (rest.size() > 1 && rest.stream().anyMatch(Word::quoted)) {
            return args.invalid("Please " + verb + " one person at a time: " + example);
        }
        String person = UserText.typedName(Optional.ofNullable(args.options().get("name"))
                .orElseGet(() -> String.join(" ", rest.stream().map(Word::text).toList())));
        if (person.isEmpty()) {
            return args.invalid("Who? Add their full name in quotes: " + example);
        }
        return new ParseResult.Parsed(make.apply(group, person));
    }
}

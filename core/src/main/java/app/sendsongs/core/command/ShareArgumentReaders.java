package app.sendsongs.core.command;

import app.sendsongs.core.command.CommandDefinition.ArgumentReader;
import app.sendsongs.core.command.Tokenizer.Word;
import app.sendsongs.core.music.OtherMusicLinks;
import app.sendsongs.core.music.SongLink;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.shared.Spaces;
import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.Names;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the commands of a song being shared read what follows their word: {@code send_song} in its forms, a song in a
 * sentence, who a song is for, and the steps of a share made from a pasted link (to, note, discard).
 */
final class ShareArgumentReaders {
    /** Words for the song itself before "to" and who it is for ({@code send it to Bob}). */
    private static final Set<String> THE_SONG = Set.of("it", "this", "that");
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
    /** What the taps under "Send it to Bob?" carry after their words: '#' and the share's key. */
    private static final Pattern DRAFT_KEY = Pattern.compile("#[0-9a-f]{8}");

    private ShareArgumentReaders() {
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
        List<Word> spotify = args.wordTokens().stream()
                .filter(w -> !w.quoted() && TrackLinks.looksLikeSpotify(w.text())).toList();
        List<String> toShare = TrackLinks.toShare(spotify.stream().map(Word::text).toList());
        List<Word> links = spotify.stream().filter(w -> toShare.contains(w.text())).toList();
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
            return new ParseResult.Parsed(new Command.DraftTo(ArgumentReaders.nonEmpty(name), ArgumentReaders.nonEmpty(group), pre, post, true));
        }
        List<String> links = TrackLinks.toShare(words.stream().filter(TrackLinks::looksLikeSpotify).toList());
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
    static Optional<String> typedName(String typed) {
        return ArgumentReaders.nonEmpty(UserText.typedName(typed));
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
            return new ParseResult.Parsed(new Command.DraftNote(ArgumentReaders.nonEmpty(note), afterPlay, key));
        };
    }

    /**
     * A sentence with one Spotify link in it is a share of that song, with the sentence's other words as its note
     * (shown before it is sent, so it can be changed or dropped); empty when it has no link.
     */
    static Optional<ParseResult> songIn(String sentence) {
        List<String> links = TrackLinks.toShare(TrackLinks.spotifyWordsIn(sentence));
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
        return ArgumentReaders.bare(new Command.DiscardDraft()).read(args);
    }
}

package app.sendsongs.core.bot;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.compose.ShareDraft;
import app.sendsongs.core.music.OtherMusicLinks;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.share.WordsForWho;
import app.sendsongs.core.shared.Spaces;
import app.sendsongs.core.shared.Typos;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What typed text is while a song is being shared: what the share waits for (a name, a note) or a command. */
final class TextForTheShare {
    /** A slash and a letter, as a command starts on Telegram ("/pending"). */
    private static final Pattern SLASHED = Pattern.compile("/\\p{L}");
    /** The fewest words of a typed question that cannot be a name ("Bob Fisher?" may be one). */
    private static final int WORDS_OF_A_QUESTION = 3;
    /** The fewest letters of a command mistyped that no name is taken for ({@link #mistypedCommand}). */
    private static final int LONG_COMMAND = 6;
    /** What may follow a command's word: a number, or {@code all}. */
    private static final Pattern MORE = Pattern.compile("\\d+|all");

    private TextForTheShare() {
    }

    /**
     * Whether typed text is what an unfinished share waits for rather than a command: a note the bot asked for is
     * anything but a single command word, a tap's command ({@link #isTap}) or text with a Spotify link (another song
     * shared from Spotify with a comment, or a whole {@code send_song}); a name, or a note once who is known, is text
     * that names no command and holds no Spotify link (a mistyped {@code send_song} with one gets "did you mean", not
     * an invite by that name); a name holds no link to another music service either (pasted from the app the person
     * listens in, it is told it can't be sent). Text that starts with a slash and a letter is a command mistyped, never
     * a name or a note.
     */
    static boolean answersTheDraft(ShareDraft draft, ParseResult parsed, String typed) {
        if (slashed(typed)) {
            return false; // a command, mistyped ("/pendng"): Telegram shows a slash and a word as a command
        }
        boolean noLink = TrackLinks.spotifyWordsIn(typed).isEmpty();
        return switch (draft.stage()) {
            case NOTE, AFTER_NOTE -> noLink && !(parsed instanceof ParseResult.Parsed(Command command)
                    && (Spaces.words(typed).size() == 1 || isTap(command)));
            case WHO -> parsed instanceof ParseResult.Unknown unknown && noLink
                    && OtherMusicLinks.serviceIn(typed).isEmpty() && !notAName(typed) && !mistypedCommand(unknown, typed);
            case READY -> parsed instanceof ParseResult.Unknown && noLink && !wishOrLeaving(typed)
                    && !WordsForWho.isKindWords(typed);
        };
    }

    /**
     * Whether {@code typed} is a long command mistyped by one letter ("histroy", "cancle 1", "pendign"), and at most a
     * number or {@code all} after it: no name anyone has, where "Conner", two letters from {@code connect}, may be.
     * Read as a name at "Who is it for?", it invited someone called "histroy".
     */
    private static boolean mistypedCommand(ParseResult.Unknown unknown, String typed) {
        List<String> words = Spaces.words(typed.strip().toLowerCase(Locale.ROOT));
        boolean commandShaped = words.size() == 1 || words.size() == 2 && MORE.matcher(words.get(1)).matches();
        String first = words.isEmpty() ? "" : words.getFirst();
        return commandShaped && first.length() >= LONG_COMMAND && unknown.suggestions().stream()
                .anyMatch(suggestion -> Typos.distance(first, suggestion.command()) == 1);
    }

    /** Whether {@code typed} starts with a slash and a letter: a command, maybe mistyped. */
    static boolean slashed(String typed) {
        return SLASHED.matcher(typed.strip()).lookingAt();
    }

    /**
     * Words typed at "Who is it for?" that are no name: a wish in plain words ("what have I sent", "did Bob listen?"),
     * answered as such, or a question of a few words ("is this thing on?"), which asks the question again; neither
     * invites someone by that name. "Bob?" may still be a name.
     */
    static boolean notAName(String typed) {
        String text = typed.strip();
        boolean question = text.endsWith("?") && Spaces.words(text).size() >= WORDS_OF_A_QUESTION;
        return question || wishOrLeaving(text);
    }

    /** A wish in plain words ({@link WordsForWishes}), or words for leaving ({@link WordsForLeaving}). */
    private static boolean wishOrLeaving(String typed) {
        return WordsForWishes.wishIn(typed).isPresent() || WordsForLeaving.wantsToStop(typed)
                || WordsForLeaving.wantsDataDeleted(typed);
    }

    /**
     * A command only a tap sends: a number, or a tap under "Send it to Bob?", with the key of what it was shown with.
     */
    private static boolean isTap(Command command) {
        return switch (command) {
            case Command.Choose choose -> choose.question().isPresent();
            case Command.SendDraft send -> true;
            case Command.DiscardDraft discard -> discard.key().isPresent();
            case Command.DraftNote note -> note.key().isPresent();
            case Command.DraftTo to -> to.key().isPresent();
            default -> false;
        };
    }
}

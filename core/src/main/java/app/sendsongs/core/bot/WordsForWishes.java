package app.sendsongs.core.bot;

import app.sendsongs.core.chat.Payload;
import app.sendsongs.core.command.Command;
import app.sendsongs.core.command.CommandParser;
import app.sendsongs.core.command.ParseResult;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.share.WordsForTaps;
import app.sendsongs.core.user.Names;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people type in plain words for what a command does ("did Bob listen?", "change my name to Alicia Smith",
 * "undo"): no command, but a wish the bot must not meet with "I didn't understand that". Only short texts that are
 * the wish as a whole count, never a sentence that merely holds such words: a wish read wrongly would answer
 * something nobody asked. A read-only wish is the command it means ({@link Run}); one with an effect is only offered
 * as a tap ({@link Rename}, {@link TakeBack}, {@link Receipts}).
 */
final class WordsForWishes {
    /** Asking what became of the songs sent: the {@code history}. */
    private static final Set<String> SENT = Set.of("what have i sent", "what did i send", "what i sent",
            "what i've sent", "what have i sent you", "what did i send you", "what have i shared", "what did i share",
            "what songs did i send", "what songs have i sent", "which songs did i send", "which songs have i sent",
            "who did i send songs to", "who have i sent songs to", "my songs", "my sent songs", "songs i sent",
            "songs i've sent", "sent songs", "my history", "show my history", "show me my history", "show history",
            "show my songs", "show me my songs", "show me what i sent", "list my songs", "my shares",
            "who played my songs", "who has played my songs", "who listened to my songs",
            "who has listened to my songs", "how many songs have i sent", "how many songs did i send");
    /** Whether a friend liked a song: the bot cannot know, and says what it does know ({@link Opinion}). */
    private static final Pattern LIKED = Pattern.compile("(?:(?:did|does) (?!(?:you|u|i) )[\\p{L}'.-]+"
            + "(?: [\\p{L}'.-]+){0,2} (?:like|love|enjoy)|what did (?!(?:you|u|i) )[\\p{L}'.-]+(?: [\\p{L}'.-]+){0,2} "
            + "think(?: of)?)(?: (?:it|that|this|them|my song|the song|my songs|the songs|what i sent))?");
    /** Asking whom the person blocked: {@code receipts} lists the blocks and the receipts kept from some. */
    private static final Set<String> BLOCKED = Set.of("who did i block", "who have i blocked", "who's blocked",
            "who is blocked", "blocked people", "blocked users", "my blocks", "my blocked list", "blocked list",
            "my block list", "show blocked", "show my blocks", "my receipts", "receipt settings", "blocked", "blocks",
            "blocklist", "block list");
    /** Switching the listening service ("switch to Last.fm"), offered as a tap of its {@code connect}. */
    private static final Pattern SWITCH = Pattern.compile("(?:i want to |i'd like to |id like to |can i |please )?"
            + "(?:switch|change|move|go|use|connect)(?: over)?(?: to| my service to| my account to)? (?<service>.+?)"
            + "(?: instead)?");
    /** Not wanting someone's songs ("no more songs from Alice"): their {@code block} offered to tap. */
    private static final Pattern BLOCK = Pattern.compile("(?:(?:i (?:don't|dont|do not) want (?:any )?(?:more )?"
            + "|no more |stop (?:the )?)songs from|mute) (?<name>.+?)(?: please)?", Pattern.CASE_INSENSITIVE);
    /** Wanting someone's songs again ("unmute Alice"): their {@code unblock} offered to tap. */
    private static final Pattern UNBLOCK = Pattern.compile("un-? ?mute (?<name>.+?)(?: please)?",
            Pattern.CASE_INSENSITIVE);
    /** Not wanting someone told of plays ("don't tell Alice"): their {@code receipts off} offered to tap. */
    private static final Pattern NOT_TELLING = Pattern.compile("(?:don't|dont|do not|stop) tell(?:ing)? (?<name>.+?)"
            + "(?: when i (?:listen|play (?:it|their songs|them|their song)))?(?: please)?", Pattern.CASE_INSENSITIVE);
    /**
     * What {@link #BLOCK} and {@link #NOT_TELLING} may name that is no one sender: everyone (handled as {@code receipts
     * off}), the person, the bot or the chat ("mute notifications", "stop telling me").
     */
    private static final Set<String> NOT_ONE_PERSON = Set.of("anyone", "anybody", "everyone", "everybody", "people",
            "friends", "my friends", "them", "him", "her", "the sender", "senders", "others", "me", "myself", "us",
            "you", "it", "this", "that", "this chat", "the chat", "chat", "the bot", "bot", "this bot", "notifications",
            "messages", "alerts", "sound", "sounds", "everything", "all", "all of them");
    /** Asking the bot to remind a friend of a song ("remind Bob"), which it never does ({@link Reminder}). */
    private static final Pattern REMIND = Pattern.compile("(?:remind|nudge|ping|poke) (?!me\\b|myself\\b)"
            + "[\\p{L}'.-]+(?: [\\p{L}'.-]+){0,3}?"
            + "(?: (?:to (?:listen|play it|play the song)|about (?:it|the song|my song)))?");
    /** Asking how to change the listening service, without saying to which: {@code help connect}. */
    private static final Set<String> SWITCH_HOW = Set.of("change my service", "change service", "switch service",
            "switch services", "change my music service", "switch my music service", "change where i listen",
            "change my source", "switch source");
    /** Whether a friend listened ("did Bob listen to it?", "has Bob played it"): the {@code history} says. */
    private static final Pattern LISTENED = Pattern.compile("(?:did|has|have) (?!(?:you|u|i) )[\\p{L}'.-]+"
            + "(?: [\\p{L}'.-]+){0,2} (?:listen|listened|play|played|hear|heard|open|opened)"
            + "(?: (?:to )?(?:it|that|this|them|my song|the song|my songs|the songs|what i sent))?(?: yet)?");
    /** Whether the song was played ("was it played?", "has my song been played"). */
    private static final Pattern PLAYED = Pattern.compile("(?:was|has|did) (?:it|my song|the song)(?: been| get)? "
            + "(?:played|heard|listened to)(?: yet)?");
    /** Asking what is still being watched: the {@code pending} list. */
    private static final Set<String> PENDING = Set.of("what's pending", "whats pending", "what is pending",
            "what's still pending", "what is still pending", "anything pending", "show pending", "show my pending",
            "my pending", "my pending songs", "which songs are pending", "what's being watched",
            "what are you watching", "who hasn't listened", "who hasn't listened yet", "who hasn't played it",
            "who hasn't played it yet", "who hasnt listened", "who hasnt listened yet");
    /** Asking for the songs friends sent: nothing lists them ({@link ReceivedSongs}). */
    private static final Set<String> RECEIVED = Set.of("who sent me songs", "who sent me a song",
            "who's sent me songs", "what did people send me",
            "what did my friends send me", "what have people sent me", "what have my friends sent me",
            "what have i received", "what did i receive", "what did i get", "songs sent to me", "songs i got",
            "songs i received", "songs i've received", "my received songs", "received songs", "songs for me",
            "any songs for me", "my inbox", "inbox", "show my inbox", "did anyone send me a song",
            "did anyone send me songs", "has anyone sent me a song", "has anyone sent me songs");
    /** Asking who sent the song just got ({@link WhoSentIt}). */
    private static final Set<String> WHO_SENT_IT = Set.of("who sent this", "who sent that", "who sent it",
            "who sent this song", "who sent that song", "who sent me this", "who sent me that", "who sent me this song",
            "who sent me that song", "who's this from", "who is this from", "whos this from", "who's it from",
            "who is it from", "who's that from", "who is that from", "who's this song from", "who is this song from");
    /** Taking back the song just sent: offered as a tap ({@link TakeBack}). */
    private static final Set<String> TAKE_BACK = Set.of("undo", "undo that", "undo it", "unsend", "unsend it",
            "unsend that", "unsend that song", "take it back", "take that back", "wrong person", "wrong song",
            "oops wrong person", "oops wrong song", "sent it to the wrong person", "i sent it to the wrong person",
            "delete that song", "delete the song", "delete it", "delete that", "remove that song", "don't send it",
            "dont send it", "i didn't mean to send that", "didn't mean to send that", "didnt mean to send that");
    /** Asking for friends not to be told of plays: {@code receipts off}, offered ({@link Receipts}). */
    private static final Set<String> RECEIPTS_OFF = Set.of("turn off receipts", "turn receipts off",
            "turn off read receipts", "turn read receipts off", "disable receipts", "stop receipts",
            "stop read receipts", "no receipts", "no more receipts", "don't tell people when i listen",
            "don't tell anyone when i listen", "don't tell friends when i listen", "dont tell anyone when i listen",
            "don't tell them when i listen", "don't tell people when i play their songs",
            "don't tell friends when i play their songs", "stop telling people when i listen",
            "stop telling friends when i listen", "stop telling people when i play their songs",
            "stop telling friends when i play their songs", "don't tell anyone", "dont tell anyone",
            "don't tell anybody", "don't tell people", "don't tell friends", "don't tell my friends");
    /** Asking for friends to be told of plays again: {@code receipts on}, offered. */
    private static final Set<String> RECEIPTS_ON = Set.of("turn on receipts", "turn receipts on",
            "turn on read receipts", "turn read receipts on", "enable receipts");
    /** Asking how the name is changed, without saying to what: {@code help name}. */
    private static final Set<String> RENAME_HOW = Set.of("change my name", "change name", "how do i change my name",
            "how can i change my name", "how to change my name", "can i change my name", "can you change my name",
            "i want to change my name", "edit my name", "update my name", "set my name");
    /** The first screen's questions, typed rather than tapped ({@link ChatProfile}): answered as their taps are. */
    private static final Set<String> HOW_TO_SEND = Set.of("how do i send a song", "how do i send songs",
            "how do i send a song to a friend", "how to send a song", "how to send songs", "how can i send a song",
            "how do i share a song", "how can i share a song", "how to share a song", "how do i share songs",
            "how does this work", "how does it work", "how does this bot work", "how do i use this",
            "how do i use it", "how do i use this bot", "how to use this", "how do i start", "how do i get started");
    private static final Set<String> WHAT_YOU_DO = Set.of("what can you do", "what do you do", "what can i do",
            "what is this", "what's this", "whats this", "what is this bot", "what are you", "who are you");
    private static final Set<String> HOW_GROUPS_WORK = Set.of("how do groups work", "how does a group work",
            "how do i send to a group", "how do i send a song to a group");
    /** Asking how to add or invite friends: the bot keeps no friends list ({@link Friends}). */
    private static final Set<String> FRIENDS = Set.of("how do i add friends", "how do i add a friend",
            "how do i add someone", "how do i add people", "how can i add friends", "how to add friends",
            "how do i find friends", "how do i find my friends", "find friends", "find my friends", "invite",
            "invite a friend", "invite friends", "invite someone", "invite people", "invite my friends",
            "how do i invite someone", "how do i invite a friend", "how do i invite friends", "how do i invite people",
            "how do i invite my friends", "how to invite friends", "how to invite my friends",
            "how can i invite friends", "how to invite someone", "how do i add my friends", "where are my friends",
            "my friends list", "friends list");
    /** Asking about settings or privacy: {@code help privacy}, what friends learn and the controls. */
    private static final Set<String> SETTINGS = Set.of("privacy", "my privacy", "privacy settings", "settings",
            "my settings", "preferences", "my preferences", "options", "controls", "privacy controls");
    /** Changing the name to the one given ("change my name to Alicia Smith"). */
    private static final Pattern RENAME = Pattern.compile("(?:(?:please|pls|can you|could you|i want to|i'd like to"
            + "|id like to) )?(?:(?:change|set|update|edit|switch|make) (?:my )?name (?:to|as|into)"
            + "|/?(?:re)?name (?:me|myself) (?:to|as)|/?rename (?:to|as)|my new name is|my name should be)"
            + " (?<name>.+?)(?: please)?", Pattern.CASE_INSENSITIVE);
    /**
     * How someone introduces themselves ("my name is Eve Adams"): a name given only by someone the bot asked for theirs
     * (from anyone else it is no wish to change it).
     */
    private static final Pattern INTRODUCTION = Pattern.compile("(?:(?:hi|hello|hey),? )?(?:my name is|my name's"
            + "|i'm called|i am called|call me|i'm|i am|it's) (?<name>.+)", Pattern.CASE_INSENSITIVE);
    /** The most words a name offered is made of: more is a sentence. */
    private static final int MOST_NAME_WORDS = 5;
    /** The quotes a name may be typed in, which are not part of it. */
    private static final Pattern ENCLOSING_QUOTES = Pattern.compile("^[\"'“”‘’]+|[\"'“”‘’]+$");
    private static final Pattern FINAL_MARKS = Pattern.compile("[?.!\\s]+$");
    private static final String PLEASE = " please";
    private static final CommandParser PARSER = new CommandParser();

    /** A wish typed in plain words. */
    sealed interface Wish {
    }

    /** A read-only wish: answered as {@code command} is. */
    record Run(Command command) implements Wish {
    }

    /** Changing the name friends find the person by to {@code name}: offered, as {@code commandText}, to tap. */
    record Rename(String name, String commandText) implements Wish {
    }

    /** Friends told of plays ({@code on}) or not: {@code receipts on|off} offered to tap. */
    record Receipts(boolean on) implements Wish {
    }

    /** Taking back the song just sent: its cancel offered to tap. */
    record TakeBack() implements Wish {
    }

    /** Asking for the songs friends sent. */
    record ReceivedSongs() implements Wish {
    }

    /** Asking who sent the song just got. */
    record WhoSentIt() implements Wish {
    }

    /** Asking how friends are added or invited. */
    record Friends() implements Wish {
    }

    /** Asking for a friend to be reminded of a song. */
    record Reminder() implements Wish {
    }

    /** Asking whether a friend liked a song. */
    record Opinion() implements Wish {
    }

    /** Blocking ({@code block}) or not telling ({@code receipts off}) someone: {@code commandText} offered to tap. */
    record AboutASender(String name, String commandText, boolean block) implements Wish {
    }

    /** Switching to the listening service {@code kind}: its {@code connect} offered to tap. */
    /** Wanting a sender's songs again: {@code commandText}, their {@code unblock}, offered to tap. */
    record Unmute(String name, String commandText) implements Wish {
    }

    record SwitchTo(SourceKind kind) implements Wish {
    }

    private WordsForWishes() {
    }

    /** The wish {@code typed} is as a whole, if it is one. */
    static Optional<Wish> wishIn(String typed) {
        String words = folded(typed);
        return aboutSongs(words).or(() -> aboutSettings(words)).or(() -> questionAbout(words).map(Run::new))
                .or(() -> RENAME_HOW.contains(words) ? Optional.of(howToRename()) : Optional.empty())
                .or(() -> renameIn(typed)).or(() -> aboutASender(typed));
    }

    /** A wish about the songs sent or got: what became of them, who sent one, taking one back, reminding, liking. */
    private static Optional<Wish> aboutSongs(String words) {
        if (SENT.contains(words) || LISTENED.matcher(words).matches() || PLAYED.matcher(words).matches()) {
            return Optional.of(new Run(new Command.History()));
        }
        if (PENDING.contains(words)) {
            return Optional.of(new Run(new Command.Pending()));
        }
        if (WHO_SENT_IT.contains(words)) {
            return Optional.of(new WhoSentIt());
        }
        if (RECEIVED.contains(words)) {
            return Optional.of(new ReceivedSongs());
        }
        if (TAKE_BACK.contains(words)) {
            return Optional.of(new TakeBack());
        }
        if (REMIND.matcher(words).matches()) {
            return Optional.of(new Reminder());
        }
        return LIKED.matcher(words).matches() ? Optional.of(new Opinion()) : Optional.empty();
    }

    /** A wish about the person's settings: friends, blocks, receipts, the listening service. */
    private static Optional<Wish> aboutSettings(String words) {
        if (FRIENDS.contains(words)) {
            return Optional.of(new Friends());
        }
        if (BLOCKED.contains(words)) {
            return Optional.of(new Run(new Command.Receipts(Optional.empty(), Optional.empty())));
        }
        if (RECEIPTS_OFF.contains(words) || RECEIPTS_ON.contains(words)) {
            return Optional.of(new Receipts(RECEIPTS_ON.contains(words)));
        }
        if (SWITCH_HOW.contains(words)) {
            return Optional.of(new Run(new Command.Help(Optional.of("connect"))));
        }
        Matcher switchTo = SWITCH.matcher(words);
        return switchTo.matches() ? SourceKind.named(switchTo.group("service")).map(SwitchTo::new) : Optional.empty();
    }

    /**
     * "no more songs from Alice", "mute Alice": {@code block Alice} offered; "unmute Alice": {@code unblock Alice};
     * "don't tell Alice": {@code receipts off Alice}. Read from the text as typed, as {@link #renameIn} reads a name; nothing when the name could not go in a
     * tap, or names no one person.
     */
    private static Optional<Wish> aboutASender(String typed) {
        String text = FINAL_MARKS.matcher(Names.tidy(typed).replace('’', '\'')).replaceAll("");
        Matcher unblock = UNBLOCK.matcher(text);
        if (unblock.matches()) {
            return oneSender(unblock.group("name")).filter(name -> tappable(name, "unblock ", new Command.Unblock(Optional.of(name))))
                    .map(name -> new Unmute(name, "unblock " + name));
        }
        Matcher block = BLOCK.matcher(text);
        Matcher notTelling = NOT_TELLING.matcher(text);
        boolean blocks = block.matches();
        if (!blocks && !notTelling.matches()) {
            return Optional.empty();
        }
        return oneSender((blocks ? block : notTelling).group("name")).filter(name -> blocks
                        ? tappable(name, "block ", new Command.Block(name))
                        : tappable(name, "receipts off ", new Command.Receipts(Optional.of(false), Optional.of(name))))
                .map(name -> new AboutASender(name, (blocks ? "block " : "receipts off ") + name, blocks));
    }

    /** The one sender words name, tidied and unquoted; empty when they name no one person or are a sentence. */
    private static Optional<String> oneSender(String words) {
        String name = Names.tidy(ENCLOSING_QUOTES.matcher(words).replaceAll(""));
        boolean onePerson = !name.isEmpty() && name.split(" ").length <= MOST_NAME_WORDS
                && !NOT_ONE_PERSON.contains(name.toLowerCase(Locale.ROOT));
        return onePerson ? Optional.of(name) : Optional.empty();
    }

    /** Whether {@code command} and {@code name} make a tap that the parser reads back as {@code meant}. */
    private static boolean tappable(String name, String command, Command meant) {
        String commandText = command + name;
        return Names.problem(name).isEmpty() && Payload.fits(commandText)
                && PARSER.parse(commandText).equals(new ParseResult.Parsed(meant));
    }

    /** Whether {@code typed} asks about privacy or settings, which someone not registered yet may ask first. */
    static boolean asksAboutPrivacy(String typed) {
        return SETTINGS.contains(folded(typed));
    }

    /** What the first screen's questions and a question about settings are answered with. */
    private static Optional<Command> questionAbout(String words) {
        if (HOW_TO_SEND.contains(words)) {
            return Optional.of(new Command.Help(Optional.of("send_song")));
        }
        if (WHAT_YOU_DO.contains(words)) {
            return Optional.of(new Command.Menu());
        }
        if (HOW_GROUPS_WORK.contains(words)) {
            return Optional.of(new Command.Help(Optional.of("groups")));
        }
        return SETTINGS.contains(words) ? Optional.of(new Command.Help(Optional.of("privacy"))) : Optional.empty();
    }

    /**
     * "change my name to Alicia Smith": offered as {@code name "Alicia Smith"}; a name that cannot be (an invisible
     * character, too long) or cannot go in a tap gets how to change it instead. Read from the text as typed, not
     * folded, so that its case stays and what makes it no name is still there.
     */
    private static Optional<Wish> renameIn(String typed) {
        String text = FINAL_MARKS.matcher(Names.tidy(typed).replace('’', '\'')).replaceAll("");
        Matcher rename = RENAME.matcher(text);
        return rename.matches() ? renameTo(rename.group("name")) : Optional.empty();
    }

    /**
     * Words typed by someone the bot asked for their name (it could not read one from their chat profile), alone or as
     * an introduction: the rename to them offered, as "change my name to …" offers it; empty for more words than a
     * name has.
     */
    static Optional<Wish> nameGiven(String typed) {
        String text = FINAL_MARKS.matcher(Names.tidy(typed).replace('’', '\'')).replaceAll("");
        Matcher introduction = INTRODUCTION.matcher(text);
        return renameTo(introduction.matches() ? introduction.group("name") : text);
    }

    private static Optional<Wish> renameTo(String typedName) {
        String name = Names.tidy(ENCLOSING_QUOTES.matcher(typedName).replaceAll(""));
        if (name.isEmpty() || name.split(" ").length > MOST_NAME_WORDS) {
            return Optional.empty();
        }
        String commandText = "name \"" + name + "\"";
        boolean tappable = Names.problem(name).isEmpty() && Payload.fits(commandText)
                && PARSER.parse(commandText).equals(new ParseResult.Parsed(new Command.Rename(name)));
        return Optional.of(tappable ? new Rename(name, commandText) : howToRename());
    }

    private static Wish howToRename() {
        return new Run(new Command.Help(Optional.of("name")));
    }

    /**
     * The words as {@link WordsForTaps#key} folds them, with a closing question mark or "please", a leading slash
     * ("/undo") and curly apostrophes ("what’s") aside.
     */
    private static String folded(String typed) {
        String stripped = typed.strip();
        String words = FINAL_MARKS.matcher(WordsForTaps.key(stripped.startsWith("/") ? stripped.substring(1) : stripped)
                .replace('’', '\'')).replaceAll("");
        return words.endsWith(PLEASE) ? words.substring(0, words.length() - PLEASE.length()) : words;
    }
}

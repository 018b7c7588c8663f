package app.sendsongs.core.share;

import app.sendsongs.core.command.Command;
import app.sendsongs.core.music.TrackLinks;
import app.sendsongs.core.user.Names;
import app.sendsongs.core.user.User;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words typed for who a song is for that are nobody's name: the person themselves ("me", their own first name),
 * everyone ("all", "everybody"), several names joined ("Bob and Carol"), or small talk ("thanks", "hi"). All but the
 * small talk are read only once the words match nobody registered and none of the person's groups, so a friend really
 * called "All" still gets the song; taken as a name, they invited someone called "me", "everyone" or "thanks".
 */
public final class WordsForWho {
    private static final Set<String> SELF = Set.of("me", "myself", "to me", "for me", "me myself");
    private static final Set<String> EVERYONE = Set.of("everyone", "everybody", "all", "all of them", "all of you",
            "all my friends", "my friends", "all friends", "everyone i know", "all my contacts", "all contacts", "both",
            "both of them");
    /**
     * What people say in a chat between other things, never a name: thanks, greetings, laughter, a pause. Typed at
     * "Who is it for?", it was taken for the name of someone to invite.
     */
    private static final Set<String> SMALL_TALK = Set.of("hi", "hello", "hey", "hi there", "hey there", "wait", "hmm",
            "hm", "um", "what", "huh", "why", "who", "?");
    /**
     * Someone, not named: "a friend", "my friend", "someone". Typed at "Who is it for?", it invited someone called
     * "my friend".
     */
    private static final Set<String> SOMEONE = Set.of("someone", "somebody", "a friend", "my friend", "friend",
            "a friend of mine", "someone i know", "a person", "my buddy", "a buddy", "my mate", "a mate");
    /**
     * First words that make the words a description or a sentence, never a name: "my sister", "the drive home",
     * "you'll love the chorus". Typed at "Who is it for?", they invited someone called "my sister".
     */
    private static final Set<String> NO_NAME_STARTS = Set.of("my", "your", "our", "his", "her", "their", "the",
            "this", "that", "these", "those", "you", "you'll", "youll", "you're", "youre", "i", "i'm", "im", "i've",
            "ive", "i'd", "id", "it", "it's", "its", "this's", "here's", "heres", "check", "listen");
    /** A question mark or two at the end: "what?", "huh??". */
    private static final Pattern QUESTION_MARKS = Pattern.compile("(?<=\\S)\\s*\\?+$");
    /** The "for" or "to" an answer to "Who is it for?" may start with: "for my friend". */
    private static final Pattern FOR = Pattern.compile("^(?:for|to)\\s+");
    /** Thanks, a laugh or a heart: said back to something the bot did, asking nothing. */
    private static final Set<String> KIND_WORDS = Set.of("thanks", "thank you", "thanks a lot", "thank you so much",
            "thanks so much", "tysm", "thx", "ty", "ta", "cheers", "lol", "haha", "cool", "nice", "great", "awesome",
            "amazing", "love it", "❤", "♥", "🙏", "😊", "🙂", "😍", "🥰", "🔥", "👏", "🎶", "🎵");

    private static final Set<String> THANKS = Set.of("thanks", "thank you", "thanks a lot", "thank you so much",
            "thanks so much", "tysm", "thx", "ty", "ta", "cheers", "🙏");

    private WordsForWho() {
    }

    /** Whether {@code typed} means the person: "me", "myself", or their own first name. */
    public static boolean meansThemselves(User person, String typed) {
        String words = WordsForTaps.key(typed);
        return SELF.contains(words) || words.equals(Names.key(Names.firstName(person.name())));
    }

    /**
     * What to say first when {@code typed} means the person themselves: their first name alone (of a
     * name with more) may mean someone else of that first name they have not swapped songs with yet, whom only the
     * full name finds, so that is said rather than "That's you!".
     */
    public static String themselvesLead(User person, String typed) {
        String first = Names.firstName(person.name());
        boolean firstNameAlone = WordsForTaps.key(typed).equals(Names.key(first))
                && !Names.key(first).equals(Names.key(person.name()));
        return firstNameAlone ? first + " is your own first name: for another " + first + ", type their full name. "
                : "That's you! ";
    }

    /** The names {@code typed} joins ("Bob and Carol": Bob, Carol); one when it joins none. */
    public static List<String> names(String typed) {
        return Command.ForWhom.namesIn(typed);
    }

    /**
     * Whether {@code typed} is small talk ("thanks", "hi", "lol", "what?"), someone not named ("my friend", "for a
     * friend", "my sister") or a sentence ("you'll love the chorus"), not a name.
     */
    public static boolean isSmallTalk(String typed) {
        String words = WordsForTaps.key(typed);
        String asked = QUESTION_MARKS.matcher(words).replaceAll("");
        String said = FOR.matcher(asked).replaceFirst("");
        return SMALL_TALK.contains(words) || KIND_WORDS.contains(words) || SMALL_TALK.contains(asked)
                || SOMEONE.contains(said) || startsNoName(said) && withoutLink(typed);
    }

    /**
     * Whether {@code typed} is a pause or a bare question ("wait", "hmm", "who?", "what??"): said while thinking, never
     * a song's note. Typed at "Send … to Bob?", it went with the song as its note.
     */
    public static boolean isPauseOrQuestion(String typed) {
        String words = WordsForTaps.key(typed);
        return SMALL_TALK.contains(words) || SMALL_TALK.contains(QUESTION_MARKS.matcher(words).replaceAll(""));
    }

    private static boolean startsNoName(String words) {
        return NO_NAME_STARTS.contains(words.split(" ", 2)[0].replace('’', '\''));
    }

    /** Words with a link are a song shared ("check this out <link>"), whatever they start with. */
    private static boolean withoutLink(String typed) {
        return !typed.contains("://") && TrackLinks.spotifyWordsIn(typed).isEmpty();
    }

    /**
     * Whether {@code typed} is a thank-you, a yes or a like ("thanks!", "👍", "ok", "❤️"): what people say back after
     * the bot did something, which asks for no answer but a kind one.
     */
    public static boolean isKindWords(String typed) {
        return KIND_WORDS.contains(WordsForTaps.key(typed)) || WordsForTaps.saysYes(typed);
    }

    /** Whether {@code typed} is a thank-you ("thanks!", "thx", "🙏"), which "Anytime" answers; a yes or a like is not. */
    public static boolean isThanks(String typed) {
        return THANKS.contains(WordsForTaps.key(typed));
    }

    /** Whether {@code typed} means everyone the person knows: "everyone", "all", "everybody". */
    public static boolean meansEveryone(String typed) {
        return EVERYONE.contains(WordsForTaps.key(typed));
    }
}

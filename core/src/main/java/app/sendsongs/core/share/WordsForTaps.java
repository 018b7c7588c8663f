package app.sendsongs.core.share;

import app.sendsongs.core.chat.Choice;
import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.Names;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed words that mean a tap of the question the bot waits at (a share's, "which one?" about people or groups,
 * forget_me's). Messenger shows quick replies only under the newest message, and people answer in words what they can
 * no longer tap: the tap's own title ("Don't send", "Someone else"), or a plain yes or no to "Send … to Bob?". Read as
 * a name or a note, such words invited someone called "no" or "it" ({@code send it} is {@code send_song} to "it"), or
 * went with the song as its note.
 */
public final class WordsForTaps {
    /**
     * A yes to "Send … to Bob?": the words people answer a yes-or-no question with on a phone, where the words are
     * short and one word is often all. Read as the song's note, they went with it ("With it: “y”").
     */
    private static final Set<String> YES = Set.of("yes", "y", "ya", "yah", "yea", "yeah", "yep", "yup", "yas", "ok",
            "okay", "okey", "k", "kk", "sure", "alright", "all right", "of course", "absolutely", "definitely",
            "perfect", "great", "sounds good", "go", "go ahead", "go for it", "do it", "please", "pls", "yes please",
            "yes pls", "ok please", "send it", "send it please", "please send", "please send it", "yes send",
            "yes send it", "ok send", "ok send it", "send it to him", "send it to her", "send it to them", "send to him",
            "send to her", "send to them", "👌");
    /**
     * A no to the share as a whole: it is not to be sent. "cancel" and "discard" by themselves are one here, at a
     * question; elsewhere {@code cancel} is the command that stops a song sent earlier.
     */
    private static final Set<String> NO = Set.of("no", "n", "nope", "nah", "no thanks", "don't", "don't send",
            "dont send", "do not send", "never mind", "nevermind", "nvm", "forget it", "stop", "cancel", "discard");
    private static final String THUMBS_UP = "👍";
    private static final String THUMBS_DOWN = "👎";
    /** A letter drawn out at length, "yesss", "okkk", "yaaas": as written once. */
    private static final Pattern DRAWL = Pattern.compile("(\\p{L})\\1{2,}");

    /** A final "!" or "." (or several). */
    private static final Pattern FINAL_MARKS = Pattern.compile("[.!]+$");
    /** Skin tones (U+1F3FB to U+1F3FF) and the emoji presentation selector (U+FE0F). */
    private static final Pattern EMOJI_MODIFIERS = Pattern.compile("[\\x{1F3FB}-\\x{1F3FF}\\x{FE0F}]");

    private WordsForTaps() {
    }

    /**
     * The payload of the tap {@code typed} means among {@code taps}: the one whose title it is (case, spacing,
     * accents and a final "!" or "." aside), else {@code yes} for a yes and {@code no} for a no, when given.
     */
    public static Optional<String> tapMeant(String typed, List<Choice> taps, Optional<String> yes,
                                            Optional<String> no) {
        String words = key(typed);
        Optional<String> titled = taps.stream().filter(tap -> key(tap.title()).equals(words)).map(Choice::payload)
                .findFirst();
        if (titled.isPresent()) {
            return titled;
        }
        if (isYes(words)) {
            return yes;
        }
        return isNo(words) ? no : Optional.empty();
    }

    /** A yes, with or without thumbs up ("ok 👍"), or thumbs up alone; a letter drawn out ("yesss") is one letter. */
    private static boolean isYes(String words) {
        return means(words, YES, THUMBS_UP);
    }

    /** A no, with or without thumbs down, or thumbs down alone. */
    private static boolean isNo(String words) {
        return means(words, NO, THUMBS_DOWN);
    }

    private static boolean means(String words, Set<String> said, String thumb) {
        String bare = words.replace(thumb, " ").strip().replaceAll(" +", " ");
        if (bare.isEmpty()) {
            return !words.isEmpty();
        }
        return said.contains(bare) || said.contains(DRAWL.matcher(bare).replaceAll("$1"));
    }

    /**
     * Whether {@code typed} is a bare {@code cancel} or {@code discard} (case and a final "!" or "." aside; not {@code
     * /cancel} with its slash, which stays the command): the commands that, typed at a question, are a no to it.
     */
    public static boolean cancelOrDiscard(String typed) {
        String words = key(typed);
        return words.equals("cancel") || words.equals("discard");
    }

    /** Whether {@code typed} is a plain yes ("yes", "ok", "send it", "👍"). */
    public static boolean saysYes(String typed) {
        return isYes(key(typed));
    }

    /** Whether {@code typed} means a tap titled {@code title} that says yes: its title, or a yes. */
    public static boolean saysYes(String typed, String title) {
        String words = key(typed);
        return words.equals(key(title)) || isYes(words);
    }

    /** Whether {@code typed} means a tap titled {@code title} that says no: its title, or a no. */
    public static boolean saysNo(String typed, String title) {
        String words = key(typed);
        return words.equals(key(title)) || isNo(words);
    }

    /**
     * The form typed words and tap titles are compared in: case, spacing, accents, a final "!" or "." and an emoji's
     * skin tone or presentation selector ("👍🏽" is "👍") aside.
     */
    public static String key(String text) {
        String words = FINAL_MARKS.matcher(Names.key(UserText.typedName(text))).replaceAll("");
        return EMOJI_MODIFIERS.matcher(words).replaceAll("").strip();
    }
}

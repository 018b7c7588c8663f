package app.sendsongs.core.bot;

import app.sendsongs.core.share.WordsForTaps;
import java.util.Set;

/**
 * What people type when they want the bot's messages to stop ("stop", "unsubscribe") or their data gone ("delete my
 * data"): no command, but a wish the bot must not meet with "I didn't understand that".
 */
final class WordsForLeaving {
    private static final Set<String> STOP = Set.of("stop", "unsubscribe", "stop messaging me", "stop messages",
            "stop sending me messages", "stop sending me songs", "leave me alone", "opt out", "optout", "quit",
            "log out", "logout", "log me out", "sign out", "disconnect", "disconnect me", "disconnect spotify",
            "disconnect my spotify", "disconnect my account", "mute", "mute notifications", "mute this chat",
            "mute the bot", "no more notifications", "stop notifications", "stop notifying me", "stop telling me",
            "turn off notifications", "too many songs", "no more songs", "stop the songs");
    private static final Set<String> FORGET = Set.of("delete my data", "delete my account", "delete me",
            "delete everything", "remove my data", "remove me", "erase my data", "erase me", "delete account",
            "delete my profile", "remove my account", "close my account", "deactivate my account", "unregister",
            "unregister me");
    private static final String PLEASE = " please";

    private WordsForLeaving() {
    }

    /** Whether {@code typed} asks for the bot's messages to stop. */
    static boolean wantsToStop(String typed) {
        return STOP.contains(withoutPlease(typed));
    }

    /** Whether {@code typed} asks for everything kept about the person to be deleted. */
    static boolean wantsDataDeleted(String typed) {
        return FORGET.contains(withoutPlease(typed));
    }

    /** The words as {@link WordsForTaps#key} folds them, without a closing "please" or a leading slash ("/stop"). */
    private static String withoutPlease(String typed) {
        String words = WordsForTaps.key(typed.strip().startsWith("/") ? typed.strip().substring(1) : typed);
        return words.endsWith(PLEASE) ? words.substring(0, words.length() - PLEASE.length()) : words;
    }
}

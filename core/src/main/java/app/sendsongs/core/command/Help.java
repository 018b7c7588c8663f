package app.sendsongs.core.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The command list with examples, and one usage line per command for error replies. */
public final class Help {
    private static final Map<String, String> USAGE = new LinkedHashMap<>();

    static {
        USAGE.put("send_song", "send_song name:\"Bob Fisher\" pre:\"you'll love the bridge\" post:\"told you!\" "
                + "https://open.spotify.com/track/<id> — send a song; pre goes with it, post is revealed once they play it.");
        USAGE.put("register", "register code:\"<code>\" name:\"<your full name>\" — finish connecting Spotify "
                + "with the code from the connect page.");
        USAGE.put("pending", "pending — the songs you sent that are still being watched.");
        USAGE.put("history", "history — the songs you sent lately and whether they were played.");
        USAGE.put("cancel", "cancel <number>|all — stop watching a song from your pending list.");
        USAGE.put("forget_me", "forget_me — delete everything stored about you.");
        USAGE.put("help", "help [command] — this list, or one command.");
    }

    private Help() {
    }

    /** The usage line of one command, empty string for unknown commands. */
    public static String usage(String command) {
        return USAGE.getOrDefault(command.toLowerCase(Locale.ROOT), "");
    }

    public static Optional<String> topic(String command) {
        return Optional.ofNullable(USAGE.get(command.toLowerCase(Locale.ROOT).replace('-', '_')));
    }

    /** The whole list. */
    public static String all() {
        StringBuilder text = new StringBuilder("Send Songs — share Spotify songs and hear when friends play them.\n");
        USAGE.values().forEach(line -> text.append("• ").append(line).append('\n'));
        text.append("Quotes can be \"straight\" or “curly”; keywords work in any case and order.");
        return text.toString();
    }

    /** The short pointer sent with unrecognised text. */
    public static String brief() {
        return "Commands: send_song, register, pending, history, cancel, forget_me, help. Type help for examples.";
    }
}

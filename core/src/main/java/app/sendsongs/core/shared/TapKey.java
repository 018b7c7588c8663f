package app.sendsongs.core.shared;

/**
 * A short key for what a question or offer was about, for its taps to carry: Telegram keeps the buttons of every older
 * message, so a tap names what it was shown with, and is refused once that is no longer what the bot waits for. Eight
 * hex digits of the text's hash: the same text always gives the same key, in every process.
 */
public final class TapKey {
    private TapKey() {
    }

    public static String of(String about) {
        return String.format("%08x", about.hashCode());
    }
}

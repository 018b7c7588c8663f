package app.sendsongs.core.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Handles: the {@code @username} a chat platform lets people choose (Telegram's: 5 to 32 of {@code A-Z a-z 0-9 _},
 * compared without case, https://core.telegram.org/bots/api#user), another way to name a registered person. A handle
 * is kept without its '@'.
 */
public final class Handles {
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{5,32}");

    private Handles() {
    }

    /** The handle a typed term names, when it is '@' and a valid handle ("@carolk" names "carolk"). */
    public static Optional<String> typed(String term) {
        String tidy = term.strip();
        return tidy.startsWith("@") ? valid(tidy.substring(1)) : Optional.empty();
    }

    /**
     * The name after a leading '@' that is no handle ("@Bob", "@Carol King"): people used to mentioning someone with
     * an '@' write a name so, and no username has that shape.
     */
    public static Optional<String> mentioned(String term) {
        String tidy = term.strip();
        return tidy.startsWith("@") && typed(tidy).isEmpty() ? Optional.of(tidy.substring(1).strip())
                .filter(name -> !name.isEmpty()) : Optional.empty();
    }

    /** {@code handle} when it is one (without the '@'). */
    public static Optional<String> valid(String handle) {
        return HANDLE.matcher(handle).matches() ? Optional.of(handle) : Optional.empty();
    }

    /** The form handles are compared in: lower case. */
    public static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }

    /** Whether two handles are the same one. */
    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}

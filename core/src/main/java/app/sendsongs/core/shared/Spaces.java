package app.sendsongs.core.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What separates the words people type. Phones put no-break and other Unicode spaces between words, often next to a
 * pasted link; {@link Character#isWhitespace} and the regex {@code \s} miss some or all of them.
 */
public final class Spaces {
    private static final Pattern RUN = Pattern.compile("[\\p{javaWhitespace}\\p{javaSpaceChar}]+");
    private static final Pattern EDGES = Pattern.compile("^" + RUN.pattern() + "|" + RUN.pattern() + "$");

    private Spaces() {
    }

    /** True for whitespace and for every Unicode space separator (no-break, figure, narrow no-break...). */
    public static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** The words of a text, split at every kind of space; none for a blank text. */
    public static List<String> words(String text) {
        String stripped = EDGES.matcher(text).replaceAll("");
        return stripped.isEmpty() ? List.of() : List.of(RUN.split(stripped));
    }
}

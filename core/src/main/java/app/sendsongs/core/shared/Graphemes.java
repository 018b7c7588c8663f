package app.sendsongs.core.shared;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Where a text may be cut: between characters as people see them (Unicode's extended grapheme clusters, UAX #29),
 * never inside a character of two UTF-16 units, between a letter and its marks (a Devanagari or Thai vowel sign, an
 * accent), between a flag's two halves or inside an emoji joined with zero-width joiners (👨‍👩‍👧).
 */
public final class Graphemes {
    private static final String ELLIPSIS = "\u2026";

    private Graphemes() {
    }

    /**
     * The end of the longest start of {@code text} of at most {@code max} UTF-16 units that ends between two
     * characters as people see them; where even the first is longer, between two code points.
     */
    public static int cutAt(String text, int max) {
        if (text.length() <= max) {
            return text.length();
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int cut = characters.isBoundary(max) ? max : characters.preceding(max);
        if (cut > 0) {
            return cut;
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }

    /**
     * {@code text} without surrounding white space, cut to at most {@code max} UTF-16 units (so also at most {@code
     * max} characters however they are counted) with "…" as its last character when it was longer ({@link #cutAt}).
     */
    public static String fit(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        return stripped.substring(0, cutAt(stripped, max - ELLIPSIS.length())).stripTrailing() + ELLIPSIS;
    }
}

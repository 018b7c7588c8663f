package app.sendsongs.core.shared;

/**
 * Keeps the bot's sentences reading left to right when they hold words written right to left. Chat apps set each
 * line's direction from its first letter (the Unicode bidirectional algorithm, rules P2 and P3): a line that starts
 * with a Persian, Arabic or Hebrew name ("علی listened to …") would be laid out right to left, its English words and
 * punctuation shuffled around the name. A left-to-right mark (U+200E, invisible) before such a line makes it a
 * left-to-right line in which the name still reads right to left.
 */
public final class TextDirection {
    private static final char LEFT_TO_RIGHT_MARK = '\u200E';
    /** The first code point of a right-to-left script (Hebrew); nothing below it is written right to left. */
    private static final char FIRST_RIGHT_TO_LEFT = '\u0590';

    private TextDirection() {
    }

    /** {@code text} with a left-to-right mark before each line whose first letter is of a right-to-left script. */
    public static String leftToRight(String text) {
        if (!mayHoldRightToLeft(text)) {
            return text;
        }
        StringBuilder marked = new StringBuilder(text.length() + 4);
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            if (startsRightToLeft(line)) {
                marked.append(LEFT_TO_RIGHT_MARK);
            }
            marked.append(line);
            if (lineEnd < text.length()) {
                marked.append('\n');
            }
            lineStart = lineEnd + 1;
        }
        return marked.toString();
    }

    private static boolean mayHoldRightToLeft(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= FIRST_RIGHT_TO_LEFT) {
                return true;
            }
        }
        return false;
    }

    /** Whether the first character with a strong direction in {@code line} is right to left. */
    private static boolean startsRightToLeft(String line) {
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            switch (Character.getDirectionality(codePoint)) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
                    return false;
                }
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                    return true;
                }
                default -> i += Character.charCount(codePoint);
            }
        }
        return false;
    }
}

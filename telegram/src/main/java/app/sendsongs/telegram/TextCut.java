package app.sendsongs.telegram;

import app.sendsongs.core.shared.Graphemes;

/**
 * Where to cut a long text into parts a message can hold: at a line break, else a space, else between characters as
 * people see them ({@link Graphemes}).
 */
final class TextCut {
    private TextCut() {
    }

    /** The end (exclusive) of the part starting at {@code start} that holds at most {@code max} characters. */
    static int cutPoint(String text, int start, int max) {
        int limit = start + max;
        int half = start + max / 2;
        int newline = text.lastIndexOf('\n', limit);
        if (newline > half) {
            return newline + 1;
        }
        int space = text.lastIndexOf(' ', limit);
        if (space > half) {
            return space + 1;
        }
        return start + Graphemes.cutAt(text.substring(start), max);
    }

    /** {@code end} moved back over white space, not before {@code start}. */
    static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** {@code from} moved forward over white space. */
    static int skipSpaces(String text, int from) {
        while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }
}

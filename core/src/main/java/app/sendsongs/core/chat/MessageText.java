package app.sendsongs.core.chat;

import app.sendsongs.core.shared.Graphemes;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits long texts into parts a chat platform accepts, preferring line and word breaks, else between characters as
 * people see them ({@link Graphemes}).
 */
public final class MessageText {
    private MessageText() {
    }

    public static List<String> split(String text, int maxLength) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > maxLength) {
            int cut = breakPoint(rest, maxLength);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    private static int breakPoint(String text, int maxLength) {
        int newline = text.lastIndexOf('\n', maxLength);
        if (newline > maxLength / 2) {
            return newline + 1;
        }
        int space = text.lastIndexOf(' ', maxLength);
        if (space > maxLength / 2) {
            return space + 1;
        }
        return Graphemes.cutAt(text, maxLength);
    }
}

package app.sendsongs.core.command;

import app.sendsongs.core.shared.Spaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a command into its words and {@code key:value} options. Values may be quoted with
 * straight or typographic quotes, double or single; a single quote closes only before a space
 * or the end, so names like O'Brien survive. Every Unicode space separates ({@link Spaces}).
 */
final class Tokenizer {
    /** The words read as option keys before a colon: every key some command accepts. */
    static final Set<String> KEYS = CommandDefinitions.optionKeys();
    private static final String DOUBLE_QUOTES = "\"“”„«»";
    private static final String SINGLE_QUOTES = "'‘’‚";

    sealed interface Token {
    }

    record Word(String text, boolean quoted) implements Token {
    }

    record Option(String key, String value) implements Token {
    }

    static final class UnclosedQuoteException extends Exception {
        UnclosedQuoteException() {
            super("A quote is not closed.");
        }
    }

    private final String text;
    private int pos;

    private Tokenizer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) throws UnclosedQuoteException {
        return new Tokenizer(text).all();
    }

    private List<Token> all() throws UnclosedQuoteException {
        List<Token> tokens = new ArrayList<>();
        while (skipSpace()) {
            String key = optionKey();
            if (key != null) {
                tokens.add(new Option(key, skipSpace() ? value().text() : ""));
            } else {
                tokens.add(value());
            }
        }
        return tokens;
    }

    private boolean skipSpace() {
        while (pos < text.length() && Spaces.isSpace(text.charAt(pos))) {
            pos++;
        }
        return pos < text.length();
    }

    /**
     * A known key followed by a colon (spaces allowed around it), or another word of letters followed at once by a
     * colon and a quoted value ({@code note:"for the drive"}): an option no command takes, which its command names
     * in its answer, rather than reading it as words. Consumes it when found.
     */
    private String optionKey() {
        int end = pos;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String key = text.substring(pos, end).toLowerCase(Locale.ROOT);
        if (!KEYS.contains(key) && !(end - pos > 1 && isColon(end) && quoteAfter(end + 1))) {
            return null;
        }
        int colon = end;
        while (colon < text.length() && Spaces.isSpace(text.charAt(colon))) {
            colon++;
        }
        if (!isColon(colon)) {
            return null;
        }
        pos = colon + 1;
        return key;
    }

    private boolean isColon(int at) {
        return at < text.length() && (text.charAt(at) == ':' || text.charAt(at) == '：');
    }

    /** Whether a quote opens at {@code from}, after any spaces. */
    private boolean quoteAfter(int from) {
        int at = from;
        while (at < text.length() && Spaces.isSpace(text.charAt(at))) {
            at++;
        }
        return at < text.length() && (DOUBLE_QUOTES.indexOf(text.charAt(at)) >= 0
                || SINGLE_QUOTES.indexOf(text.charAt(at)) >= 0);
    }

    private Word value() throws UnclosedQuoteException {
        char first = text.charAt(pos);
        if (DOUBLE_QUOTES.indexOf(first) >= 0) {
            return quoted(DOUBLE_QUOTES, false);
        }
        if (SINGLE_QUOTES.indexOf(first) >= 0) {
            return quoted(SINGLE_QUOTES, true);
        }
        int start = pos;
        while (pos < text.length() && !Spaces.isSpace(text.charAt(pos))) {
            pos++;
        }
        return new Word(text.substring(start, pos), false);
    }

    private Word quoted(String closers, boolean mustEndWord) throws UnclosedQuoteException {
        int start = pos + 1;
        for (int i = start; i < text.length(); i++) {
            boolean closer = closers.indexOf(text.charAt(i)) >= 0;
            boolean endsWord = i + 1 >= text.length() || Spaces.isSpace(text.charAt(i + 1));
            if (closer && (endsWord || !mustEndWord)) {
                pos = i + 1;
                return new Word(text.substring(start, i), true);
            }
        }
        throw new UnclosedQuoteException();
    }
}

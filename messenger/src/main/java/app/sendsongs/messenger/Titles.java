package app.sendsongs.messenger;

import app.sendsongs.core.shared.Graphemes;

/** Shortens a title to what Messenger shows, marking the cut with an ellipsis. */
final class Titles {
    private Titles() {
    }

    /**
     * {@code title} without surrounding white space, cut to at most {@code max} UTF-16 units (so also at most
     * {@code max} characters however they are counted) with "…" as its last character when it was longer. The cut
     * falls between characters as people see them ({@link Graphemes}): an emoji family, a flag or a letter with its
     * vowel sign is kept whole or left out.
     */
    static String fit(String title, int max) {
        return Graphemes.fit(title, max);
    }
}

package app.sendsongs.messenger;

/** Shortens a title to what Messenger shows, marking the cut with an ellipsis. */
final class Titles {
    private static final String ELLIPSIS = "\u2026";

    private Titles() {
    }

    /**
     * {@code title} without surrounding white space, cut to at most {@code max} UTF-16 units (so also at most
     * {@code max} characters however they are counted) with "…" as its last character when it was longer. A
     * character made of two units is never cut in half.
     */
    static String fit(String title, int max) {
        String stripped = title.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int cut = max - ELLIPSIS.length();
        if (Character.isLowSurrogate(stripped.charAt(cut))) {
            cut--;
        }
        return stripped.substring(0, cut).stripTrailing() + ELLIPSIS;
    }
}

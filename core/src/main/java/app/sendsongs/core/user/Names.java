package app.sendsongs.core.user;

import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.UserText;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for the names people register under and type to find each other. */
public final class Names {
    public static final int MAX_LENGTH = 60;
    private static final Pattern LINK = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://|\\bwww\\.");
    /**
     * What phones and word processors type for an apostrophe ("O’Brien": iOS's smart punctuation turns ' into ’),
     * or what a name copied from elsewhere may carry: compared as the plain one, so a name typed either way finds
     * the other.
     */
    public static final String APOSTROPHES = "‘’‛ʼ′";

    private Names() {
    }

    /** The form names are compared in: case-insensitive, spacing folded, every {@link #APOSTROPHES apostrophe} plain. */
    public static String key(String name) {
        String key = tidy(name).toLowerCase(Locale.ROOT);
        for (int i = 0; i < APOSTROPHES.length(); i++) {
            key = key.replace(APOSTROPHES.charAt(i), '\'');
        }
        return key;
    }

    /** Spacing folded and Unicode normalised, case kept. */
    public static String tidy(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    /**
     * Why a name cannot be registered, if it cannot: empty, too long, without a letter, or with a character that
     * shows nothing or turns the reading direction ({@link UserText#isInvisibleOrBidi}), which would let one
     * name pass for another. Nor can it be what a friend types for a Telegram username ({@link Handles#typed}:
     * sending to it would look for that username, never this person), or hold a link, which every song and notice
     * naming the person would carry to friends.
     */
    public static Optional<String> problem(String name) {
        String tidy = tidy(name);
        if (tidy.isEmpty()) {
            return Optional.of("The name is empty.");
        }
        if (tidy.length() > MAX_LENGTH) {
            return Optional.of("The name is longer than " + MAX_LENGTH + " characters.");
        }
        if (tidy.codePoints().noneMatch(Character::isLetter)) {
            return Optional.of("The name needs at least one letter.");
        }
        if (UserText.hasInvisibleOrBidi(tidy)) {
            return Optional.of("The name has invisible or text-direction characters in it; please type it plainly.");
        }
        if (Handles.typed(tidy).isPresent()) {
            return Optional.of("A name can't be a Telegram @username: friends typing it would be looking for that "
                    + "username.");
        }
        if (LINK.matcher(tidy).find()) {
            return Optional.of("A name can't hold a link.");
        }
        return Optional.empty();
    }

    /** The name's first word, how friends call each other: "Bob" for "Bob Fisher". */
    public static String firstName(String name) {
        return tidy(name).split(" ", 2)[0];
    }

    /** A name shortened for quoting it back in a reply. */
    public static String quoted(String name) {
        String tidy = tidy(name);
        return "\"" + (tidy.length() > MAX_LENGTH ? tidy.substring(0, MAX_LENGTH) + "…" : tidy) + "\"";
    }
}

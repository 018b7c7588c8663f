package app.sendsongs.core.shared;

import java.text.Normalizer;

/**
 * Rules for text people choose that others will read: names and notes. A name must be plainly what it looks like
 * (no invisible characters, nothing that turns the reading direction round, so "Bob" cannot hide a second "Bob");
 * a note keeps what it says and loses the control characters that could garble or disguise it.
 */
public final class UserText {
    /** The longest note, once cleaned, wherever a note is given, in characters as people count them (an emoji is one). */
    public static final int MOST_NOTE = 500;
    /** The answer to a longer note. */
    public static final String NOTE_TOO_LONG = "Notes can be at most " + MOST_NOTE + " characters.";
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    /** Written between two letters of the Arabic script in Persian words, see {@link #keepsArabicLettersApart}. */
    public static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    /** The variation selector that asks for a character's emoji form (U+FE0F, in "🏳️‍🌈"). */
    private static final int EMOJI_STYLE = 0xFE0F;
    private static final int BLACK_FLAG = 0x1F3F4;
    /** The combining grapheme joiner: it only keeps marks apart when text is sorted, and shows nothing. */
    private static final int GRAPHEME_JOINER = 0x034F;
    /** The tag characters, from the tag space to the cancel tag. */
    private static final int TAGS_FROM = 0xE0020;
    private static final int TAGS_TO = 0xE007F;

    /** The most combining marks one letter carries in the names people write: Tibetan stacks three (བསྒྲུབ). */
    private static final int MOST_MARKS_ON_A_LETTER = 4;

    private UserText() {
    }

    /**
     * Whether a cleaned note is longer than {@link #MOST_NOTE}, counted in code points: an emoji such as 🎸 is two
     * UTF-16 units, which would make a note of emoji "too long" at half the length.
     */
    public static boolean tooLongForANote(String note) {
        return note.codePointCount(0, note.length()) > MOST_NOTE;
    }

    /**
     * True for a character that shows nothing or changes how the text around it is shown: controls, format
     * characters (zero-width spaces and joiners, the bidirectional marks, embeddings, overrides and isolates, the
     * byte order mark), invisible fillers that render as blanks, the combining grapheme joiner, private-use and
     * unassigned code points.
     */
    public static boolean isInvisibleOrBidi(int codePoint) {
        if (codePoint == GRAPHEME_JOINER) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> isBlankFiller(codePoint);
        };
    }

    /**
     * Whether the text stacks marks on a letter as the "glitch text" generators do ("Z͑͗͆̐ͫ"): the same mark twice in a
     * row, or more than {@link #MOST_MARKS_ON_A_LETTER}. Such a name spills over the lines around it wherever it is
     * shown, and "É́́́ve" is Eve to a reader. Languages put a few different marks on a letter (Vietnamese, Yoruba,
     * Arabic vowels, Thai tones, Tibetan stacks), and most of them compose into one character.
     */
    public static boolean stacksMarks(String text) {
        int[] chars = Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray();
        int marks = 0;
        for (int at = 0; at < chars.length; at++) {
            marks = isMark(chars[at]) ? marks + 1 : 0;
            if (marks > MOST_MARKS_ON_A_LETTER || marks > 1 && chars[at] == chars[at - 1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Letters that render as nothing (the Hangul fillers, the braille blank): a name of them looks empty. */
    private static boolean isBlankFiller(int codePoint) {
        return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800;
    }

    /**
     * A name typed to look someone (or a group) up, in the form names are registered in: the characters registration
     * refuses as invisible or turning the reading direction ({@link #isInvisibleOrBidi}, but for {@link #joinsEmoji}
     * and {@link #tagsAFlag}) are left out, since they show nothing, every run of spaces (line breaks too) is one
     * space, and it is Unicode-normalised (NFKC) and trimmed. So "Bob\u200B Fisher", which looks like Bob Fisher, finds him rather than
     * inviting a second Bob Fisher.
     */
    public static String typedName(String typed) {
        int[] chars = typed.codePoints().toArray();
        StringBuilder shown = new StringBuilder(typed.length());
        for (int at = 0; at < chars.length; at++) {
            if (Spaces.isSpace(chars[at])) {
                shown.append(' ');
            } else if (!hidden(chars, at)) {
                shown.appendCodePoint(chars[at]);
            }
        }
        return Normalizer.normalize(shown, Normalizer.Form.NFKC).strip().replaceAll(" +", " ");
    }

    /**
     * True when the text holds a character {@link #isInvisibleOrBidi} refuses, other than one that {@link #joinsEmoji}
     * or {@link #tagsAFlag}, or a variation selector that {@link #selectsNoVariant}.
     */
    public static boolean hasInvisibleOrBidi(String text) {
        int[] chars = text.codePoints().toArray();
        for (int at = 0; at < chars.length; at++) {
            if (hidden(chars, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hidden(int[] chars, int at) {
        return selectsNoVariant(chars, at) || isInvisibleOrBidi(chars[at]) && !joinsEmoji(chars, at)
                && !tagsAFlag(chars, at) && !keepsArabicLettersApart(chars, at);
    }

    /**
     * Whether the character at {@code at} is a variation selector (U+FE00 to U+FE0F, U+E0100 to U+E01EF) after
     * something that is neither an emoji nor a Han ideograph: there it selects nothing and shows nothing, so "Eve
     * Fisher" with one after its last letter would pass for Eve Fisher. After an emoji it picks the emoji's form
     * ("❤️"), after an ideograph the glyph a Japanese name is written with.
     */
    static boolean selectsNoVariant(int[] chars, int at) {
        int selector = chars[at];
        if (!(selector >= 0xFE00 && selector <= 0xFE0F || selector >= 0xE0100 && selector <= 0xE01EF)) {
            return false;
        }
        if (at == 0) {
            return true;
        }
        int before = chars[at - 1];
        return !Character.isEmoji(before) && !Character.isExtendedPictographic(before)
                && Character.UnicodeScript.of(before) != Character.UnicodeScript.HAN;
    }

    /**
     * Whether the character at {@code at} is a zero-width non-joiner between two letters of the Arabic script: Persian
     * writes it inside words and names ("علی‌رضا", Alireza) to keep a letter from joining the next, and there it shows
     * as the gap it makes, hiding nothing. Name keys leave it out ({@code Names.key}), so the name is found typed
     * with or without it.
     */
    static boolean keepsArabicLettersApart(int[] chars, int at) {
        if (chars[at] != ZERO_WIDTH_NON_JOINER || at + 1 >= chars.length || !isArabicLetter(chars[at + 1])) {
            return false;
        }
        int before = at - 1;
        while (before >= 0 && Character.getType(chars[before]) == Character.NON_SPACING_MARK) {
            before--;
        }
        return before >= 0 && isArabicLetter(chars[before]);
    }

    private static boolean isArabicLetter(int codePoint) {
        return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
    }

    /**
     * Whether the character at {@code at} is one of the tags after a black flag that make it a region's flag (Unicode's
     * emoji tag sequences: Scotland's, England's and Wales's flags are 🏴 and the tags "gbsct", "gbeng", "gbwls", then
     * the cancel tag); tags elsewhere show nothing.
     */
    static boolean tagsAFlag(int[] chars, int at) {
        int before = at;
        while (before >= 0 && chars[before] >= TAGS_FROM && chars[before] <= TAGS_TO) {
            before--;
        }
        return before < at && before >= 0 && chars[before] == BLACK_FLAG;
    }

    /**
     * Whether the character at {@code at} is a zero-width joiner between two emoji, each with its variation selector or
     * skin tone ("👩‍💻", "👨‍👩‍👧", "🏳️‍🌈"): that joiner makes them one emoji, and beside an emoji it cannot hide a
     * letter, so a name or a group name ("Family 👨‍👩‍👧") may have it.
     */
    static boolean joinsEmoji(int[] chars, int at) {
        if (chars[at] != ZERO_WIDTH_JOINER || at + 1 >= chars.length
                || !Character.isExtendedPictographic(chars[at + 1])) {
            return false;
        }
        int before = at - 1;
        while (before >= 0 && (chars[before] == EMOJI_STYLE || Character.isEmojiModifier(chars[before]))) {
            before--;
        }
        return before >= 0 && Character.isExtendedPictographic(chars[before]);
    }

    /**
     * A note as it is kept and shown: Unicode-normalised (NFC), line breaks kept, tabs and other line endings as
     * spaces, every other control character and the bidirectional controls dropped, spacing at the ends trimmed.
     * Joiners stay, since emoji such as families and flags are made with them.
     */
    public static String cleanNote(String note) {
        String normalised = Normalizer.normalize(note.replace("\r\n", "\n"), Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(cp -> {
            if (cp == '\n') {
                clean.append('\n');
            } else if (cp == '\t' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                clean.append(' ');
            } else if (!Character.isISOControl(cp) && !isBidiControl(cp)) {
                clean.appendCodePoint(cp);
            }
        });
        return clean.toString().strip();
    }

    /**
     * A text others chose that the bot shows inside a sentence of its own, such as a group chat's title: cleaned as a
     * note is ({@link #cleanNote}: no control or bidirectional characters, which would turn the rest of the sentence
     * round), on one line, every run of spacing one space, so it cannot pass for a line of the bot's own.
     */
    public static String oneLine(String text) {
        return cleanNote(text).replaceAll("\\s+", " ");
    }

    /** The marks, embeddings, overrides and isolates of the Unicode bidirectional algorithm. */
    static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}

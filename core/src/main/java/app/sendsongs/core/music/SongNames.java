package app.sendsongs.core.music;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises artist names and titles so that the same song reported by different services
 * compares equal: case, accents, punctuation, featured-artist credits and remaster labels do not
 * count. What makes a different recording stays: "Live", "Remix", "Instrumental", "Acoustic",
 * "Demo" and the like are part of the title and keep two versions apart.
 */
public final class SongNames {
    private static final String CREDIT = "(?:feat\\.?|ft\\.?|featuring)";
    /** "(feat. X)", "[ft. X]", "(with X)". */
    private static final Pattern BRACKETED_CREDIT = Pattern.compile(
            "[(\\[]\\s*(?:" + CREDIT + "|with)\\s[^)\\]]*[)\\]]");
    /** "feat. X" not in brackets: up to a " - " part, a bracket or the end. */
    private static final Pattern LOOSE_CREDIT = Pattern.compile(
            "(?:^|\\s)" + CREDIT + "\\s.*?(?=\\s-\\s|[(\\[]|$)");
    /** "Remastered 2011", "2011 Remaster", "Digitally Remastered", "2015 Remastered Version", wherever it stands. */
    private static final Pattern REMASTER = Pattern.compile(
            "(?:\\b\\d{4}\\s+)?(?:\\bdigitally\\s+)?\\bremaster(?:ed)?\\b(?:\\s+\\d{4}\\b)?(?:\\s+version\\b)?");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+");

    private SongNames() {
    }

    /**
     * Same primary artist and same title, both normalised and compared without spaces (so "AC/DC"
     * and "ACDC" agree); false when either side lacks a name.
     */
    static boolean sameNames(Recording a, Recording b) {
        String titleA = unspaced(title(a.title()));
        String titleB = unspaced(title(b.title()));
        Optional<String> artistA = a.primaryArtist().map(SongNames::artist).map(SongNames::unspaced);
        Optional<String> artistB = b.primaryArtist().map(SongNames::artist).map(SongNames::unspaced);
        return !titleA.isEmpty() && titleA.equals(titleB)
                && artistA.filter(s -> !s.isEmpty()).isPresent() && artistA.equals(artistB);
    }

    /** A title without case, accents, punctuation, featured artists or remaster labels. */
    public static String title(String title) {
        String s = folded(title);
        s = BRACKETED_CREDIT.matcher(s).replaceAll(" ");
        s = LOOSE_CREDIT.matcher(s).replaceAll(" ");
        s = REMASTER.matcher(s).replaceAll(" ");
        return words(s);
    }

    /** An artist name without case, accents, punctuation, a leading "The" or featured artists. */
    public static String artist(String artist) {
        String s = folded(artist);
        s = BRACKETED_CREDIT.matcher(s).replaceAll(" ");
        s = LOOSE_CREDIT.matcher(s).replaceAll(" ");
        return LEADING_THE.matcher(words(s)).replaceFirst("");
    }

    private static String unspaced(String words) {
        return words.replace(" ", "");
    }

    private static String folded(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace("&", " and ");
    }

    private static String words(String s) {
        return NOT_WORD.matcher(s.replace("'", "")).replaceAll(" ").strip();
    }
}

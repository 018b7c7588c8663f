package app.sendsongs.core.music;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises artist names and titles so that the same song reported by different services
 * compares equal: case, accents (and letters such as "ø", "æ", "ß", "ł" written plainly), punctuation,
 * featured-artist credits, remaster labels and what a release calls its copy of a recording ("Single Version",
 * "Mono", "Explicit", "From "Top Gun"") do not count. What makes a different recording stays:
 * "Live", "Remix", "Instrumental", "Acoustic", "Demo" and the like are part of the title and keep two
 * versions apart, also inside what looks like a credit ("(with Strings)", "feat. X Remix").
 */
public final class SongNames {
    private static final String CREDIT = "(?:feat\\.?|ft\\.?|featuring)";
    /** "(feat. X)", "[ft. X]", "(with X)". */
    private static final Pattern BRACKETED_CREDIT = Pattern.compile(
            "[(\\[]\\s*(?:" + CREDIT + "|with)\\s[^)\\]]*[)\\]]");
    /** "feat. X" not in brackets: up to a " - " part, a bracket or the end. */
    private static final Pattern LOOSE_CREDIT = Pattern.compile(
            "(?:^|\\s)" + CREDIT + "\\s.*?(?=\\s-\\s|[(\\[]|$)");
    /**
     * Words that make another recording of a song. A title's credit holding one is kept: "(with the Royal Philharmonic
     * Orchestra)" says how it was played, not only who joined, and "feat. X Remix" without brackets runs on to the
     * version.
     */
    private static final Pattern VERSION_WORD = Pattern.compile("\\b(?:live|remix(?:ed)?|mix|edit|acoustic|"
            + "instrumental|demo|cover|karaoke|unplugged|a ?cappella|acapella|orchestra(?:l)?|symphon(?:y|ic)|"
            + "philharmonic|strings?|choir|quartet|piano|reprise|sped|slowed|reverb)\\b");
    /**
     * "Remastered 2011", "2011 Remaster", "Digitally Remastered", "2001 Digital Remaster", "2015 Remastered Version",
     * wherever it stands.
     */
    private static final Pattern REMASTER = Pattern.compile(
            "(?:\\b\\d{4}\\s+)?(?:\\bdigital(?:ly)?\\s+)?\\bremaster(?:ed)?\\b(?:\\s+\\d{4}\\b)?(?:\\s+version\\b)?");
    /**
     * A part of a title after " - " or " / ", or in brackets, up to the next such mark, bracket or the end: where
     * releases put what they call their copy of a recording ("Song - Single Version", "Song (Explicit)").
     */
    private static final Pattern TITLE_PART = Pattern.compile(
            "(?<=\\s-\\s|\\s/\\s|[(\\[])[^()\\[\\]]*?(?=\\s-\\s|\\s/\\s|[)\\]]|$)");
    /**
     * A whole part that names only the release's copy of the same recording: its mix channels ("Mono", "Stereo Mix"),
     * its lyrics' rating ("Explicit", "Clean Version"), the release it is from ("Single Version", "Album Version",
     * "Bonus Track").
     */
    private static final Pattern RELEASE_LABEL = Pattern.compile(
            "(?:\\d{4}\\s+)?(?:mono|stereo)(?:\\s+(?:version|mix))?|(?:explicit|clean)(?:\\s+version)?"
                    + "|(?:single|album|lp)\\s+version|bonus\\s+track");
    /**
     * A part that is the film, show or album a song is from, named in quotes or as such ("From "Top Gun" Original
     * Soundtrack", "From The Motion Picture "Barbie"", "From Barbie The Album"; not "From the Inside", which may be the
     * title's own), or a remaster however worded ("2015 Paisley Park Remaster", "50th Anniversary Remaster",
     * "Remastered Version 2012"): the same recording, unless the part also names a version.
     */
    private static final Pattern SOURCE_OR_REMASTER = Pattern.compile("from\\s.*(?:[\"“”]|\\b(?:soundtrack|motion "
            + "picture|movie|film|series|musical|album)\\b).*|.*\\bremaster(?:ed)?\\b.*");
    /**
     * What separates the artists of a credit naming several in one name, as scrobblers write it ("A, B", "A & B",
     * "A x B", "A; B", "A / B", "A + B", "A vs. B"), after {@link #folded} made "&" and "+" " and ".
     */
    private static final Pattern ARTIST_SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+(?:and|x|vs\\.?|/)\\s+");
    /** "Pt. 2", as Spotify shortens "Part 2". */
    private static final Pattern PART = Pattern.compile("\\bpt\\b");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+");

    private SongNames() {
    }

    /**
     * Same primary artist and same title, both normalised and compared without spaces (so "AC/DC"
     * and "ACDC" agree); false when either side lacks a name. A primary artist that is one credit naming
     * several ("A, B", "A & B": scrobblers send a track's artists so) is the same as its first artist.
     */
    static boolean sameNames(Recording a, Recording b) {
        String titleA = unspaced(title(a.title()));
        String titleB = unspaced(title(b.title()));
        return !titleA.isEmpty() && titleA.equals(titleB)
                && sameArtist(a.primaryArtist().orElse(""), b.primaryArtist().orElse(""));
    }

    /** The same artist once normalised, or one is a leading part of the other's credit up to an artist separator. */
    private static boolean sameArtist(String a, String b) {
        String artistA = unspaced(artist(a));
        String artistB = unspaced(artist(b));
        if (artistA.isEmpty() || artistB.isEmpty()) {
            return false;
        }
        return artistA.equals(artistB) || leadingArtists(a).contains(artistB) || leadingArtists(b).contains(artistA);
    }

    /** Each leading part of a credit, up to one of its artist separators, normalised: "A, B & C" gives A and "A, B". */
    private static List<String> leadingArtists(String credit) {
        String uncredited = uncredited(credit);
        List<String> leading = new ArrayList<>();
        Matcher separator = ARTIST_SEPARATOR.matcher(uncredited);
        while (separator.find()) {
            leading.add(unspaced(withoutThe(words(uncredited.substring(0, separator.start())))));
        }
        return leading;
    }

    /** A title without case, accents, punctuation, featured artists or remaster labels; "Pt." is "Part". */
    public static String title(String title) {
        String s = folded(title);
        s = withoutCredits(BRACKETED_CREDIT, s);
        s = withoutCredits(LOOSE_CREDIT, s);
        s = TITLE_PART.matcher(s).replaceAll(part -> isReleaseLabel(part.group().strip()) ? " "
                : Matcher.quoteReplacement(part.group()));
        s = REMASTER.matcher(s).replaceAll(" ");
        return PART.matcher(words(s)).replaceAll("part");
    }

    /** Whether a part of a title names only the release's copy of a recording, not another version of it. */
    private static boolean isReleaseLabel(String part) {
        return RELEASE_LABEL.matcher(part).matches()
                || SOURCE_OR_REMASTER.matcher(part).matches() && !VERSION_WORD.matcher(part).find();
    }

    /** {@code folded} without the credits {@code credit} finds, but those naming a version. */
    private static String withoutCredits(Pattern credit, String folded) {
        return credit.matcher(folded).replaceAll(found -> VERSION_WORD.matcher(found.group()).find()
                ? Matcher.quoteReplacement(found.group()) : " ");
    }

    /**
     * Words as they are compared: without case, accents, apostrophes or punctuation (nor emoji), one space between
     * each ("I’m listening to Røyksopp!" is "im listening to royksopp").
     */
    public static String plain(String text) {
        return words(folded(text));
    }

    /** An artist name without case, accents, punctuation, a leading "The" or featured artists. */
    public static String artist(String artist) {
        return withoutThe(words(uncredited(artist)));
    }

    /** The folded name without its featured artists. */
    private static String uncredited(String artist) {
        String s = folded(artist);
        s = BRACKETED_CREDIT.matcher(s).replaceAll(" ");
        return LOOSE_CREDIT.matcher(s).replaceAll(" ");
    }

    private static String withoutThe(String words) {
        return LEADING_THE.matcher(words).replaceFirst("");
    }

    private static String unspaced(String words) {
        return words.replace(" ", "");
    }

    private static String folded(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        return plainLetters(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT))
                .replace('’', '\'').replace("&", " and ").replace("+", " and ");
    }

    /**
     * Letters that are no accent on another letter, so that NFKD leaves them, written as people and players without
     * them write them: "Røyksopp" as "Royksopp", "Ágætis" as "Agaetis", "Weiß" as "Weiss", "Łona" as "Lona".
     */
    private static String plainLetters(String lower) {
        StringBuilder plain = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            plain.append(switch (c) {
                case 'ø' -> "o";
                case 'æ' -> "ae";
                case 'œ' -> "oe";
                case 'ß' -> "ss";
                case 'ł' -> "l";
                case 'đ', 'ð' -> "d";
                case 'þ' -> "th";
                case 'ı' -> "i";
                default -> String.valueOf(c);
            });
        }
        return plain.toString();
    }

    private static String words(String s) {
        return NOT_WORD.matcher(s.replace("'", "")).replaceAll(" ").strip();
    }
}

package app.sendsongs.core.user;

import app.sendsongs.core.shared.Graphemes;
import app.sendsongs.core.shared.Handles;
import app.sendsongs.core.shared.Platform;
import app.sendsongs.core.shared.UserText;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules for the names people register under and type to find each other. */
public final class Names {
    public static final int MAX_LENGTH = 60;
    /** The name someone is registered under when their chat profile gives none, until they choose one. */
    public static final String FALLBACK = "New friend";
    private static final String NON_JOINER = Character.toString(UserText.ZERO_WIDTH_NON_JOINER);
    private static final Pattern LINK = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://|\\bwww\\.");
    /** What the bot adds after a name to tell people of one name apart by their app: "Bob Fisher (on Telegram)". */
    private static final Pattern APP_LABEL = Pattern.compile("\\(on (" + Platform.MESSENGER.displayName() + "|"
            + Platform.TELEGRAM.displayName() + ")\\)$", Pattern.CASE_INSENSITIVE);
    /** Punctuation and spaces a name ends with, left aside when it is compared with the bot's own words. */
    private static final Pattern FINAL_MARKS = Pattern.compile("[\\p{P}\\s]+$");
    /**
     * Accents on Latin, Greek and Cyrillic letters, once a name is decomposed: "José" is typed "Jose" on most keyboards.
     * Other scripts keep their marks, which are letters' vowels there (Devanagari's, say), not accents.
     */
    private static final Pattern ACCENTS = Pattern.compile("(?<=[\\p{IsLatin}\\p{IsGreek}\\p{IsCyrillic}])\\p{Mn}+");
    /**
     * Hebrew's points and cantillation marks (its combining marks, U+0591 to U+05C7, not its punctuation such as the
     * maqaf) and Arabic's short vowels and other harakat (U+064B to U+065F, the superscript alef U+0670) and the
     * tatweel (U+0640) that only stretches a word: names are mostly typed without them ("שלום" for "שָׁלוֹם"). Taken
     * out before letters are decomposed, so an Arabic letter written with its hamza (أ) stays that letter.
     */
    private static final Pattern VOWEL_MARKS = Pattern.compile(
            "[\\u0591-\\u05C7&&\\p{Mn}]|[\\u064B-\\u065F\\u0670\\u0640]");
    /**
     * Letters an accent does not decompose from, as people type them without it ("Łódź" as "Lodz"), what phones
     * type for an apostrophe ("O’Brien": iOS's smart punctuation turns ' into ’), and the dashes that show as a
     * hyphen (the hyphen and figure dash, en and em dash, horizontal bar and minus sign, U+2010 and U+2012 to U+2015,
     * U+2212), which phones and pasted text put for the plain one (the non-breaking hyphen U+2011 is U+2010 once the
     * name is {@link #tidy}).
     */
    private static final Map<Integer, String> PLAIN = Map.ofEntries(Map.entry((int) 'ł', "l"), Map.entry((int) 'ø', "o"),
            Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"), Map.entry((int) 'þ', "th"), Map.entry((int) 'ß', "ss"),
            Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'ı', "i"), Map.entry((int) 'ς', "σ"),
            Map.entry((int) '‘', "'"), Map.entry((int) '’', "'"), Map.entry((int) '‛', "'"), Map.entry((int) 'ʼ', "'"),
            Map.entry((int) '′', "'"), Map.entry(0x2010, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
            Map.entry(0x2014, "-"), Map.entry(0x2015, "-"), Map.entry(0x2212, "-"));

    private Names() {
    }

    /**
     * The form names are compared in: case-insensitive, spacing folded, and as people type them on any keyboard,
     * without accents ({@link #ACCENTS}, {@link #PLAIN}) or Hebrew and Arabic vowel marks ({@link #VOWEL_MARKS}), and
     * with a plain apostrophe and hyphen. Stores keep it: a change here needs the stored keys made again (in SQLite, a
     * schema version that runs {@code NameKeys}; in DynamoDB, {@code KeysBefore} keeps the key as it was before).
     */
    public static String key(String name) {
        // the non-joiner a Persian name may hold between letters: found typed with or without it
        String lower = tidy(name).replace(NON_JOINER, "").toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return lower;
        }
        String unmarked = VOWEL_MARKS.matcher(lower).replaceAll("");
        String bare = ACCENTS.matcher(Normalizer.normalize(unmarked, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder key = new StringBuilder(bare.length());
        bare.codePoints().forEach(c -> key.append(PLAIN.getOrDefault(c, Character.toString(c))));
        return Normalizer.normalize(key, Normalizer.Form.NFC);
    }

    /** Spacing folded and Unicode normalised, case kept. */
    public static String tidy(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    /**
     * The name a chat profile shows, as one a person can be registered under: words that show nothing are left out
     * (a Hangul filler or the braille blank, which people put for a first name they do not want to give), and a name
     * longer than {@link #MAX_LENGTH} keeps the first whole words that fit (Telegram's first and last names together
     * reach 129 characters). Empty when what is left still has a {@link #problem}.
     */
    public static Optional<String> fromProfile(String shown) {
        StringBuilder name = new StringBuilder();
        for (String word : tidy(shown).split(" ")) {
            if (word.codePoints().allMatch(UserText::isInvisibleOrBidi)) {
                continue;
            }
            if (name.length() + (name.isEmpty() ? 0 : 1) + word.length() > MAX_LENGTH) {
                break;
            }
            name.append(name.isEmpty() ? "" : " ").append(word);
        }
        String fitting = name.toString();
        return problem(fitting).isEmpty() ? Optional.of(fitting) : Optional.empty();
    }

    /**
     * The first word of the text whose letters mix scripts no language writes together ({@link
     * Scripts#wordMixingScripts}), said as "The word "Bоb" mixes Latin and Cyrillic letters".
     */
    public static Optional<String> mixedScripts(String text) {
        return Scripts.wordMixingScripts(tidy(text))
                .map(word -> "The word \"" + word + "\" mixes " + Scripts.named(word) + " letters");
    }

    /**
     * Why a name cannot be registered, if it cannot: empty, too long, without a letter, or with a character that
     * shows nothing or turns the reading direction ({@link UserText#isInvisibleOrBidi}), marks stacked on a letter
     * ({@link UserText#stacksMarks}), or a word mixing scripts
     * ({@link Scripts#wordMixingScripts}: a Cyrillic о in "Bob"), which would let one name pass for another. A word
     * wholly in another alphabet that looks Latin stays allowed (it is a word there), and so do digits in a word
     * ("B0b", as chat profiles' "Alex2000"); {@link LookAlikes} tells their songs apart. Nor can it be what a friend
     * types for a Telegram username ({@link Handles#typed}: sending to it would look for that username, never this
     * person), or hold a link, which every song and notice naming the person would carry to friends.
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
        if (UserText.stacksMarks(tidy)) {
            return Optional.of("The name stacks marks on a letter; please type it plainly.");
        }
        Optional<String> mixed = mixedScripts(tidy);
        if (mixed.isPresent()) {
            return Optional.of(mixed.get() + ", so the name could pass for another; please write each word in one "
                    + "alphabet.");
        }
        if (Handles.typed(tidy).isPresent()) {
            return Optional.of("A name can't be a Telegram @username: friends typing it would be looking for that "
                    + "username.");
        }
        if (LINK.matcher(tidy).find()) {
            return Optional.of("A name can't hold a link.");
        }
        return botsOwnWords(tidy);
    }

    /**
     * Why a name the bot writes itself cannot be anyone's: the app it adds to tell people of one name apart, and what it
     * calls someone who deleted their data. Either would let a person pass for a label the bot vouches for.
     */
    private static Optional<String> botsOwnWords(String tidy) {
        Matcher app = APP_LABEL.matcher(tidy);
        if (app.find()) {
            return Optional.of("A name can't end with \"" + app.group() + "\": I add that myself to tell apart people "
                    + "of one name.");
        }
        if (key(FINAL_MARKS.matcher(tidy).replaceAll("")).equals(key(User.SOMEONE_WHO_LEFT))) {
            return Optional.of("That's what I call someone who deleted their data; please choose another name.");
        }
        return Optional.empty();
    }

    /**
     * The name's first word with a letter, how friends call each other: "Bob" for "Bob Fisher", "Ana" for "🌸 Ana
     * Silva" (an emoji before a name is a decoration, not what anyone types or is greeted by). The first word when
     * none has a letter.
     */
    public static String firstName(String name) {
        String[] words = tidy(name).split(" ");
        return Arrays.stream(words).filter(word -> word.codePoints().anyMatch(Character::isLetter)).findFirst()
                .orElse(words[0]);
    }

    /**
     * A name shortened for quoting it back in a reply: past {@link #MAX_LENGTH}, cut between characters as people see
     * them ({@link Graphemes}), so an emoji or a letter's vowel sign is never left half.
     */
    public static String quoted(String name) {
        String tidy = tidy(name);
        return "\"" + (tidy.length() > MAX_LENGTH
                ? tidy.substring(0, Graphemes.cutAt(tidy, MAX_LENGTH)).stripTrailing() + "…" : tidy) + "\"";
    }
}

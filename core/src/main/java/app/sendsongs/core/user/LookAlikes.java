package app.sendsongs.core.user;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names that look the same though written with other letters: "Bоb Fisher" with a Cyrillic о shows exactly as "Bob
 * Fisher". A name's {@link #skeleton} takes every Cyrillic and Greek letter that looks like a Latin one as that
 * letter, then folds the name as {@link Names#key} does (case, spacing, accents); names look alike when their
 * skeletons are equal. This is the skeleton of Unicode Technical Standard #39, "Unicode Security Mechanisms", section 4
 * "Confusable Detection" (https://www.unicode.org/reports/tr39/#Confusable_Detection), with a small part of its
 * table (confusables.txt): the letters of the two alphabets that share shapes with the Latin one, as phones type
 * them. Look-alikes within one alphabet (a digit 0 for an O, "rn" for "m") are not in it.
 */
public final class LookAlikes {
    /**
     * Cyrillic and Greek letters, each (as an escape, since the two look the same) with the Latin letter it looks
     * like, after confusables.txt, leaving out those that differ at a chat's text size or look like digits.
     */
    private static final Map<Integer, Character> LATIN = table(
            // Cyrillic capitals: А В Е К М Н О Р С Т У Х Ѕ І Ӏ Ј Ԍ Ԛ Ԝ Ү Ѵ, and the soft sign Ь like a b
            "\u0410A", "\u0412B", "\u0415E", "\u041AK", "\u041CM", "\u041DH", "\u041EO", "\u0420P", "\u0421C",
            "\u0422T", "\u0423Y", "\u0425X", "\u0405S", "\u0406I", "\u04C0I", "\u0408J", "\u050CG", "\u051AQ",
            "\u051CW", "\u04AEY", "\u0474V", "\u042Cb",
            // Cyrillic small letters: а е о р с у х ѕ і ј һ ԁ ԛ ԝ ү ѵ г ӏ
            "\u0430a", "\u0435e", "\u043Eo", "\u0440p", "\u0441c", "\u0443y", "\u0445x", "\u0455s", "\u0456i",
            "\u0458j", "\u04BBh", "\u0501d", "\u051Bq", "\u051Dw", "\u04AFy", "\u0475v", "\u0433r", "\u04CFl",
            // Greek capitals: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ Ϲ Ϳ
            "\u0391A", "\u0392B", "\u0395E", "\u0396Z", "\u0397H", "\u0399I", "\u039AK", "\u039CM", "\u039DN",
            "\u039FO", "\u03A1P", "\u03A4T", "\u03A5Y", "\u03A7X", "\u03F9C", "\u037FJ",
            // Greek small letters: α γ ι ν ο ρ υ ϲ ϳ
            "\u03B1a", "\u03B3y", "\u03B9i", "\u03BDv", "\u03BFo", "\u03C1p", "\u03C5u", "\u03F2c", "\u03F3j");
    /** For Cyrillic and for Greek, the Latin letters with the letter there that looks like each (of two, the first). */
    private static final Map<UnicodeScript, Map<Character, Integer>> LIKE_LATIN = likeLatin();
    /** The alphabets whose letters are taken for Latin ones. */
    private static final Set<UnicodeScript> ALPHABETS = Set.of(UnicodeScript.LATIN, UnicodeScript.CYRILLIC,
            UnicodeScript.GREEK);

    private LookAlikes() {
    }

    /**
     * The name in Latin letters wherever a Cyrillic or Greek one looks like one, folded as {@link Names#key}. A capital
     * I-like letter (Cyrillic І, Ӏ, Greek Ι) inside a word and beside a lowercase letter is an l, as TR39 takes a
     * capital I; elsewhere (starting a word, in capitals) it is an I, so that names compare without case as keys do.
     */
    public static String skeleton(String name) {
        return Names.key(String.join(" ", words(name).stream().map(LookAlikes::inLatinLetters).toList()));
    }

    /** Whether the two names are the same ({@link Names#key}) or look the same ({@link #skeleton}). */
    public static boolean alike(String one, String other) {
        return Names.key(one).equals(Names.key(other)) || skeleton(one).equals(skeleton(other));
    }

    /**
     * Other names this one could pass for, as someone would be registered under them: each word in Latin letters when
     * all its letters are Latin or look Latin, and each word that mixes alphabets in the one most of its letters are
     * in. Empty for a name each word of which is in one alphabet and, unless Latin, has a letter unlike any Latin one,
     * as most are. At most two, a different name from this one by {@link Names#key}.
     */
    public static List<String> spellings(String name) {
        List<String> words = words(name);
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(spelled(words, word -> written(word, UnicodeScript.LATIN).orElse(word)));
        spellings.add(spelled(words, word -> mainAlphabet(word).flatMap(main -> written(word, main)).orElse(word)));
        String key = Names.key(name);
        return spellings.stream().filter(spelling -> !Names.key(spelling).equals(key)).toList();
    }

    private static String spelled(List<String> words, Function<String, String> spelling) {
        return Normalizer.normalize(String.join(" ", words.stream().map(spelling).toList()), Normalizer.Form.NFC);
    }

    /** The name's words, decomposed, so that an accented letter is the letter and its accent. */
    private static List<String> words(String name) {
        return List.of(Normalizer.normalize(Names.tidy(name), Normalizer.Form.NFD).split(" "));
    }

    /** The word with each Cyrillic or Greek letter that looks Latin as that Latin letter; other letters kept. */
    private static String inLatinLetters(String word) {
        StringBuilder latin = new StringBuilder(word.length());
        int[] letters = word.codePoints().toArray();
        for (int i = 0; i < letters.length; i++) {
            latin.append(LATIN.containsKey(letters[i]) ? latinLetter(letters, i) : Character.toString(letters[i]));
        }
        return latin.toString();
    }

    private static String latinLetter(int[] letters, int at) {
        char latin = LATIN.get(letters[at]);
        boolean inside = at > 0 && Character.isLetter(letters[at - 1]);
        boolean lowercaseBeside = inside && Character.isLowerCase(letters[at - 1])
                || at + 1 < letters.length && Character.isLowerCase(letters[at + 1]);
        return String.valueOf(latin == 'I' && inside && lowercaseBeside ? 'l' : latin);
    }

    /**
     * The word wholly in {@code alphabet}, when each of its letters is in it or looks like one of its letters; empty
     * when it is in it already or some letter has no look-alike there.
     */
    private static Optional<String> written(String word, UnicodeScript alphabet) {
        if (Scripts.of(word).equals(Set.of(alphabet))) {
            return Optional.empty();
        }
        String latin = inLatinLetters(word);
        if (alphabet == UnicodeScript.LATIN) {
            return Scripts.of(latin).equals(Set.of(UnicodeScript.LATIN)) ? Optional.of(latin) : Optional.empty();
        }
        StringBuilder written = new StringBuilder(word.length());
        for (int letter : latin.codePoints().toArray()) {
            Optional<String> there = letterIn(letter, alphabet);
            if (there.isEmpty()) {
                return Optional.empty();
            }
            written.append(there.get());
        }
        return Optional.of(written.toString());
    }

    private static Optional<String> letterIn(int letter, UnicodeScript alphabet) {
        UnicodeScript script = UnicodeScript.of(letter);
        if (script != UnicodeScript.LATIN) {
            return script == alphabet || !Character.isLetter(letter) ? Optional.of(Character.toString(letter))
                    : Optional.empty();
        }
        return Optional.ofNullable(LIKE_LATIN.get(alphabet).get((char) letter)).map(Character::toString);
    }

    /** The alphabet most letters of a word that mixes alphabets are in; empty for a word in one. */
    private static Optional<UnicodeScript> mainAlphabet(String word) {
        Map<UnicodeScript, Long> counts = word.codePoints().filter(Character::isLetter).mapToObj(UnicodeScript::of)
                .filter(ALPHABETS::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        if (counts.size() < 2) {
            return Optional.empty();
        }
        return counts.entrySet().stream().max(Comparator.comparing(Map.Entry::getValue)).map(Map.Entry::getKey);
    }

    private static Map<Integer, Character> table(String... pairs) {
        Map<Integer, Character> table = new HashMap<>();
        for (String pair : pairs) {
            table.put(pair.codePointAt(0), pair.charAt(pair.length() - 1));
        }
        return Map.copyOf(table);
    }

    private static Map<UnicodeScript, Map<Character, Integer>> likeLatin() {
        Map<UnicodeScript, Map<Character, Integer>> like = new HashMap<>();
        LATIN.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> like
                .computeIfAbsent(UnicodeScript.of(entry.getKey()), script -> new HashMap<>())
                .putIfAbsent(entry.getValue(), entry.getKey()));
        return Map.copyOf(like);
    }
}

package app.sendsongs.core.user;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Fisher", and so do "B0b Fisher" with a zero and "BiII Fisher" with capital Is. A name's {@link #skeleton} is how it
 * reads in Latin letters, folded as {@link Names#key} does (case, spacing, accents); names look alike when their
 * skeletons are equal. This is the skeleton of Unicode Technical Standard #39, "Unicode Security Mechanisms", section 4
 * "Confusable Detection" (https://www.unicode.org/reports/tr39/#Confusable_Detection), with a small part of its
 * table (confusables.txt): the letters of the Cyrillic and Greek alphabets that share shapes with the Latin one, as
 * phones type them, and within the Latin alphabet the table's I, l and 1 (all one upright stroke), 0 for O, and m for
 * rn; vv for w is not in the table but shows as one at a chat's text size too. Where the table takes an upright
 * stroke for an l, the reading takes it for the letter a name has there: an I starting a word (or a part of one after
 * a hyphen) or in a word in capitals, an l elsewhere, so that "lan" reads "Ian" and "CarI" reads "Carl" while names
 * still compare without case, as keys do. Digits are read only in a run touching a letter ("B0b", not "Listener 10"),
 * and a name with digits in a word is not refused: chat profiles carry names like "Alex2000", which would then lose
 * their name; a zero or a one passing for a letter is what the namesake caution is for.
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
    /**
     * Letters of {@link #LATIN} that a name written wholly in Cyrillic or Greek is not taken to have: those of smaller
     * languages' alphabets or out of use (Ӏ ӏ Ԍ Ԛ Ԝ ԛ ԝ Ү ү Ѵ ѵ һ ԁ, Greek Ϲ ϲ Ϳ ϳ) and the soft sign Ь as a b. With them
     * most names in Latin letters could be written wholly in Cyrillic ("Alice Archer" as "Аӏісе Агсһег"), each costing
     * a lookup more, though names in those letters that look Latin throughout are hardly any.
     */
    private static final Set<Integer> NOT_IN_NAMES = Set.of(0x04C0, 0x04CF, 0x050C, 0x051A, 0x051C, 0x051B, 0x051D,
            0x04AE, 0x04AF, 0x0474, 0x0475, 0x04BB, 0x0501, 0x03F9, 0x03F2, 0x037F, 0x03F3, 0x042C);
    /**
     * Characters that are one upright stroke, which confusables.txt takes for an l: Latin I and l, the digit one,
     * Cyrillic І, Ӏ and ӏ, Greek Ι.
     */
    private static final Set<Integer> UPRIGHT = Set.of((int) 'I', (int) 'l', (int) '1', 0x0406, 0x04C0, 0x04CF, 0x0399);
    /** Digits that show as letters (confusables.txt: 0 as O, 1 as l), read as them beside a letter. */
    private static final Set<Integer> LETTER_DIGITS = Set.of((int) '0', (int) '1');
    /** Small letters that together show as one (confusables.txt: m as rn; vv as w, beyond it), each with that one. */
    private static final Map<String, String> RUNS = Map.of("rn", "m", "vv", "w");
    /** How many of a name's small m's inside a word are each read as an rn, at most ({@link #spellings}). */
    private static final int MOST_RN_FOR_M = 2;
    /** How many of a name's small l's inside a word are each read as a capital I, at most ({@link #spellings}). */
    private static final int MOST_I_FOR_L = 2;
    /** For Cyrillic and for Greek, the Latin letters with the letter there that looks like each (of two, the first). */
    private static final Map<UnicodeScript, Map<Character, Integer>> LIKE_LATIN = likeLatin();
    /** The alphabets whose letters are taken for Latin ones. */
    private static final Set<UnicodeScript> ALPHABETS = Set.of(UnicodeScript.LATIN, UnicodeScript.CYRILLIC,
            UnicodeScript.GREEK);

    private LookAlikes() {
    }

    /** The name as it reads in Latin letters ({@link #reading}), folded as {@link Names#key}. */
    public static String skeleton(String name) {
        return Names.key(String.join(" ", words(name).stream().map(LookAlikes::reading).toList()));
    }

    /** Whether the two names are the same ({@link Names#key}) or look the same ({@link #skeleton}). */
    public static boolean alike(String one, String other) {
        return Names.key(one).equals(Names.key(other)) || skeleton(one).equals(skeleton(other));
    }

    /**
     * Other names this one could pass for, as someone would be registered under them: each word as it reads in Latin
     * letters when all its letters are Latin or look Latin ("Bill" for "BiII", "Sam" for "Sarn"), and each word that
     * mixes alphabets in the one most of its letters are in; and the whole name in Cyrillic, and in Greek, when each
     * word is in that alphabet or looks like letters of it that names are written with ("Вера" for "Bepa"); and the
     * name with an rn for one of its first two small m's inside a word ("Bernard" for "Bemard", whose rn reads as m),
     * and with a capital I for one of its first two small l's inside a word ("McIntyre" for "Mclntyre", "AIice" for
     * "Alice": the I shows as the l). Empty for a name in plain Latin letters without such an m or l and for one each
     * word of which is in one alphabet and, unless Latin, has a letter unlike any Latin one, as most are. At most
     * eight, each a different name from this one by {@link Names#key}. An inner l costs many names a lookup or two more when
     * they first send a song to someone who does not know them; it is what finds a friend whose name has an I there.
     */
    public static List<String> spellings(String name) {
        List<String> words = words(name);
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(spelled(words, word -> written(word, UnicodeScript.LATIN).orElse(word)));
        spellings.add(spelled(words, word -> mainAlphabet(word).flatMap(main -> written(word, main)).orElse(word)));
        for (UnicodeScript alphabet : List.of(UnicodeScript.CYRILLIC, UnicodeScript.GREEK)) {
            whollyIn(words, alphabet).ifPresent(spellings::add);
        }
        String composed = Normalizer.normalize(Names.tidy(name), Normalizer.Form.NFC);
        spellings.addAll(withOneShownAs(composed, 'm', "rn", MOST_RN_FOR_M));
        spellings.addAll(withOneShownAs(composed, 'l', "I", MOST_I_FOR_L));
        String key = Names.key(name);
        return spellings.stream().filter(spelling -> !Names.key(spelling).equals(key)).toList();
    }

    /**
     * The name with {@code shown} for one of its first {@code most} {@code letter}s inside a word, each alone: an "rn"
     * for an m ("Bernard" for "Bemard"), a capital I for a small l ("McIntyre" for "Mclntyre"). A friend whose own
     * name has what shows as that letter is found from a look-alike with the letter. Only names someone could be
     * registered under: not one whose word would mix alphabets.
     */
    private static List<String> withOneShownAs(String name, char letter, String shown, int most) {
        List<String> spellings = new ArrayList<>();
        for (int at = 1; at < name.length() && spellings.size() < most; at++) {
            String spelling = name.substring(0, at) + shown + name.substring(at + 1);
            if (name.charAt(at) == letter && Character.isLetter(name.charAt(at - 1))
                    && Names.problem(spelling).isEmpty()) {
                spellings.add(spelling);
            }
        }
        return spellings;
    }

    /** The name with each word in {@code alphabet}, as it is or as written with letters names there have. */
    private static Optional<String> whollyIn(List<String> words, UnicodeScript alphabet) {
        List<String> written = new ArrayList<>(words.size());
        for (String word : words) {
            Optional<String> there = Scripts.of(word).equals(Set.of(alphabet)) ? Optional.of(word)
                    : written(word, alphabet).filter(w -> w.codePoints().noneMatch(NOT_IN_NAMES::contains));
            if (there.isEmpty()) {
                return Optional.empty();
            }
            written.add(there.get());
        }
        return Optional.of(spelled(written, Function.identity()));
    }

    private static String spelled(List<String> words, Function<String, String> spelling) {
        return Normalizer.normalize(String.join(" ", words.stream().map(spelling).toList()), Normalizer.Form.NFC);
    }

    /** The name's words, decomposed, so that an accented letter is the letter and its accent. */
    private static List<String> words(String name) {
        return List.of(Normalizer.normalize(Names.tidy(name), Normalizer.Form.NFD).split(" "));
    }

    /** The word as it reads in Latin letters: its {@link #letters}, with each of {@link #RUNS} as the letter it shows. */
    private static String reading(String word) {
        String reading = letters(word);
        for (Map.Entry<String, String> run : RUNS.entrySet()) {
            reading = reading.replace(run.getKey(), run.getValue());
        }
        return reading;
    }

    /**
     * The word with each Cyrillic or Greek letter that looks Latin as that Latin letter, and each upright stroke
     * ({@link #UPRIGHT}) and zero touching a letter as a capital I or O starting a word or a part of one and in a word
     * in capitals ({@link #inCapitals}), else as a small l or o; other characters kept.
     */
    private static String letters(String word) {
        int[] chars = word.codePoints().toArray();
        boolean capitals = inCapitals(chars);
        StringBuilder letters = new StringBuilder(word.length());
        for (int at = 0; at < chars.length; at++) {
            letters.append(letter(chars, at, !afterALetter(letters) || capitals));
        }
        return letters.toString();
    }

    private static String letter(int[] chars, int at, boolean capital) {
        int c = chars[at];
        boolean read = !LETTER_DIGITS.contains(c) || touchesALetter(chars, at);
        if (UPRIGHT.contains(c) && read) {
            return capital ? "I" : "l";
        }
        if (c == '0' && read) {
            return capital ? "O" : "o";
        }
        return LATIN.containsKey(c) ? String.valueOf(LATIN.get(c)) : Character.toString(c);
    }

    /** Whether the text ends with a letter, or a letter and its accents. */
    private static boolean afterALetter(CharSequence text) {
        for (int end = text.length(); end > 0; ) {
            int c = Character.codePointBefore(text, end);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return Character.isLetter(c);
            }
            end -= Character.charCount(c);
        }
        return false;
    }

    /**
     * Whether the word is written in capitals, where an upright stroke is an I: none of its letters is a small one but
     * for upright strokes, and one after its first is a capital ("BILL", not "AI", which shows as "Al").
     */
    private static boolean inCapitals(int[] chars) {
        int[] letters = Arrays.stream(chars).filter(Character::isLetter).toArray();
        boolean capitalAfterFirst = false;
        for (int at = 0; at < letters.length; at++) {
            if (UPRIGHT.contains(letters[at])) {
                continue;
            }
            if (Character.isLowerCase(letters[at])) {
                return false;
            }
            capitalAfterFirst |= at > 0 && Character.isUpperCase(letters[at]);
        }
        return capitalAfterFirst;
    }

    /** Whether the run of {@link #LETTER_DIGITS} the digit at {@code at} is in has a letter just before or after it. */
    private static boolean touchesALetter(int[] chars, int at) {
        int from = at;
        int to = at;
        while (from > 0 && LETTER_DIGITS.contains(chars[from - 1])) {
            from--;
        }
        while (to + 1 < chars.length && LETTER_DIGITS.contains(chars[to + 1])) {
            to++;
        }
        return from > 0 && Character.isLetter(chars[from - 1])
                || to + 1 < chars.length && Character.isLetter(chars[to + 1]);
    }

    /**
     * The word wholly in {@code alphabet}, when each of its letters is in it or looks like one of its letters: in Latin
     * letters as it reads ({@link #reading}). Empty when some letter has no look-alike there or, but for Latin, when it
     * is in it already.
     */
    private static Optional<String> written(String word, UnicodeScript alphabet) {
        if (alphabet == UnicodeScript.LATIN) {
            String latin = reading(word);
            return Scripts.of(latin).equals(Set.of(UnicodeScript.LATIN)) ? Optional.of(latin) : Optional.empty();
        }
        if (Scripts.of(word).equals(Set.of(alphabet))) {
            return Optional.empty();
        }
        StringBuilder written = new StringBuilder(word.length());
        for (int letter : letters(word).codePoints().toArray()) {
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

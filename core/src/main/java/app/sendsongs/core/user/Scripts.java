package app.sendsongs.core.user;

import java.lang.Character.UnicodeScript;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The scripts (alphabets, syllabaries, Han) a piece of a name is written in. */
final class Scripts {
    /**
     * Scripts one word may mix, Unicode Technical Standard #39's "Highly Restrictive" level (section 5.2): Japanese
     * writes Han, Hiragana and Katakana together, Chinese Han with Bopomofo, Korean Han with Hangul, each with Latin.
     */
    private static final List<Set<UnicodeScript>> WRITTEN_TOGETHER = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private Scripts() {
    }

    /**
     * The scripts of the text's letters; characters every script uses (digits, punctuation, apostrophes) and marks
     * that take the script of their letter count for none, as in Unicode Technical Standard #39, section 5.1.
     */
    static Set<UnicodeScript> of(String text) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).mapToObj(UnicodeScript::of)
                .filter(script -> script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED
                        && script != UnicodeScript.UNKNOWN)
                .forEach(scripts::add);
        return scripts;
    }

    /**
     * The first word of a (tidy) name whose letters mix scripts no language writes together: "Bоb" with a Cyrillic о,
     * which shows as "Bob". Mixed-script detection, Unicode Technical Standard #39, section 5.1, word by word.
     */
    static Optional<String> wordMixingScripts(String name) {
        return Arrays.stream(name.split(" ")).filter(word -> {
            Set<UnicodeScript> scripts = of(word);
            return scripts.size() > 1 && WRITTEN_TOGETHER.stream().noneMatch(together -> together.containsAll(scripts));
        }).findFirst();
    }

    /** The scripts of the text's letters, named for a reply: "Latin and Cyrillic". */
    static String named(String text) {
        List<String> names = of(text).stream().map(script -> script.name().charAt(0)
                + script.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ')).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}

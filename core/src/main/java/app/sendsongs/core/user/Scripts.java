package app.sendsongs.core.user;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.Set;

/** The scripts (alphabets, syllabaries, Han) a piece of a name is written in. */
final class Scripts {
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
}

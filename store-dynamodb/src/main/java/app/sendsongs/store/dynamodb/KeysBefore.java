package app.sendsongs.store.dynamodb;

import app.sendsongs.core.user.Names;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name keys items written by earlier versions may still be under. {@link Names#key} was first the name's case and
 * spacing folded only ({@link #caseKey}); then it also left accents out and made every apostrophe the plain one, but
 * kept Hebrew and Arabic vowel marks and every kind of hyphen ({@link #markedKey}). The table keeps no schema version
 * to make them again by; an item takes the key of now when it is written again.
 */
final class KeysBefore {
    private static final String NON_JOINER = "\u200C";
    private static final Pattern ACCENTS = Pattern.compile("(?<=[\\p{IsLatin}\\p{IsGreek}\\p{IsCyrillic}])\\p{Mn}+");
    private static final Map<Integer, String> PLAIN = Map.ofEntries(Map.entry((int) 'ł', "l"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'þ', "th"), Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'œ', "oe"), Map.entry((int) 'ı', "i"), Map.entry((int) 'ς', "σ"),
            Map.entry((int) '‘', "'"), Map.entry((int) '’', "'"), Map.entry((int) '‛', "'"),
            Map.entry((int) 'ʼ', "'"), Map.entry((int) '′', "'"));

    private KeysBefore() {
    }

    /** The key a name had before names compared without accents. */
    static String caseKey(String name) {
        return Names.tidy(name).toLowerCase(Locale.ROOT);
    }

    /** The key a name had after that, before names compared without Hebrew and Arabic vowel marks or hyphens' kinds. */
    static String markedKey(String name) {
        String lower = caseKey(name).replace(NON_JOINER, "");
        if (lower.chars().allMatch(c -> c < 0x80)) {
            return lower;
        }
        String bare = ACCENTS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder key = new StringBuilder(bare.length());
        bare.codePoints().forEach(c -> key.append(PLAIN.getOrDefault(c, Character.toString(c))));
        return Normalizer.normalize(key, Normalizer.Form.NFC);
    }

    /** The keys a name had before it had the key of now, each once, leaving out that one: none for most names. */
    static Set<String> keysBefore(String name) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(markedKey(name));
        keys.add(caseKey(name));
        keys.remove(Names.key(name));
        return keys;
    }

    /**
     * Where people a typed name means may be: its key now, the keys it had before, and the first of those with a
     * phone's apostrophe (’), which a name registered from a phone had while the typed one may have a plain one. Only
     * the first for a plain name.
     */
    static Set<String> nameKeys(String typed) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Names.key(typed));
        keys.add(markedKey(typed));
        String before = caseKey(typed);
        keys.add(before);
        keys.add(before.replace('\'', '’'));
        return keys;
    }
}

package app.sendsongs.store.dynamodb;

import app.sendsongs.core.user.Names;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The name keys items written before names compared without accents and with a plain apostrophe may still be under:
 * {@link Names#key} was then the name's case and spacing folded only. The table keeps no schema version to make them
 * again by; an item takes the new key when it is written again.
 */
final class KeysBefore {
    private KeysBefore() {
    }

    /** The key a name had then. */
    static String nameKey(String name) {
        return Names.tidy(name).toLowerCase(Locale.ROOT);
    }

    /**
     * Where people a typed name means may be: its key now, the key it had then, and that with a phone's apostrophe
     * (’), which a name registered from a phone had while the typed one may have a plain one. Only the first for a
     * plain name.
     */
    static Set<String> nameKeys(String typed) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Names.key(typed));
        String before = nameKey(typed);
        keys.add(before);
        keys.add(before.replace('\'', '’'));
        return keys;
    }
}

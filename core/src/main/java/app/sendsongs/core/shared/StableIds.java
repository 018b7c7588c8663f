package app.sendsongs.core.shared;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids made from names: the same names always give the same id, UUID-shaped like the random ids
 * used elsewhere, so they fit wherever those do (a tap's 64-byte payload, a store key). Used where
 * doing something again must find what the first attempt made ({@link Cause}), and for the notices
 * a share causes once ("played", "expired").
 */
public final class StableIds {
    private StableIds() {
    }

    /** A name-based UUID of the parts, each kept apart from the next (so "a", "bc" is not "ab", "c"). */
    public static String of(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            name.append(part.length()).append(':').append(part).append('\n');
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}

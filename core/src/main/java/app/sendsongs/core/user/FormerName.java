package app.sendsongs.core.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A name a person changed from, and when they had it: from when they took it (or registered under it) until they left
 * it. Only someone who exchanged a song with them meanwhile could know them by it ({@link #heldAt}).
 */
public record FormerName(String name, Instant from, Instant until) {
    public FormerName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /**
     * Whether the person had this name at {@code at}, both ends included: a song exchanged in the very instant of a
     * change of name may have been seen under either.
     */
    public boolean heldAt(Instant at) {
        return !at.isBefore(from) && !at.isAfter(until);
    }

    public String key() {
        return Names.key(name);
    }
}

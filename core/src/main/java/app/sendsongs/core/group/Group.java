package app.sendsongs.core.group;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.Names;
import java.time.Instant;

/**
 * A group of people songs can be sent to together. The person who made it owns it and is always
 * one of its members. A group never changes after it is made (only its members do), so a store
 * may copy its fields wherever it needs them.
 */
public record Group(String id, ChatAddress owner, String name, Instant createdAt) {

    /** The form group names are compared in, the same as people's names: {@link Names#key}. */
    public String nameKey() {
        return Names.key(name);
    }

    public boolean ownedBy(ChatAddress person) {
        return owner.equals(person);
    }
}

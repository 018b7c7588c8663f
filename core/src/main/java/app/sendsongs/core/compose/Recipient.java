package app.sendsongs.core.compose;

import app.sendsongs.core.shared.ChatAddress;
import java.util.Objects;

/**
 * Who a song being shared goes to: a friend, or a group (by its id). {@link #key()} is the stable string form a store
 * keeps, {@code person:<address key>} or {@code group:<group id>}, which {@link #parse} reads back.
 */
public sealed interface Recipient {
    String PERSON = "person:";
    String GROUP = "group:";

    String key();

    record Person(ChatAddress address) implements Recipient {
        public Person {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String key() {
            return PERSON + address.key();
        }
    }

    record Group(String groupId) implements Recipient {
        public Group {
            Objects.requireNonNull(groupId, "groupId");
            if (groupId.isBlank()) {
                throw new IllegalArgumentException("a group id must not be blank");
            }
        }

        @Override
        public String key() {
            return GROUP + groupId;
        }
    }

    static Recipient parse(String key) {
        Objects.requireNonNull(key, "recipient key");
        if (key.startsWith(PERSON)) {
            return new Person(ChatAddress.parse(key.substring(PERSON.length())));
        }
        if (key.startsWith(GROUP)) {
            return new Group(key.substring(GROUP.length()));
        }
        throw new IllegalArgumentException("a recipient key starts with person: or group:");
    }
}

package app.sendsongs.store.dynamodb;

import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.shared.Platform;
import java.util.List;

/**
 * How a person is written in keys and attributes ({@code USER#<person>}, {@code SENT#<person>},
 * {@code senderPsid}, ...). A Messenger address whose id has no ':' is its bare id, the page-scoped
 * id every item held before people had chat addresses, so those items are read and updated as they
 * are, with no rewrite of the table; any other address is its {@link ChatAddress#key()}
 * ({@code telegram:123}, or {@code messenger:<id>} for a Messenger id with a ':'). A bare id never
 * has a ':' and a key always has one, so no two addresses share a person key.
 */
final class PersonKey {
    private PersonKey() {
    }

    static String of(ChatAddress address) {
        boolean bare = address.platform().equals(Platform.MESSENGER) && address.id().indexOf(':') < 0;
        return bare ? address.id() : address.key();
    }

    /** The address a stored person key stands for: without ':' a Messenger id, else a {@link ChatAddress#key()}. */
    static ChatAddress address(String personKey) {
        try {
            return personKey.indexOf(':') < 0 ? ChatAddress.messenger(personKey) : ChatAddress.parse(personKey);
        } catch (IllegalArgumentException e) {
            // the message names the rule broken, never the stored id
            throw new DynamoStoreException("a stored person key is not a chat address: " + e.getMessage(), e);
        }
    }

    static List<String> keys(List<ChatAddress> addresses) {
        return addresses.stream().map(PersonKey::of).toList();
    }

    static List<ChatAddress> addresses(List<String> personKeys) {
        return personKeys.stream().map(PersonKey::address).toList();
    }
}

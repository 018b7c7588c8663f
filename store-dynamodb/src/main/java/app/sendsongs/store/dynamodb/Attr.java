package app.sendsongs.store.dynamodb;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How values are kept in attributes: text as S, instants as N epoch milliseconds, flags as BOOL,
 * lists of text as L (order and empty items kept), people as their {@link PersonKey} in S. An
 * absent attribute is an absent value.
 */
final class Attr {
    private Attr() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue time(Instant value) {
        return n(value.toEpochMilli());
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue list(List<String> items) {
        return AttributeValue.fromL(items.stream().map(Attr::s).toList());
    }

    static AttributeValue person(ChatAddress address) {
        return s(PersonKey.of(address));
    }

    static AttributeValue people(List<ChatAddress> addresses) {
        return list(PersonKey.keys(addresses));
    }

    /** Puts the attribute when the value is not null. */
    static void putIfPresent(Map<String, AttributeValue> item, String name, AttributeValue value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    static AttributeValue sOrNull(String value) {
        return value == null ? null : s(value);
    }

    static AttributeValue timeOrNull(Instant value) {
        return value == null ? null : time(value);
    }

    static String string(Map<String, AttributeValue> item, String name) {
        return required(item, name).s();
    }

    static String stringOrNull(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(stringOrNull(item, name));
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(required(item, name).n());
    }

    static Instant time(Map<String, AttributeValue> item, String name) {
        return Instant.ofEpochMilli(number(item, name));
    }

    static Instant timeOrNull(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? time(item, name) : null;
    }

    static Optional<Instant> optionalTime(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(timeOrNull(item, name));
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        return required(item, name).bool();
    }

    static List<String> list(Map<String, AttributeValue> item, String name) {
        return required(item, name).l().stream().map(AttributeValue::s).toList();
    }

    /** A list of maps, such as the choices of a held message. */
    static List<Map<String, AttributeValue>> maps(Map<String, AttributeValue> item, String name) {
        return required(item, name).l().stream().map(AttributeValue::m).toList();
    }

    static ChatAddress person(Map<String, AttributeValue> item, String name) {
        return PersonKey.address(string(item, name));
    }

    static List<ChatAddress> people(Map<String, AttributeValue> item, String name) {
        return PersonKey.addresses(list(item, name));
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            String type = Attr.stringOrNull(item, TableLayout.TYPE);
            throw new DynamoStoreException((type == null ? "a stored value" : "a stored " + type + " item")
                    + " has no attribute " + name);
        }
        return value;
    }
}

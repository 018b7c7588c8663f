package app.sendsongs.store.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The text of a condition, key condition or update expression with its {@code #name} and
 * {@code :value} placeholders. Attribute names always go through placeholders, so reserved words
 * ({@code name}, {@code status}, {@code text}, ...) need no special care.
 */
record Expression(String text, Map<String, String> names, Map<String, AttributeValue> values) {

    Expression {
        names = Map.copyOf(names);
        values = Map.copyOf(values);
    }

    /** {@code #attribute}, registering the name. */
    static String name(String attribute, Map<String, String> names) {
        names.put("#" + attribute, attribute);
        return "#" + attribute;
    }

    /** Both expressions' placeholders; one placeholder standing for two different values is a programming error. */
    static Map<String, AttributeValue> mergedValues(Expression a, Expression b) {
        Map<String, AttributeValue> values = new HashMap<>(a.values());
        b.values().forEach((placeholder, value) -> {
            AttributeValue earlier = values.putIfAbsent(placeholder, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new IllegalStateException("placeholder " + placeholder + " used for two values");
            }
        });
        return values;
    }

    static Map<String, String> mergedNames(Expression a, Expression b) {
        Map<String, String> names = new HashMap<>(a.names());
        names.putAll(b.names());
        return names;
    }
}

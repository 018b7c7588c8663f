package app.sendsongs.store.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An update expression: attributes to set, to remove and to add to. */
final class Update {
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    Update set(String attribute, AttributeValue value) {
        String placeholder = ":set_" + attribute;
        sets.add(Expression.name(attribute, names) + " = " + placeholder);
        values.put(placeholder, value);
        return this;
    }

    /** Sets every attribute of {@code attributes}. */
    Update setAll(Map<String, AttributeValue> attributes) {
        attributes.forEach(this::set);
        return this;
    }

    /** Sets the attribute when a value is given, removes it otherwise. */
    Update setOrRemove(String attribute, Optional<AttributeValue> value) {
        return value.map(v -> set(attribute, v)).orElseGet(() -> remove(attribute));
    }

    Update remove(String attribute) {
        removes.add(Expression.name(attribute, names));
        return this;
    }

    /** Adds {@code amount} to a number attribute (an absent one counts as 0). */
    Update add(String attribute, long amount) {
        String placeholder = ":add_" + attribute;
        adds.add(Expression.name(attribute, names) + " " + placeholder);
        values.put(placeholder, Attr.n(amount));
        return this;
    }

    Expression expression() {
        StringBuilder text = new StringBuilder();
        clause(text, "SET", sets);
        clause(text, "REMOVE", removes);
        clause(text, "ADD", adds);
        return new Expression(text.toString(), names, values);
    }

    private static void clause(StringBuilder text, String keyword, List<String> parts) {
        if (!parts.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(keyword).append(' ').append(String.join(", ", parts));
        }
    }
}

package app.sendsongs.store.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A condition (or key condition) on an item's attributes, built from a few comparisons joined with AND. */
final class Condition {
    private final Expression expression;

    private Condition(Expression expression) {
        this.expression = expression;
    }

    static Condition attributeNotExists(String attribute) {
        return function("attribute_not_exists", attribute);
    }

    static Condition attributeExists(String attribute) {
        return function("attribute_exists", attribute);
    }

    static Condition equalTo(String attribute, AttributeValue value) {
        return comparison(attribute, "=", "eq", value);
    }

    static Condition atMost(String attribute, AttributeValue value) {
        return comparison(attribute, "<=", "le", value);
    }

    static Condition atLeast(String attribute, AttributeValue value) {
        return comparison(attribute, ">=", "ge", value);
    }

    static Condition lessThan(String attribute, AttributeValue value) {
        return comparison(attribute, "<", "lt", value);
    }

    static Condition beginsWith(String attribute, AttributeValue prefix) {
        Map<String, String> names = new HashMap<>();
        String placeholder = ":bw_" + attribute;
        String text = "begins_with(" + Expression.name(attribute, names) + ", " + placeholder + ")";
        return new Condition(new Expression(text, names, Map.of(placeholder, prefix)));
    }

    Condition and(Condition other) {
        Expression a = expression;
        Expression b = other.expression;
        return new Condition(new Expression(a.text() + " AND " + b.text(), Expression.mergedNames(a, b),
                Expression.mergedValues(a, b)));
    }

    /** Either condition; the two must not use the same comparison on the same attribute. */
    Condition or(Condition other) {
        Expression a = expression;
        Expression b = other.expression;
        return new Condition(new Expression("(" + a.text() + " OR " + b.text() + ")", Expression.mergedNames(a, b),
                Expression.mergedValues(a, b)));
    }

    Expression expression() {
        return expression;
    }

    private static Condition function(String function, String attribute) {
        Map<String, String> names = new HashMap<>();
        return new Condition(new Expression(function + "(" + Expression.name(attribute, names) + ")", names, Map.of()));
    }

    private static Condition comparison(String attribute, String operator, String tag, AttributeValue value) {
        Map<String, String> names = new HashMap<>();
        String placeholder = ":" + tag + "_" + attribute;
        return new Condition(new Expression(Expression.name(attribute, names) + " " + operator + " " + placeholder,
                names, Map.of(placeholder, value)));
    }

    @Override
    public String toString() {
        return expression.text();
    }
}

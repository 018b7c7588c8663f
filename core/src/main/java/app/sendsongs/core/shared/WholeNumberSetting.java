package app.sendsongs.core.shared;

import java.util.List;
import java.util.Map;

/**
 * A whole number an operator may set through a variable (of the server's environment, of a Lambda function's), read
 * the same way wherever it is read: unset or blank, its default; otherwise a whole number from {@code min} to
 * {@code max}, or a problem that names the variable and the range. A pure string parser, so every runtime shares it
 * without the core knowing where the values come from.
 *
 * @param name     the variable's name, as operators set it
 * @param fallback the value when it is not set
 */
public record WholeNumberSetting(String name, int fallback, int min, int max) {
    /** The largest any of them may be: more than any sensible limit, and a TCP port. */
    public static final int MOST = 65_535;

    public WholeNumberSetting {
        if (min > max || fallback < min || fallback > max) {
            throw new IllegalArgumentException(name + ": the default " + fallback + " is outside " + min + " to "
                    + max);
        }
    }

    /** From 1 to {@link #MOST}. */
    public static WholeNumberSetting positive(String name, int fallback) {
        return new WholeNumberSetting(name, fallback, 1, MOST);
    }

    /** The value in {@code values}, or the default when it is unset or wrong; a wrong one adds its problem. */
    public int read(Map<String, String> values, List<String> problems) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below, as a number out of range is
        }
        problems.add(problem());
        return fallback;
    }

    /** What an operator is told about a value that is no whole number in range. */
    public String problem() {
        return name + " must be a whole number from " + min + " to " + max;
    }
}

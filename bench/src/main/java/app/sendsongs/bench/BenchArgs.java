package app.sendsongs.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A benchmark's {@code --name value} or {@code --name=value} options, read against the names it knows. */
public final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();

    private BenchArgs() {
    }

    /** @throws IllegalArgumentException for an unknown option or one without a value */
    public static BenchArgs parse(String[] args, Set<String> known) {
        BenchArgs parsed = new BenchArgs();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            parsed.values.put(name, value);
        }
        return parsed;
    }

    public int integer(String name, int fallback) {
        return (int) number(name, fallback);
    }

    public long number(String name, long fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    public double fraction(String name, double fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not " + value);
        }
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}

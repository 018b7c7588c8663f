package app.sendsongs.lambda;

import app.sendsongs.metrics.Meters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The functions' metrics as CloudWatch Embedded Metric Format lines in their logs: CloudWatch Logs turns each
 * line into metrics, with no call to CloudWatch from the function (format:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 *
 * <p>Measurements are gathered during an invocation and written by {@link #flush} at its end, one line per set of
 * tags: the namespace {@value #NAMESPACE}, the dimensions {@code Function} and the tags (capitalised), each metric
 * named in CamelCase ({@code send_songs.listen.checks.lag} is {@code ListenChecksLag}). A counter is its sum
 * ({@code Count}); a timer is its values in milliseconds (at most {@value #MAX_VALUES} a line, as the format
 * allows); a gauge is its last value.
 */
final class EmbeddedMetrics implements Meters {
    static final String NAMESPACE = "SendSongs";
    static final int MAX_VALUES = 100;
    private static final String PREFIX = "send_songs.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The unit of a gauge. */
    enum Unit {
        COUNT("Count"), SECONDS("Seconds");

        private final String name;

        Unit(String name) {
            this.name = name;
        }
    }

    private record Metric(String unit, List<Double> values, boolean summed) {
    }

    /** Tags (sorted) to metric name to what was measured; one invocation at a time, but kept safe anyway. */
    private final Map<Map<String, String>, Map<String, Metric>> measured = new LinkedHashMap<>();

    @Override
    public synchronized void count(String name, Map<String, String> tags, double amount) {
        Metric metric = metricsOf(tags).computeIfAbsent(name, n -> new Metric("Count", new ArrayList<>(), true));
        if (metric.values().isEmpty()) {
            metric.values().add(amount);
        } else {
            metric.values().set(0, metric.values().getFirst() + amount);
        }
    }

    @Override
    public synchronized void time(String name, Map<String, String> tags, Duration took) {
        metricsOf(tags).computeIfAbsent(name, n -> new Metric("Milliseconds", new ArrayList<>(), false)).values()
                .add(took.toNanos() / 1e6);
    }

    /** Sets the gauge {@code name} (its last value is written). */
    synchronized void gauge(String name, Map<String, String> tags, double value, Unit unit) {
        metricsOf(tags).put(name, new Metric(unit.name, new ArrayList<>(List.of(value)), true));
    }

    /**
     * Writes everything measured since the last flush as EMF lines of {@code function} (the dimension
     * {@code Function}), stamped {@code at}, and forgets it.
     */
    synchronized void flush(Instant at, String function, Consumer<String> lines) {
        measured.forEach((tags, metrics) -> {
            for (int from = 0; ; from += MAX_VALUES) {
                ObjectNode line = line(at, function, tags, metrics, from);
                if (line == null) {
                    break;
                }
                lines.accept(line.toString());
            }
        });
        measured.clear();
    }

    /** The line with the values from index {@code from} of each metric; null when no metric has any left. */
    private static ObjectNode line(Instant at, String function, Map<String, String> tags, Map<String, Metric> metrics,
                                   int from) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions").addArray();
        dimensions.add("Function");
        root.put("Function", function);
        tags.forEach((key, value) -> {
            dimensions.add(capitalised(key));
            root.put(capitalised(key), value);
        });
        ArrayNode definitions = directive.putArray("Metrics");
        boolean any = false;
        for (Map.Entry<String, Metric> entry : metrics.entrySet()) {
            Metric metric = entry.getValue();
            if (from >= metric.values().size()) {
                continue;
            }
            any = true;
            String name = metricName(entry.getKey());
            definitions.addObject().put("Name", name).put("Unit", metric.unit());
            List<Double> values = metric.values().subList(from, Math.min(metric.values().size(), from + MAX_VALUES));
            if (metric.summed()) {
                root.put(name, values.getFirst());
            } else {
                ArrayNode array = root.putArray(name);
                values.forEach(array::add);
            }
        }
        return any ? root : null;
    }

    /** The function's name as Lambda gives it ({@code send-songs-tick}), or {@code fallback} without a context. */
    static String functionName(com.amazonaws.services.lambda.runtime.Context context, String fallback) {
        return context == null || context.getFunctionName() == null ? fallback : context.getFunctionName();
    }

    private Map<String, Metric> metricsOf(Map<String, String> tags) {
        return measured.computeIfAbsent(new TreeMap<>(tags), t -> new LinkedHashMap<>());
    }

    /** {@code send_songs.listen.checks.lag} → {@code ListenChecksLag}. */
    static String metricName(String name) {
        String bare = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        StringBuilder out = new StringBuilder();
        for (String part : bare.split("[._]")) {
            out.append(capitalised(part));
        }
        return out.toString();
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}

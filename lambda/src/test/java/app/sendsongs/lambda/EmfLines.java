package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embedded Metric Format lines read back as CloudWatch reads them, each checked against the format's rules
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * an {@code _aws} object with an integer {@code Timestamp} and a list of {@code CloudWatchMetrics} directives, each
 * with a {@code Namespace}, {@code Dimensions} (sets of at most 30 member names, each a top-level string member)
 * and {@code Metrics} (a {@code Name} and a {@code Unit} of CloudWatch's list, each a top-level number or array
 * of at most 100 numbers).
 */
final class EmfLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");

    /** One metric value as CloudWatch would record it: its name, dimensions and values. */
    record Datum(String namespace, String name, String unit, Map<String, String> dimensions, List<Double> values) {
        double sum() {
            return values.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private EmfLines() {
    }

    /** Every datum of the lines, each line checked against the format first. */
    static List<Datum> read(List<String> lines) {
        List<Datum> data = new ArrayList<>();
        for (String line : lines) {
            JsonNode root = parse(line);
            JsonNode aws = root.path("_aws");
            assertThat(aws.path("Timestamp").isIntegralNumber()).as("Timestamp of %s", line).isTrue();
            assertThat(aws.path("CloudWatchMetrics").isArray()).as(line).isTrue();
            for (JsonNode directive : aws.path("CloudWatchMetrics")) {
                String namespace = directive.path("Namespace").asText();
                assertThat(namespace).as(line).isNotBlank().hasSizeLessThanOrEqualTo(255);
                Map<String, String> dimensions = new java.util.TreeMap<>();
                for (JsonNode set : directive.path("Dimensions")) {
                    assertThat(set.size()).as(line).isBetween(0, 30);
                    for (JsonNode member : set) {
                        assertThat(root.path(member.asText()).isTextual())
                                .as("dimension %s is a string member of %s", member.asText(), line).isTrue();
                        dimensions.put(member.asText(), root.path(member.asText()).asText());
                    }
                }
                Set<String> names = new HashSet<>();
                for (JsonNode metric : directive.path("Metrics")) {
                    String name = metric.path("Name").asText();
                    assertThat(names.add(name)).as("%s once in %s", name, line).isTrue();
                    assertThat(UNITS).as("unit of %s", name).contains(metric.path("Unit").asText());
                    JsonNode value = root.path(name);
                    List<Double> values = new ArrayList<>();
                    if (value.isArray()) {
                        assertThat(value.size()).as("values of %s", name).isBetween(1, 100);
                        value.forEach(v -> values.add(v.asDouble()));
                    } else {
                        assertThat(value.isNumber()).as("%s is a number member of %s", name, line).isTrue();
                        values.add(value.asDouble());
                    }
                    data.add(new Datum(namespace, name, metric.path("Unit").asText(), dimensions, values));
                }
            }
        }
        return data;
    }

    /** The sum of the values of {@code name} whose dimensions include {@code dimensions}. */
    static double sum(List<Datum> data, String name, Map<String, String> dimensions) {
        return data.stream().filter(d -> d.name().equals(name))
                .filter(d -> d.dimensions().entrySet().containsAll(dimensions.entrySet()))
                .mapToDouble(Datum::sum).sum();
    }

    private static JsonNode parse(String line) {
        try {
            assertThat(line).as("one line").doesNotContain("\n");
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }
}

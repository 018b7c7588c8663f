package app.sendsongs.lambda;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Terraform configuration as parsed HCL (hcl4j): every {@code *.tf} file of a directory merged into one tree.
 * References stay as text ({@code aws_dynamodb_table.main.arn}; an interpolation {@code "${x.arn}/index/due"}
 * reads {@code x.arn/index/due}); the configuration avoids the constructs hcl4j reads loosely (index
 * expressions, {@code for_each}, conditionals) where this test looks, and {@link #jsonencoded} reads what hcl4j makes
 * of a {@code jsonencode} of a map.
 */
final class TerraformConfig {
    private final Map<String, Object> root;

    private TerraformConfig(Map<String, Object> root) {
        this.root = root;
    }

    static Path directory() {
        return Path.of(System.getProperty("terraform.dir", "../deploy/terraform"));
    }

    static TerraformConfig load(Path directory) {
        Map<String, Object> root = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                merge(root, normalize(parse(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TerraformConfig(root);
    }

    /** hcl4j prints progress of some expressions to standard output; keep the test output readable. */
    private static Map<String, Object> parse(Path file) throws IOException {
        PrintStream out = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return new HCLParser().parse(file.toFile(), "UTF-8");
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        } finally {
            System.setOut(out);
        }
    }

    /** Maps, lists, strings, numbers and booleans only: hcl4j's reference objects become their text. */
    @SuppressWarnings("unchecked")
    private static <T> T normalize(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), normalize(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(TerraformConfig::normalize).toList();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return (T) String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            Object existing = into.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                merge((Map<String, Object>) a, (Map<String, Object>) b);
            } else if (existing != null) {
                throw new IllegalStateException("declared twice: " + key);
            } else {
                into.put(key, value);
            }
        });
    }

    /** Every resource of a type, by name. */
    Map<String, Map<String, Object>> resources(String type) {
        return named(map(root.get("resource")).get(type));
    }

    /** One resource by its address, e.g. {@code aws_iam_role.webhook}. */
    Map<String, Object> resource(String address) {
        String[] parts = address.split("\\.");
        Map<String, Object> resource = resources(parts[0]).get(parts[1]);
        if (resource == null) {
            throw new AssertionError("no resource " + address);
        }
        return resource;
    }

    Map<String, Map<String, Object>> data(String type) {
        return named(map(root.get("data")).get(type));
    }

    Map<String, Object> section(String name) {
        return map(root.get(name));
    }

    /** A block that may appear once (a map) or several times (a list of maps), as a list. */
    static List<Map<String, Object>> blocks(Object value) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (value instanceof Map<?, ?>) {
            blocks.add(map(value));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> blocks.add(map(item)));
        }
        return blocks;
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * The map a {@code jsonencode({...})} stands for. hcl4j gives it as JSON text in which a reference is an object
     * naming it ({@code "name": "aws_sqs_queue.x.arn"}); here a reference is its text, as everywhere else.
     */
    static Map<String, Object> jsonencoded(Object value) {
        try {
            return map(plain(new ObjectMapper().readTree(String.valueOf(value))));
        } catch (IOException e) {
            throw new AssertionError("not what hcl4j makes of a jsonencode: " + value, e);
        }
    }

    private static Object plain(JsonNode node) {
        if (node.isObject() && node.has("symbolName")) {
            return node.path("name").asText();
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        return node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.asText();
    }

    /** The resource address a reference points into: {@code aws_iam_role.webhook.arn} gives {@code aws_iam_role.webhook}. */
    static Optional<String> address(Object reference, String type, String attribute) {
        String text = String.valueOf(reference);
        String prefix = type + ".";
        String suffix = "." + attribute;
        if (!text.startsWith(prefix) || !text.endsWith(suffix)) {
            return Optional.empty();
        }
        String name = text.substring(prefix.length(), text.length() - suffix.length());
        return name.contains(".") ? Optional.empty() : Optional.of(type + "." + name);
    }

    private static Map<String, Map<String, Object>> named(Object value) {
        Map<String, Map<String, Object>> named = new LinkedHashMap<>();
        map(value).forEach((name, body) -> named.put(name, map(body)));
        return named;
    }
}

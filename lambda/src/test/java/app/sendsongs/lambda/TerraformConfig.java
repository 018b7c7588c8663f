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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Terraform configuration as parsed HCL (hcl4j): every {@code *.tf} file of a directory merged into one tree.
 * References stay as text ({@code aws_dynamodb_table.main.arn}; an interpolation {@code "${x.arn}/index/due"}
 * reads {@code x.arn/index/due}); the configuration avoids the constructs hcl4j reads loosely (function calls,
 * conditionals) where this test looks, and {@link #jsonencoded} reads what hcl4j makes of a {@code jsonencode} of a
 * map.
 *
 * <p>A block with a {@code for_each} over a map (written in place or a local) stands here as one block an entry, named
 * by its key after the block's name: {@code resource "aws_iam_role" "function"} over the functions gives
 * {@code aws_iam_role.function.tick} and the others, with {@code each.key} and {@code each.value.…} filled in. A
 * reference to such an instance, {@code aws_iam_role.function["tick"].arn} (or {@code [each.key]} inside it), reads
 * {@code aws_iam_role.function.tick.arn}.
 */
final class TerraformConfig {
    /** An index by a quoted key; hcl4j would lose the key, so it is written as an attribute before parsing. */
    private static final Pattern STRING_INDEX = Pattern.compile("(?<=[\\w\\]])\\[\\s*\"(\\w+)\"\\s*]");
    private static final Pattern EACH_VALUE = Pattern.compile("each\\.value((?:\\.\\w+)*)");

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
        Map<String, Object> locals = map(root.get("locals"));
        for (String kind : List.of("resource", "data")) {
            map(root.get(kind)).values().forEach(blocks -> expandInstances(map(blocks), locals));
        }
        return new TerraformConfig(root);
    }

    /** hcl4j prints progress of some expressions to standard output; keep the test output readable. */
    private static Map<String, Object> parse(Path file) throws IOException {
        String text = STRING_INDEX.matcher(Files.readString(file)).replaceAll(".$1");
        PrintStream out = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return new HCLParser().parse(text);
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

    /** Each block of a type with a {@code for_each} becomes its instances, {@code name.key}, in its place. */
    private static void expandInstances(Map<String, Object> blocks, Map<String, Object> locals) {
        for (String name : List.copyOf(blocks.keySet())) {
            Map<String, Object> body = map(blocks.get(name));
            if (!body.containsKey("for_each")) {
                continue;
            }
            Object forEach = body.get("for_each");
            if (forEach instanceof String local && local.startsWith("local.")) {
                forEach = locals.get(local.substring("local.".length()));
            }
            if (!(forEach instanceof Map<?, ?>)) {
                throw new IllegalStateException(name + ": for_each must be a map or a local holding one, not "
                        + body.get("for_each"));
            }
            blocks.remove(name);
            map(forEach).forEach((key, value) -> {
                Map<String, Object> instance = new LinkedHashMap<>(body);
                instance.remove("for_each");
                blocks.put(name + "." + key, fill(instance, key, value));
            });
        }
    }

    /** The block with {@code each.key} and {@code each.value.…} replaced by the instance's key and value. */
    @SuppressWarnings("unchecked")
    private static <T> T fill(T node, String key, Object value) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> filled = new LinkedHashMap<>();
            map.forEach((name, item) -> filled.put(String.valueOf(name), fill(item, key, value)));
            return (T) filled;
        }
        if (node instanceof List<?> list) {
            return (T) list.stream().map(item -> fill(item, key, value)).toList();
        }
        if (!(node instanceof String text)) {
            return node;
        }
        Matcher whole = EACH_VALUE.matcher(text);
        if (whole.matches()) {
            return (T) member(value, whole.group(1));
        }
        return (T) EACH_VALUE.matcher(text.replace("each.key", key))
                .replaceAll(part -> Matcher.quoteReplacement(String.valueOf(member(value, part.group(1)))));
    }

    /** {@code path} ({@code .a.b}, or empty for the value itself) in an instance's value. */
    private static Object member(Object value, String path) {
        Object member = value;
        for (String name : path.isEmpty() ? new String[0] : path.substring(1).split("\\.")) {
            if (!map(member).containsKey(name)) {
                throw new IllegalStateException("each.value" + path + ": no " + name + " in " + value);
            }
            member = map(member).get(name);
        }
        return member;
    }

    /** Every resource of a type, by name ({@code name.key} for the instances of a {@code for_each}). */
    Map<String, Map<String, Object>> resources(String type) {
        return named(map(root.get("resource")).get(type));
    }

    /** One resource by its address, e.g. {@code aws_sqs_queue.inbound} or {@code aws_iam_role.function.tick}. */
    Map<String, Object> resource(String address) {
        String[] parts = address.split("\\.", 2);
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

    /** The top-level blocks of a kind that has no labels, e.g. every {@code moved} block. */
    List<Map<String, Object>> unlabelled(String kind) {
        return blocks(root.get(kind));
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

    /**
     * The resource address a reference points into: {@code aws_sqs_queue.inbound.arn} gives
     * {@code aws_sqs_queue.inbound}, and {@code aws_iam_role.function.tick.arn} the instance
     * {@code aws_iam_role.function.tick}.
     */
    static Optional<String> address(Object reference, String type, String attribute) {
        String text = String.valueOf(reference);
        String prefix = type + ".";
        String suffix = "." + attribute;
        if (!text.startsWith(prefix) || !text.endsWith(suffix)) {
            return Optional.empty();
        }
        String name = text.substring(prefix.length(), text.length() - suffix.length());
        return name.chars().filter(c -> c == '.').count() > 1 ? Optional.empty() : Optional.of(type + "." + name);
    }

    private static Map<String, Map<String, Object>> named(Object value) {
        Map<String, Map<String, Object>> named = new LinkedHashMap<>();
        map(value).forEach((name, body) -> named.put(name, map(body)));
        return named;
    }
}

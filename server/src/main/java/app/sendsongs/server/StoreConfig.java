package app.sendsongs.server;

import java.net.URI;
import java.net.URISyntaxException;
import app.sendsongs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where the server keeps its data: {@code STORE=sqlite} (the default, one file) or {@code STORE=dynamodb}. */
public sealed interface StoreConfig {

    /**
     * The store in one SQLite file. A file written by an older version is upgraded once no other process has it
     * open; {@code upgradeWait} is how long the start waits for that (a nightly backup reading it) before it refuses.
     */
    record Sqlite(Path path, Duration upgradeWait) implements StoreConfig {
        /** How long a start waits by default for the file of an older version to be free. */
        static final Duration UPGRADE_WAIT = SqliteStores.UPGRADE_PATIENCE;
        private static final int LONGEST_UPGRADE_WAIT_SECONDS = 3_600;

        Sqlite(Path path) {
            this(path, UPGRADE_WAIT);
        }
    }

    /**
     * The store in a DynamoDB table, which several servers can share. {@code endpoint} is for a
     * local DynamoDB-compatible server; {@code keys}, when given, are the AWS credentials, else the
     * SDK's default chain finds them (instance or task role, profile, environment).
     */
    record DynamoDb(String table, String region, Optional<URI> endpoint, Optional<AwsKeys> keys, boolean createTable)
            implements StoreConfig {
        @Override
        public String toString() {
            return "DynamoDb[table=" + table + ", region=" + region + ", endpoint=" + endpoint.map(URI::toString)
                    .orElse("AWS") + ", credentials=" + (keys.isPresent() ? "<from configuration>" : "default chain")
                    + ", createTable=" + createTable + "]";
        }
    }

    /** AWS credentials given in the configuration (environment or {@code --env-file}). */
    record AwsKeys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
        @Override
        public String toString() {
            return "AwsKeys[<redacted>]";
        }
    }

    /** Reads {@code STORE} and the variables of the chosen store; adds a line to {@code problems} per mistake. */
    static StoreConfig from(Map<String, String> values, List<String> problems) {
        String kind = value(values, "STORE").orElse("sqlite").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "sqlite" -> new Sqlite(Path.of(value(values, "SQLITE_PATH").orElse("send-songs.db")),
                    upgradeWait(values, problems));
            case "dynamodb" -> dynamoDb(values, problems);
            default -> {
                problems.add("STORE must be sqlite or dynamodb, not " + kind);
                yield new Sqlite(Path.of("send-songs.db"));
            }
        };
    }

    private static Duration upgradeWait(Map<String, String> values, List<String> problems) {
        Optional<String> text = value(values, "SQLITE_UPGRADE_WAIT_SECONDS");
        if (text.isEmpty()) {
            return Sqlite.UPGRADE_WAIT;
        }
        try {
            int seconds = Integer.parseInt(text.get());
            if (seconds >= 0 && seconds <= Sqlite.LONGEST_UPGRADE_WAIT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("SQLITE_UPGRADE_WAIT_SECONDS must be a whole number from 0 to "
                + Sqlite.LONGEST_UPGRADE_WAIT_SECONDS);
        return Sqlite.UPGRADE_WAIT;
    }

    private static DynamoDb dynamoDb(Map<String, String> values, List<String> problems) {
        Optional<String> table = value(values, "DYNAMODB_TABLE");
        Optional<String> region = value(values, "AWS_REGION");
        if (table.isEmpty()) {
            problems.add("DYNAMODB_TABLE is not set (needed with STORE=dynamodb)");
        }
        if (region.isEmpty()) {
            problems.add("AWS_REGION is not set (needed with STORE=dynamodb)");
        }
        Optional<URI> endpoint = value(values, "DYNAMODB_ENDPOINT").flatMap(text -> endpoint(text, problems));
        Optional<String> accessKey = value(values, "AWS_ACCESS_KEY_ID");
        Optional<String> secretKey = value(values, "AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            problems.add("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both or neither");
        }
        Optional<AwsKeys> keys = accessKey.flatMap(id -> secretKey.map(secret -> new AwsKeys(id, secret,
                value(values, "AWS_SESSION_TOKEN"))));
        String create = value(values, "DYNAMODB_CREATE_TABLE").orElse("false").toLowerCase(Locale.ROOT);
        if (!create.equals("true") && !create.equals("false")) {
            problems.add("DYNAMODB_CREATE_TABLE must be true or false");
        }
        return new DynamoDb(table.orElse(""), region.orElse(""), endpoint, keys, create.equals("true"));
    }

    private static Optional<URI> endpoint(String text, List<String> problems) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add("DYNAMODB_ENDPOINT must be an http:// or https:// URL such as http://localhost:8000");
        return Optional.empty();
    }

    private static Optional<String> value(Map<String, String> values, String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}

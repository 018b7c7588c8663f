package app.sendsongs.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The settings of a command that uses the store: an env file, the environment, then flags; the SQLite file, for every
 * such command.
 */
class DatabaseSettings {
    @Option(names = "--sqlite-path", description = "SQLite database file (SQLITE_PATH).")
    Path sqlitePath;

    @Option(names = "--env-file", description = "A file of KEY=VALUE lines read before the environment "
            + "(the environment and flags win). Keeps secrets off the command line.")
    Path envFile;

    Map<String, String> values() {
        Map<String, String> values = EnvFile.thenEnvironment(envFile);
        values.putAll(flags());
        return values;
    }

    /** The flags given, as the variables they override. */
    Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (sqlitePath != null) {
            flags.put("SQLITE_PATH", sqlitePath.toString());
        }
        return flags;
    }

    /**
     * The settings ({@link #values()}), with the log switched to the format they name.
     *
     * @throws IllegalArgumentException when LOG_FORMAT names no format
     */
    Map<String, String> settings() {
        Map<String, String> values = values();
        Logging.configure(values.get(Logging.VARIABLE));
        return values;
    }

    /** What {@code read} makes of the {@link #settings()}; empty, with why said, when either refuses them. */
    <T> Optional<T> fromSettings(Function<Map<String, String>, T> read) {
        try {
            return Optional.of(read.apply(settings()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The SQLite file the settings name; empty (with the reason printed: {@code onDynamoDb} when they name a
     * DynamoDB table) when they name none.
     */
    Optional<Path> sqliteFile(String onDynamoDb) {
        return fromSettings(settings -> sqliteFile(settings, onDynamoDb)).flatMap(Function.identity());
    }

    /** As {@link #sqliteFile(String)}, of settings already read. */
    static Optional<Path> sqliteFile(Map<String, String> settings, String onDynamoDb) {
        List<String> problems = new ArrayList<>();
        try {
            StoreConfig store = StoreConfig.from(settings, problems);
            if (problems.isEmpty() && store instanceof StoreConfig.Sqlite sqlite) {
                return Optional.of(sqlite.path());
            }
            if (problems.isEmpty()) {
                problems.add(onDynamoDb);
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        System.err.println(String.join("\n", problems));
        return Optional.empty();
    }
}

package app.sendsongs.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The settings of a command that needs no database: an env file, then the environment. */
class EnvironmentSettings {
    @Option(names = "--env-file", description = "A file of KEY=VALUE lines read before the environment "
            + "(the environment wins).")
    Path envFile;

    Map<String, String> values() throws IOException {
        Map<String, String> values = new HashMap<>(envFile == null ? Map.of() : EnvFile.read(envFile));
        values.putAll(System.getenv());
        return values;
    }
}

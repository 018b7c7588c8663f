package app.sendsongs.server;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The settings of a command that needs no database: an env file, then the environment. */
class EnvironmentSettings {
    @Option(names = "--env-file", description = "A file of KEY=VALUE lines read before the environment "
            + "(the environment wins).")
    Path envFile;

    Map<String, String> values() {
        return EnvFile.thenEnvironment(envFile);
    }
}

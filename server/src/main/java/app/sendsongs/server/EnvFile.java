package app.sendsongs.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** KEY=VALUE lines; blank lines and # comments ignored. */
final class EnvFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvFile() {
    }

    /** An env file that cannot be read: a configuration error, said in one line (exit code 2). */
    static final class Unreadable extends IllegalArgumentException {
        Unreadable(Path file, IOException cause) {
            super("cannot read the env file " + file + ": " + reason(cause), cause);
        }

        static String reason(IOException cause) {
            return switch (cause) {
                case NoSuchFileException missing -> "there is no such file";
                case AccessDeniedException denied -> "permission denied (it is read as the user the command "
                        + "runs as)";
                default -> String.valueOf(cause.getMessage());
            };
        }
    }

    /**
     * The settings every command reads first: the file's (none without one), with the environment's over them.
     *
     * @throws Unreadable when the file cannot be read
     */
    static Map<String, String> thenEnvironment(Path fileOrNull) {
        Map<String, String> values = new HashMap<>(fileOrNull == null ? Map.of() : read(fileOrNull));
        values.putAll(System.getenv());
        return values;
    }

    /** @throws Unreadable when the file cannot be read */
    static Map<String, String> read(Path file) {
        Map<String, String> values = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new Unreadable(file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            // A byte order mark (Notepad's UTF-8) is no part of the first setting's name.
            String trimmed = (i == 0 ? lines.get(i).replaceFirst("^\\uFEFF", "") : lines.get(i)).strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            String name = eq < 0 ? "" : trimmed.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                // Never the line itself: it may hold a secret.
                System.err.println("Warning: line " + (i + 1) + " of the env file " + file + " is not KEY=VALUE "
                        + "(a name of letters, digits and _, then =): it is ignored");
                continue;
            }
            if (!ServerConfig.isRead(name)) {
                // The name only: the value may be a secret.
                System.err.println("Warning: line " + (i + 1) + " of the env file " + file + " sets " + name
                        + ", which no setting reads: it is ignored" + ServerConfig.meant(name)
                        .map(meant -> " (did you mean " + meant + "?)").orElse(""));
            }
            values.put(name, trimmed.substring(eq + 1).strip());
        }
        return values;
    }
}

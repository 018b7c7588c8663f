package app.sendsongs.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who owns the database's files, for an operator who works as root and runs the server as its own user. A file root
 * made (a restore, a first start) that the server's user cannot write shows otherwise only as SQLite's "attempt to
 * write a readonly database": here it is refused by name, with its owner and the command that fixes it.
 */
final class FileOwners {
    private FileOwners() {
    }

    /**
     * Refuses a database whose folder (where SQLite makes the {@code -wal} and {@code -shm}), file, {@code -wal} or
     * {@code -shm} the user this runs as cannot write because another user owns it.
     *
     * @throws SqliteFileOwnerException naming each such file, its owner, and the {@code chown} that fixes it
     */
    static void requireWritable(Path database) {
        notWritable(database).ifPresent(line -> {
            throw new SqliteFileOwnerException(line);
        });
    }

    /** What {@link #requireWritable} refuses, in one line; empty when it refuses nothing. */
    static Optional<String> notWritable(Path database) {
        String user = System.getProperty("user.name");
        Map<Path, String> others = new LinkedHashMap<>();
        for (Path path : writtenFor(database.toAbsolutePath())) {
            if (Files.exists(path) && !Files.isWritable(path)) {
                owner(path).filter(owner -> !owner.equals(user)).ifPresent(owner -> others.put(path, owner));
            }
        }
        if (others.isEmpty()) {
            return Optional.empty();
        }
        boolean one = others.size() == 1;
        return Optional.of("cannot write to " + others.keySet().stream().map(FileOwners::named)
                .collect(Collectors.joining(", ")) + ": " + (one ? "it belongs" : "they belong") + " to "
                + String.join(" and ", new LinkedHashSet<>(others.values())) + " and this runs as " + user + "; give "
                + (one ? "it" : "them") + " to " + user + ": chown " + user + ": " + others.keySet().stream()
                .map(Path::toString).collect(Collectors.joining(" ")));
    }

    /** The paths SQLite writes for a database in WAL mode. */
    private static List<Path> writtenFor(Path file) {
        List<Path> paths = new ArrayList<>();
        if (file.getParent() != null) {
            paths.add(file.getParent());
        }
        paths.add(file);
        paths.add(file.resolveSibling(file.getFileName() + "-wal"));
        paths.add(file.resolveSibling(file.getFileName() + "-shm"));
        return paths;
    }

    private static String named(Path path) {
        return Files.isDirectory(path) ? "the folder " + path : path.toString();
    }

    /** The name of the user who owns {@code path}, where the file system says. */
    private static Optional<String> owner(Path path) {
        try {
            return Optional.of(Files.getOwner(path).getName());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}

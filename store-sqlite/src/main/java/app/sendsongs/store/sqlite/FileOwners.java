package app.sendsongs.store.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
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
 * write a readonly database": here it is refused by name, with its owner and the command that fixes it, and the files
 * this program makes as root go to the owner of their folder.
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
    static Optional<String> owner(Path path) {
        try {
            return Optional.of(Files.getOwner(path).getName());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates {@code file} empty (unless it is there already), readable and writable by its owner alone: it holds
     * people's names and chat ids, and their tokens, sealed. Made by root, it goes to the owner (and group) of its
     * folder, so that the user whose folder it is (the server's) can use it; SQLite gives the {@code -wal} and
     * {@code -shm} it makes as root the file's owner. Where the file system has no POSIX permissions, nothing is made
     * here: SQLite makes the file as the platform does.
     */
    static void createForFolderOwner(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return;
        }
        if (madeByRoot(file) && file.toAbsolutePath().getParent() != null) {
            PosixFileAttributes folder = Files.readAttributes(file.toAbsolutePath().getParent(),
                    PosixFileAttributes.class);
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            view.setOwner(folder.owner());
            view.setGroup(folder.group());
        }
    }

    /** Whether root made the file, who alone may give it away. */
    private static boolean madeByRoot(Path file) throws IOException {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("unix")
                && Integer.valueOf(0).equals(Files.getAttribute(file, "unix:uid"));
    }
}

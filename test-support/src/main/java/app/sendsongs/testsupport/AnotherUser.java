package app.sendsongs.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a main class of the tests as another user of this machine, {@value #NAME}, the way an operator runs the bot as
 * its service user after doing something as root: a user who cannot write root's files, which a test running as root
 * never meets. Only where this process is root and {@code setpriv} is there (as in CI); elsewhere {@link #find} is
 * empty and the test skips, saying why. The class path goes into a folder that user can read (jars linked, folders
 * copied): the build's own files may be in root's home.
 */
public final class AnotherUser {
    public static final String NAME = "nobody";
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final long MOST_SECONDS = 120;
    /**
     * A run lives for seconds: compiled by C1 alone and collected by one thread, it takes about 40% less CPU than with
     * C2's compiles and the parallel collector's threads, which it ends before they pay back.
     */
    private static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** What a run printed (standard output and error together) and how it ended. */
    public record Run(int exit, String output) {
    }

    private final Path folder;
    private final String classPath;
    private final String group;

    private AnotherUser(Path folder, String classPath, String group) {
        this.folder = folder;
        this.classPath = classPath;
        this.group = group;
    }

    /** Why no test can run as another user here; empty when one can. */
    public static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("the tests do not run as root, so they cannot act as another user");
        }
        if (!Files.isExecutable(SETPRIV)) {
            return Optional.of("no " + SETPRIV + " to run a command as another user");
        }
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Optional.of("the file system has no owners to change");
        }
        return Optional.empty();
    }

    /**
     * The user, ready to run this process's class path from inside {@code folder}, which is made readable by all
     * (with the folders above it, which must be so already); empty (see {@link #unavailable}) where it cannot be.
     */
    public static Optional<AnotherUser> find(Path folder) {
        if (unavailable().isPresent() || !traversable(folder.toAbsolutePath().getParent())) {
            return Optional.empty();
        }
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path tmp = Files.createDirectories(folder.resolve("tmp-" + NAME));
            Files.setOwner(tmp, principal());
            return Optional.of(new AnotherUser(folder, readableClassPath(folder.resolve("class-path")),
                    run(List.of("id", "-g", NAME)).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user as the file system names owners. */
    public static UserPrincipal principal() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(NAME);
    }

    /** Runs {@code main} with {@code args} as this user, on the same Java, and waits for it to end. */
    public Run run(Class<?> main, String... args) {
        try {
            Process process = start(main, args);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(MOST_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(main.getName() + " as " + NAME + " did not end: " + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts {@code main} with {@code args} as this user, on the same Java: its standard output and error come
     * together from {@link Process#getInputStream}. The caller stops it.
     */
    public Process start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + NAME, "--regid=" + group,
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + folder.resolve("tmp-" + NAME)));
        command.addAll(SHORT_LIVED);
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return process;
    }

    private static boolean traversable(Path folder) {
        for (Path at = folder; at != null; at = at.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(at).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** This process's class path, linked or copied into {@code into}, where every user can read it. */
    private static String readableClassPath(Path into) throws IOException {
        Files.createDirectories(into);
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> entries = new ArrayList<>();
        String[] classPath = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
        for (int i = 0; i < classPath.length; i++) {
            Path entry = Path.of(classPath[i]);
            if (!Files.exists(entry)) {
                continue;
            }
            Path readable = into.resolve(i + "-" + entry.getFileName());
            if (Files.isDirectory(entry)) {
                copyFolder(entry, readable);
            } else {
                linkOrCopy(entry, readable);
            }
            entries.add(readable.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        try (Stream<Path> copied = Files.walk(to)) {
            for (Path file : (Iterable<Path>) copied::iterator) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file)
                        ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** A hard link costs nothing; a copy where the jar is on another disk or not readable by all. */
    private static void linkOrCopy(Path jar, Path to) throws IOException {
        try {
            Files.createLink(to, jar);
            if (Files.getPosixFilePermissions(to).contains(PosixFilePermission.OTHERS_READ)) {
                return;
            }
            Files.delete(to);
        } catch (IOException | UnsupportedOperationException e) {
            Files.deleteIfExists(to);
        }
        Files.copy(jar, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }
}

package app.sendsongs.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command of an unpacked image the way a container engine would, without one: in its own mount and
 * process namespaces ({@code unshare}), with {@code /proc} and {@code /dev} mounted into the image's root, the
 * root changed to it ({@code chroot}), the command found on the image's {@code PATH}, the image's environment
 * only, and, when this process is root, as the image's user. Without root it runs in a user namespace as that
 * namespace's root (the user is then not checked). The mounts belong to the namespace and end with it.
 */
final class Container {
    private static final String SHELL = "/bin/sh";
    /** Mounts /proc and /dev into the root ($0), then runs the rest ($@). */
    private static final String MOUNT_AND_RUN = "mount -t proc proc \"$0/proc\" && mount --rbind /dev \"$0/dev\" && exec \"$@\"";

    private final Path root;
    private final boolean asRoot;
    private final String unshare;
    private final String chroot;

    private Container(Path root, boolean asRoot, String unshare, String chroot) {
        this.root = root;
        this.asRoot = asRoot;
        this.unshare = unshare;
        this.chroot = chroot;
    }

    /** A way to run commands in {@code root}, if this machine offers one (root, or unprivileged user namespaces). */
    static Optional<Container> on(Path root) {
        Optional<String> unshare = tool("unshare");
        Optional<String> chroot = tool("chroot");
        if (unshare.isEmpty() || chroot.isEmpty()) {
            return Optional.empty();
        }
        if (isRoot()) {
            return Optional.of(new Container(root, true, unshare.get(), chroot.get()));
        }
        boolean userNamespaces = succeeds(List.of(unshare.get(), "--user", "--map-root-user", "--mount", "true"));
        return userNamespaces ? Optional.of(new Container(root, false, unshare.get(), chroot.get())) : Optional.empty();
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Whether the command runs as the image's user (this process is root), not as a namespace's root. */
    boolean checksTheUser() {
        return asRoot;
    }

    /** Starts {@code command} as {@code user} ("uid:gid") with exactly {@code environment}; output goes to {@code log}. */
    Process start(String user, List<String> command, Map<String, String> environment, Path log) throws IOException {
        List<String> line = new ArrayList<>(List.of(unshare));
        if (!asRoot) {
            line.addAll(List.of("--user", "--map-root-user"));
        }
        line.addAll(List.of("--mount", "--pid", "--fork", "--kill-child", SHELL, "-c", MOUNT_AND_RUN, root.toString(),
                chroot));
        if (asRoot) {
            line.add("--userspec=" + user);
        }
        line.add(root.toString());
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs {@code command} to its end (at most two minutes); its exit code and output. */
    Run run(String user, List<String> command, Map<String, String> environment, Path log) throws Exception {
        Process process = start(user, command, environment, log);
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError("still running after two minutes: " + command);
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            stop(process);
        }
    }

    record Run(int exit, String output) {
    }

    /** Asks the command to stop (SIGTERM, as {@code docker stop}), then ends it and its namespace. */
    static int stop(Process process) throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    private static Optional<String> tool(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path path = Path.of(dir, name);
            if (Files.isExecutable(path)) {
                return Optional.of(path.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

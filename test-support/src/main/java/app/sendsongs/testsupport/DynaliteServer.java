package app.sendsongs.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One dynalite process (tools/dynalite, in memory) on a free loopback port. It exits when this JVM
 * ends, even abruptly: {@code serve.js} stops when its standard input closes. The tests start it
 * through {@link DynaliteExtension}; the crash benchmark starts one for a server it kills and restarts.
 */
public final class DynaliteServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final int OUTPUT_LINES_KEPT = 50;

    private final Process process;
    private final int port;
    private final List<String> output;

    private DynaliteServer(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Where tools/dynalite is installed, if it is; the search goes up from the working directory. */
    public static Optional<Path> installation() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tools = dir.resolve("tools/dynalite");
            if (Files.isRegularFile(tools.resolve("package.json"))) {
                return Files.isRegularFile(tools.resolve("node_modules/dynalite/cli.js")) ? Optional.of(tools)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The {@code node} executable on the PATH, if any. */
    public static Optional<Path> node() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path node = Path.of(dir, "node");
            if (Files.isExecutable(node)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** Starts dynalite and waits until it listens; a port taken meanwhile is retried on another. */
    public static DynaliteServer start(Path node, Path installation) {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                return startOn(node, installation, freePort());
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static DynaliteServer startOn(Path node, Path installation, int port) {
        ProcessBuilder builder = new ProcessBuilder(node.toString(), "serve.js", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0")
                .directory(installation.toFile())
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dynalite with " + node, e);
        }
        List<String> output = new ArrayList<>();
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> readOutput(process, output, listening), "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!listening.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || !process.isAlive()) {
                process.destroyForcibly();
                throw new IllegalStateException("dynalite did not start on port " + port + ": " + lines(output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        }
        return new DynaliteServer(process, port, output);
    }

    private static void readOutput(Process process, List<String> output, CountDownLatch listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                    if (output.size() > OUTPUT_LINES_KEPT) {
                        output.removeFirst();
                    }
                }
                if (line.contains("listening at")) {
                    listening.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended; its exit is noticed by whoever waits for it
        } finally {
            listening.countDown();
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** What dynalite printed last (for failure messages). */
    public String recentOutput() {
        return lines(output);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String lines(List<String> output) {
        synchronized (output) {
            return output.isEmpty() ? "(no output)" : String.join("\n", output);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "dynalite at " + endpoint();
    }
}

package app.sendsongs.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The server run as a child JVM with this JVM's class path, so a benchmark measures it from outside
 * as Messenger would, can read its memory use, and can kill it: mostly in its {@code demo} wiring
 * (the production routes and adapters, the sandbox emulators on the same port, a manual clock), or
 * {@code serve} and the standalone {@code sandbox} as two processes.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ more)");

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private ServerProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * Starts {@code demo} on a free port and waits until it answers {@code /health}.
     *
     * @param jvmOptions  options for the child JVM, such as {@code -Xmx512m}
     * @param environment variables for the server (PORT is chosen here); the rest of the demo's
     *                    settings get their sandbox values
     * @param log         where the child's output goes
     */
    public static ServerProcess startDemo(List<String> jvmOptions, Map<String, String> environment, Path log) {
        return start(List.of("demo"), jvmOptions, environment, freePort(), log);
    }

    /**
     * Starts the server's command line ({@code serve}, {@code demo} or {@code sandbox} and its
     * options) with {@code PORT} set to {@code port}, and waits until it answers {@code /health} there.
     * Its output is added to {@code log}, so a process started again on the same log keeps the earlier output.
     */
    public static ServerProcess start(List<String> arguments, List<String> jvmOptions, Map<String, String> environment,
                                      int port, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // Like every launch path: a JVM out of memory exits, rather than limping on half-broken.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("app.sendsongs.server.Main");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the server: " + command.getFirst(), e);
        }
        ServerProcess server = new ServerProcess(process, "http://127.0.0.1:" + port, log);
        server.awaitHealthy();
        return server;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU seconds the server has used so far (Linux). */
    public double cpuSeconds() {
        return ProcessMemory.cpuSeconds(process.pid());
    }

    /** CPU time its JIT compiler threads have used so far. */
    public double compilerCpuSeconds() {
        return ProcessMemory.compilerCpuSeconds(process.pid());
    }

    /** The server's memory now, from {@code /proc/<pid>/status} (Linux). */
    public ProcessMemory memory() {
        return ProcessMemory.of(process.pid());
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting; "
                        + "its output:\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(100));
        }
        close();
        throw new IllegalStateException("the server did not answer /health within " + START_TIMEOUT.toSeconds()
                + " s; its output:\n" + tail());
    }

    /**
     * The last lines of the server's output, for error messages, without the frames of stack traces
     * (their exceptions and causes stay), so a long trace does not push its own message out.
     */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(line -> !STACK_FRAME.matcher(line).lookingAt()).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Asks the server to stop as SIGTERM would (it finishes the work it acknowledged), then waits. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The process's exit code if it has exited, whether asked to or not. */
    public Optional<Integer> exited() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** The process's exit code; only once it has exited ({@link #close} or {@link #kill} waited for that). */
    public int exitCode() {
        return process.exitValue();
    }

    /**
     * Kills the process at once, as {@code kill -9} does: it gets no signal to handle, closes
     * nothing and finishes nothing; waits until it is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A loopback port nobody listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

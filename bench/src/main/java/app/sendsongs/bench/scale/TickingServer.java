package app.sendsongs.bench.scale;

import app.sendsongs.bench.load.ProcessMemory;
import app.sendsongs.bench.load.ServerProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server (demo wiring, its tick every second) holding a database of pending watches, with its
 * sandbox clock moved on an hour at a time (each move runs the checks that fell due), while its
 * resident memory is read every 100 ms.
 */
final class TickingServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);

    /**
     * What the run showed.
     *
     * @param maxSampledKib the largest resident size sampled while the clock moved
     * @param atEnd         resident now and the most ever ({@code VmHWM}, start-up included) just before stopping
     * @param clockStart    the server's clock when it started; {@code clockEnd} after the last move
     */
    record Run(long maxSampledKib, ProcessMemory atEnd, Instant clockStart, Instant clockEnd, double cpuSeconds,
               double wallSeconds) {
    }

    private TickingServer() {
    }

    static Run run(Path database, ScaleOptions options, Path log) {
        Map<String, String> environment = Map.of("SQLITE_PATH", database.toString(), "TICK_SECONDS", "1");
        try (ServerProcess server = ServerProcess.startDemo(List.of("-Xmx" + options.serverHeap()), environment, log)) {
            HttpClient http = HttpClient.newHttpClient();
            AtomicLong maxKib = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    maxKib.accumulateAndGet(server.memory().residentKib(), Math::max);
                    try {
                        Thread.sleep(SAMPLE_EVERY);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            double cpuBefore = server.cpuSeconds();
            long began = System.nanoTime();
            Instant clockStart = now(http, server);
            Instant clockEnd = clockStart;
            for (int hour = 0; hour < options.hours(); hour++) {
                clockEnd = advanceAnHour(http, server);
            }
            double wall = (System.nanoTime() - began) / 1e9;
            double cpu = server.cpuSeconds() - cpuBefore;
            sampler.interrupt();
            maxKib.accumulateAndGet(server.memory().residentKib(), Math::max);
            return new Run(maxKib.get(), server.memory(), clockStart, clockEnd, cpu, wall);
        }
    }

    private static Instant now(HttpClient http, ServerProcess server) {
        return Instant.parse(json(http, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/sandbox/clock")).GET()));
    }

    private static Instant advanceAnHour(HttpClient http, ServerProcess server) {
        return Instant.parse(json(http, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/sandbox/clock/advance"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":3600}"))));
    }

    /** The {@code now} of a sandbox clock answer. */
    private static String json(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the sandbox clock answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body()).path("now").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package app.sendsongs.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exchanges with a small JDK server that answers whole, endlessly or haltingly. */
class BoundedExchangeTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/whole", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[8192];
                for (int i = 0; i < 1000; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the client stops reading at the cap
            }
        });
        server.createContext("/halting", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[100]);
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void aWholeAnswerIsReadWithItsStatus() throws Exception {
        HttpResponse<byte[]> answer = BoundedExchange.send(http, get("/whole"), Duration.ofSeconds(5), 1024);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void anAnswerLongerThanTheCapIsRefused() {
        ExchangeFailure e = catchThrowableOfType(ExchangeFailure.class,
                () -> BoundedExchange.send(http, get("/endless"), Duration.ofSeconds(5), 100_000));

        assertThat(e.kind()).isEqualTo(ExchangeFailure.Kind.TOO_LARGE);
        assertThat(e).hasMessage("answered more than 100000 bytes");
        assertThat(catchThrowableOfType(ExchangeFailure.class,
                () -> BoundedExchange.send(http, get("/whole"), Duration.ofSeconds(5), 5)).kind())
                .isEqualTo(ExchangeFailure.Kind.TOO_LARGE);
    }

    @Test
    void aBodyThatStallsAfterTheHeadersIsGivenUpOnAtTheDeadline() {
        long started = System.nanoTime();

        ExchangeFailure e = catchThrowableOfType(ExchangeFailure.class,
                () -> BoundedExchange.send(http, get("/halting"), Duration.ofMillis(300), 100_000));

        assertThat(e.kind()).isEqualTo(ExchangeFailure.Kind.TIMED_OUT);
        assertThat(e).hasMessage("did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + closed + "/")).build();

        ExchangeFailure e = catchThrowableOfType(ExchangeFailure.class,
                () -> BoundedExchange.send(http, request, Duration.ofSeconds(5), 100));

        assertThat(e.kind()).isEqualTo(ExchangeFailure.Kind.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("could not be reached: ");
    }

    @Test
    void anInterruptedWaitEndsTheExchangeAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            ExchangeFailure e = catchThrowableOfType(ExchangeFailure.class,
                    () -> BoundedExchange.send(http, get("/halting"), Duration.ofSeconds(5), 100_000));

            assertThat(e.kind()).isEqualTo(ExchangeFailure.Kind.INTERRUPTED);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}

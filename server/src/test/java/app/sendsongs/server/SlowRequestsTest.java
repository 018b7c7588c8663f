package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Senders that give a byte now and then, over loopback, against a server that allows a request 2 s to arrive. */
@Execution(ExecutionMode.CONCURRENT) // each test its own server, and most of their time is spent waiting
class SlowRequestsTest {
    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static final Duration DRIP_EVERY = Duration.ofMillis(200);

    private Javalin http;

    @BeforeEach
    void start() {
        http = Javalin.create(config -> config.jetty.modifyServer(
                        server -> server.addBean(new SlowRequests(server, WITHIN))))
                .post("/echo", ctx -> ctx.result(ctx.bodyAsBytes()))
                .post("/slow", ctx -> {
                    byte[] body = ctx.bodyAsBytes();
                    Thread.sleep(WITHIN.multipliedBy(2).toMillis());
                    ctx.result(body);
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        http.stop();
    }

    @Test
    @Timeout(20)
    void headersGivenAByteAtATimeLoseTheirConnection() throws Exception {
        Duration held = heldWhileDripping("POST /echo HTTP/1.1\r\nHost: localhost\r\nX-Drip: ", (byte) 'a');

        assertThat(held).isGreaterThanOrEqualTo(WITHIN).isLessThan(WITHIN.plusSeconds(3));
    }

    @Test
    @Timeout(20)
    void aBodyGivenAByteAtATimeLosesItsConnection() throws Exception {
        Duration held = heldWhileDripping("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n",
                (byte) 'a');

        assertThat(held).isGreaterThanOrEqualTo(WITHIN).isLessThan(WITHIN.plusSeconds(3));
    }

    @Test
    @Timeout(20)
    void aChunkSizeLineOfZerosGivenAByteAtATimeLosesItsConnection() throws Exception {
        Duration held = heldWhileDripping(
                "POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n", (byte) '0');

        assertThat(held).isGreaterThanOrEqualTo(WITHIN).isLessThan(WITHIN.plusSeconds(3));
    }

    @Test
    @Timeout(20)
    void aRequestThatArrivedIsAnsweredHoweverLongItsHandlingTakesAndTheConnectionServesTheNextOne()
            throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write(post("/slow", "first").getBytes(StandardCharsets.US_ASCII));
            assertThat(nextStatusLine(in)).contains(" 200 ");
            readUpTo(in, "first");
            // idle between requests for longer than a request may take to arrive
            Thread.sleep(WITHIN.plusSeconds(1).toMillis());
            out.write(post("/echo", "second").getBytes(StandardCharsets.US_ASCII));
            assertThat(nextStatusLine(in)).contains(" 200 ");
        }
    }

    /**
     * Sends {@code start}, then {@code drip} every {@link #DRIP_EVERY}, until a write fails because the server closed
     * the connection (or 3 times the allowed time passes): how long the connection was held.
     */
    private Duration heldWhileDripping(String start, byte drip) throws IOException, InterruptedException {
        long startedAt = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.port())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            while (System.nanoTime() - startedAt < WITHIN.multipliedBy(3).toNanos()) {
                Thread.sleep(DRIP_EVERY.toMillis());
                out.write(drip);
                out.flush();
            }
        } catch (IOException closedByServer) {
            return Duration.ofNanos(System.nanoTime() - startedAt);
        }
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** The next line that is a status line: the lines left of an earlier response (its chunks' ends) skipped. */
    private static String nextStatusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c != '\n') {
                line.append((char) c);
            } else if (line.toString().startsWith("HTTP/")) {
                return line.toString();
            } else {
                line.setLength(0);
            }
        }
        return "the connection ended: " + line;
    }

    private static void readUpTo(InputStream in, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().endsWith(text)) {
            int c = in.read();
            assertThat(c).as("the response ended early: " + seen).isNotNegative();
            seen.append((char) c);
        }
    }
}

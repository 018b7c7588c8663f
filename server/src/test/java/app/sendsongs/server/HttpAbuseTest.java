package app.sendsongs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on the server's HTTP intake over loopback: each bounded in time and count. */
class HttpAbuseTest {
    @TempDir
    Path dir;
    private Demo demo;
    private int port;

    @BeforeEach
    void start() {
        demo = Demo.start(Map.of("PORT", "0", "SQLITE_PATH", dir.resolve("send-songs.db").toString(),
                "TICK_SECONDS", "3600"));
        port = URI.create(demo.baseUrl()).getPort();
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    @Timeout(30)
    void aChunkedWebhookBodyOverTheCapIsRefusedWith413BeforeItEnds() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            // Up to 4 MB, and never the terminating chunk: a server that buffers it all never answers.
            long sent = 0;
            try {
                while (sent < 4_000_000 && socket.getInputStream().available() == 0) {
                    out.write(header);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
                out.flush();
            } catch (IOException closedByServer) {
                // The server answered and closed while we were still sending: that is the point.
            }
            String status = statusLine(socket.getInputStream());
            assertThat(status).contains(" 413 ");
        }
    }

    /**
     * A chunked body's size lines may carry extensions ({@code 5;name=value}) and leading zeros, neither of which is
     * content: a server that counts only the content never sees the cap passed, however many megabytes come.
     */
    @Test
    @Timeout(30)
    void chunkExtensionsAndLeadingZerosCountTowardsTheCap() throws IOException, InterruptedException {
        assertThat(statusAfterStreaming("5;", (byte) 'a')).contains(" 413 ");
        assertThat(statusAfterStreaming("", (byte) '0')).contains(" 413 ");
    }

    /**
     * Sends a chunked webhook POST's headers, and once the server has had time to read them alone, {@code start}
     * and then {@code filler} up to 8 MB or until answered. Headers that arrive alone are the harder case: Jetty
     * would hold such a request back until its first byte of content, which these bodies never bring.
     */
    private String statusAfterStreaming(String start, byte filler) throws IOException, InterruptedException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = new byte[64 * 1024];
            java.util.Arrays.fill(bytes, filler);
            try {
                for (long sent = 0; sent < 8_000_000 && socket.getInputStream().available() == 0;
                     sent += bytes.length) {
                    out.write(bytes);
                }
                out.flush();
            } catch (IOException closedByServer) {
                // answered and closed while we were still sending
            }
            return statusLine(socket.getInputStream());
        } catch (java.net.SocketTimeoutException neverAnswered) {
            return "no answer: " + neverAnswered.getMessage();
        }
    }

    /** Never idle, so never dropped for idleness: the server's limit on a request's arrival closes it. */
    @Test
    @Timeout(30)
    void headersGivenAByteEverySecondLoseTheirConnectionOnceTheRequestHasTakenTooLongToArrive() throws Exception {
        long startedAt = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write("POST /webhook HTTP/1.1\r\nHost: localhost\r\nX-Drip: ".getBytes(StandardCharsets.US_ASCII));
            while (System.nanoTime() - startedAt < Duration.ofSeconds(25).toNanos()) {
                Thread.sleep(1_000);
                out.write('a');
                out.flush();
            }
        } catch (IOException closedByServer) {
            // the point
        }
        Duration held = Duration.ofNanos(System.nanoTime() - startedAt);
        assertThat(held).isGreaterThanOrEqualTo(BotServer.REQUEST_ARRIVES_WITHIN)
                .isLessThan(BotServer.REQUEST_ARRIVES_WITHIN.plusSeconds(5));
    }

    @Test
    @Timeout(60)
    void threeHundredStalledBodiesDoNotDelayHealth() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.getOutputStream().write(("POST /webhook HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"obj")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            Thread.sleep(500);
            HttpRequest health = HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            long startedAt = System.nanoTime();
            HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(1));
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}

package app.sendsongs.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * An AWS service of the JSON protocol (DynamoDB, SQS) in front of a local stand-in for it (dynalite, ElasticMQ), on
 * loopback: each request is passed on with its headers, and its answer comes back with its status and headers. A test
 * points a runtime's endpoint at it ({@link #endpoint}) and sees or changes, by {@link #relay}, what the runtime asks
 * of the service by operation (the {@code X-Amz-Target} header, e.g. {@code DynamoDB_20120810.Query}).
 */
public abstract class AwsJsonProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding");

    private final URI target;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    protected AwsJsonProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    /** Where the runtime under test sends its requests. */
    public final URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The answer's body to a request of {@code operation} (the whole {@code X-Amz-Target}, or "null" without one): by
     * default the service's own to the request as it came; a proxy may change either, or count them.
     */
    protected byte[] relay(String operation, byte[] request, Service service) throws IOException {
        return service.answer(request);
    }

    /** The service behind the proxy, for one request. */
    @FunctionalInterface
    protected interface Service {
        /** The body of the service's answer to {@code request} (its status and headers go back as they are). */
        byte[] answer(byte[] request) throws IOException;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponse<?>[] answered = new HttpResponse<?>[1];
            byte[] answer = relay(String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                    exchange.getRequestBody().readAllBytes(), request -> {
                        HttpResponse<byte[]> response = send(exchange, request);
                        answered[0] = response;
                        return response.body();
                    });
            answered[0].headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(answered[0].statusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private HttpResponse<byte[]> send(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}

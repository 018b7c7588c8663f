package app.sendsongs.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQS in front of ElasticMQ, refusing chosen entries of the next {@code SendMessageBatch}: they are taken out of the
 * request before it is passed on, so they are not queued, and added to the response's {@code Failed} list as SQS
 * reports an entry it could not take (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html,
 * {@code BatchResultErrorEntry}: {@code Id}, {@code SenderFault}, {@code Code}, {@code Message}). Every other
 * request is passed on untouched.
 */
final class RefusingSqsProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding");

    private final URI target;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> refuse = new HashSet<>();

    RefusingSqsProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next SendMessageBatch does not queue the entries with these ids and reports them failed. */
    synchronized void refuseInNextBatch(String... entryIds) {
        refuse.addAll(List.of(entryIds));
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Set<String> refused = "AmazonSQS.SendMessageBatch".equals(operation) ? takeRefusals() : Set.of();
            if (!refused.isEmpty()) {
                body = withoutEntries(body, refused);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = refused.isEmpty() ? response.body() : withFailures(response.body(), refused);
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private synchronized Set<String> takeRefusals() {
        Set<String> taken = Set.copyOf(refuse);
        refuse.clear();
        return taken;
    }

    private static byte[] withoutEntries(byte[] request, Set<String> refused) throws IOException {
        ObjectNode json = (ObjectNode) SampleEvents.JSON.readTree(request);
        ArrayNode kept = SampleEvents.JSON.createArrayNode();
        json.path("Entries").forEach(entry -> {
            if (!refused.contains(entry.path("Id").asText())) {
                kept.add(entry);
            }
        });
        json.set("Entries", kept);
        return SampleEvents.JSON.writeValueAsBytes(json);
    }

    private static byte[] withFailures(byte[] response, Set<String> refused) throws IOException {
        JsonNode parsed = SampleEvents.JSON.readTree(response);
        ObjectNode json = parsed.isObject() ? (ObjectNode) parsed : SampleEvents.JSON.createObjectNode();
        ArrayNode failed = json.has("Failed") ? (ArrayNode) json.get("Failed") : json.putArray("Failed");
        refused.stream().sorted().forEach(id -> failed.addObject().put("Id", id).put("SenderFault", false)
                .put("Code", "InternalError").put("Message", "We encountered an internal error. Please try again."));
        return SampleEvents.JSON.writeValueAsBytes(json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

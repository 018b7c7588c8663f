package app.sendsongs.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one SSM Parameter Store operation the functions use, {@code GetParameters}, on the AWS JSON 1.1 wire
 * protocol: enough for the real SDK client to run against it. Signed requests are required (their signature is
 * not checked); a SecureString comes back decrypted only when {@code WithDecryption} is true.
 */
final class ParameterStoreEmulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "123456789012";

    private record StoredParameter(String type, String value) {
    }

    private final Map<String, StoredParameter> parameters = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final HttpServer server;

    ParameterStoreEmulator() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void putSecureString(String name, String value) {
        parameters.put(name, new StoredParameter("SecureString", value));
    }

    void putString(String name, String value) {
        parameters.put(name, new StoredParameter("String", value));
    }

    /** How many API calls reached the emulator. */
    int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                error(exchange, 400, "MissingAuthenticationTokenException", "Request is missing a SigV4 signature");
            } else if (!"AmazonSSM.GetParameters".equals(target)) {
                error(exchange, 400, "UnknownOperationException", "Not emulated: " + target);
            } else {
                getParameters(exchange, JSON.readTree(exchange.getRequestBody()));
            }
        }
    }

    private void getParameters(HttpExchange exchange, JsonNode request) throws IOException {
        JsonNode names = request.path("Names");
        if (!names.isArray() || names.isEmpty() || names.size() > 10) {
            error(exchange, 400, "ValidationException", "Names must hold 1 to 10 parameter names");
            return;
        }
        boolean decrypt = request.path("WithDecryption").asBoolean(false);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode found = response.putArray("Parameters");
        ArrayNode invalid = response.putArray("InvalidParameters");
        for (JsonNode name : names) {
            StoredParameter parameter = parameters.get(name.asText());
            if (parameter == null) {
                invalid.add(name.asText());
                continue;
            }
            boolean sealed = parameter.type().equals("SecureString") && !decrypt;
            found.addObject()
                    .put("Name", name.asText())
                    .put("Type", parameter.type())
                    .put("Value", sealed ? "AQICAHh-encrypted-blob" : parameter.value())
                    .put("Version", 1)
                    .put("LastModifiedDate", 1.7640648E9)
                    .put("ARN", "arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter" + name.asText())
                    .put("DataType", "text");
        }
        send(exchange, 200, response);
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

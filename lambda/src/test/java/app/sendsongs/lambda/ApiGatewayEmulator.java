package app.sendsongs.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An HTTP API stage in front of the Lambda handlers, as API Gateway runs it: each HTTP request that matches a
 * route (exactly, or a route with path variables such as {@code GET /connect/{source}}, which gives
 * {@code pathParameters}) becomes a payload 2.0 event (built from the sample {@code connect.json}; its cookies in
 * {@code cookies}, not in the headers), the route's handler is invoked with it, and its payload 2.0 response
 * becomes the HTTP response (each of its {@code cookies} a {@code Set-Cookie} header). Unmatched requests get HTTP
 * API's 404. See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
final class ApiGatewayEmulator implements AutoCloseable {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    /** A route's integration: the function's name (for its context) and handler. */
    record Integration(String functionName, RequestStreamHandler handler) {
    }

    private final Map<String, Integration> routes = new LinkedHashMap<>();
    private final HttpServer server;

    ApiGatewayEmulator() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    void route(String routeKey, String functionName, RequestStreamHandler handler) {
        routes.put(routeKey, new Integration(functionName, handler));
    }

    /** The stage's invoke URL, without a trailing slash (what PUBLIC_BASE_URL is set to). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> variables = new LinkedHashMap<>();
            String routeKey = routeKey(method, path, variables);
            if (routeKey == null) {
                send(exchange, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            Integration integration = routes.get(routeKey);
            ObjectNode event = event(exchange, routeKey, path);
            if (!variables.isEmpty()) {
                ObjectNode parameters = event.putObject("pathParameters");
                variables.forEach(parameters::put);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TestContext context = TestContext.deployed(integration.functionName());
            try {
                integration.handler().handleRequest(new ByteArrayInputStream(SampleEvents.bytes(event)), out, context);
                if (context.getRemainingTimeInMillis() <= 0) {
                    throw new IllegalStateException(integration.functionName() + " ran past its timeout: Lambda "
                            + "would have killed it before it answered");
                }
            } catch (RuntimeException e) {
                // what API Gateway answers when the function itself fails
                send(exchange, 500, Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}");
                throw e;
            }
            respond(exchange, SampleEvents.JSON.readTree(out.toByteArray()));
        }
    }

    /** The route a request matches, an exact one first; its path variables into {@code variables}. */
    private String routeKey(String method, String path, Map<String, String> variables) {
        if (routes.containsKey(method + " " + path)) {
            return method + " " + path;
        }
        for (String key : routes.keySet()) {
            String[] route = key.split(" ", 2);
            if (!route[0].equals(method) || !route[1].contains("{")) {
                continue;
            }
            String[] want = route[1].split("/");
            String[] got = path.split("/");
            if (want.length != got.length) {
                continue;
            }
            Map<String, String> found = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < want.length && matches; i++) {
                if (want[i].startsWith("{") && want[i].endsWith("}") && !got[i].isEmpty()) {
                    found.put(want[i].substring(1, want[i].length() - 1),
                            java.net.URLDecoder.decode(got[i], StandardCharsets.UTF_8));
                } else {
                    matches = want[i].equals(got[i]);
                }
            }
            if (matches) {
                variables.putAll(found);
                return key;
            }
        }
        return null;
    }

    private ObjectNode event(HttpExchange exchange, String routeKey, String path) throws IOException {
        ObjectNode event = SampleEvents.load("connect");
        String rawQuery = exchange.getRequestURI().getRawQuery();
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        event.remove("queryStringParameters");
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.put(name, parameters.has(name) ? parameters.get(name).asText() + "," + value : value);
            }
        }
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Cookie")) {
                values.forEach(value -> Arrays.stream(value.split(";")).map(String::strip)
                        .filter(cookie -> !cookie.isEmpty()).forEach(cookie -> event.withArray("cookies").add(cookie)));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean text = contentType != null && (contentType.startsWith("application/json") || contentType.startsWith("text/")
                || contentType.startsWith("application/x-www-form-urlencoded"));
        event.remove("body");
        if (body.length > 0) {
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        }
        event.put("isBase64Encoded", body.length > 0 && !text);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        ObjectNode http = (ObjectNode) context.get("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", path);
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.path("user-agent").asText(""));
        context.put("routeKey", routeKey);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("domainName", "127.0.0.1");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toInstant().toEpochMilli());
        return event;
    }

    private static void respond(HttpExchange exchange, JsonNode response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        response.path("cookies").forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie.asText()));
        String body = response.path("body").asText("");
        if (response.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        send(exchange, response.path("statusCode").asInt(200), headers, body);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

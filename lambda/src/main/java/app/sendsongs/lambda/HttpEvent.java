package app.sendsongs.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of an API Gateway HTTP API request (payload format 2.0) the handlers use. The body is the exact bytes
 * the client sent: API Gateway passes text bodies as they are and others base64-encoded, and the webhook's
 * signature is checked on those bytes.
 *
 * @param routeKey the matched route, e.g. {@code POST /webhook} or {@code GET /connect/{source}}
 * @param path     the values of the route's path variables, e.g. {@code source}
 * @param headers  header names in lower case (as API Gateway sends them); repeated headers joined by commas
 * @param cookies  the request's cookies, {@code name=value} each (payload 2.0 moves them out of the headers)
 */
record HttpEvent(String routeKey, Map<String, String> path, Map<String, List<String>> query,
                 Map<String, String> headers, List<String> cookies, byte[] body, String sourceIp) {

    /** Reads an event; anything that is not an HTTP API 2.0 request is refused with a clear message. */
    static HttpEvent from(JsonNode event) {
        if (event == null || !event.isObject() || !"2.0".equals(event.path("version").asText())
                || !event.path("routeKey").isTextual()) {
            throw new IllegalArgumentException("not an API Gateway HTTP API request with payload format 2.0 "
                    + "(\"version\":\"2.0\" and a \"routeKey\" are required)");
        }
        return new HttpEvent(event.get("routeKey").asText(), pathParameters(event.path("pathParameters")),
                query(event), headers(event.path("headers")), cookies(event.path("cookies")), body(event),
                event.path("requestContext").path("http").path("sourceIp").asText("unknown"));
    }

    /** A path variable of the route; null when the route has none of that name. */
    String pathParameter(String name) {
        return path.get(name);
    }

    /** The cookies as one {@code Cookie} header would carry them; null when there are none. */
    String cookieHeader() {
        return cookies.isEmpty() ? null : String.join("; ", cookies);
    }

    private static Map<String, String> pathParameters(JsonNode parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        parameters.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    private static List<String> cookies(JsonNode cookies) {
        List<String> list = new ArrayList<>();
        cookies.forEach(cookie -> list.add(cookie.asText()));
        return List.copyOf(list);
    }

    /** The first value of a query parameter, decoded; null when absent. */
    String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** A header by name, in any case; null when absent. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * From {@code rawQueryString}, which keeps repeated parameters and commas inside values apart (the
     * {@code queryStringParameters} map joins repeats with commas); the map serves only when there is no raw string.
     */
    private static Map<String, List<String>> query(JsonNode event) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        JsonNode raw = event.path("rawQueryString");
        if (raw.isTextual()) {
            for (String pair : raw.asText().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            return query;
        }
        event.path("queryStringParameters").properties()
                .forEach(entry -> query.put(entry.getKey(), List.of(entry.getValue().asText())));
        return query;
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> map = new LinkedHashMap<>();
        headers.properties().forEach(entry -> map.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().asText()));
        return map;
    }

    private static byte[] body(JsonNode event) {
        JsonNode body = event.path("body");
        if (!body.isTextual()) {
            return new byte[0];
        }
        if (event.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the request body is marked base64 but is not base64");
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}

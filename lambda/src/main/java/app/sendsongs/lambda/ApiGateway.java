package app.sendsongs.lambda;

import app.sendsongs.web.PageHeaders;
import app.sendsongs.web.WebResponse;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one API Gateway HTTP API invocation: reads the payload 2.0 request, lets the handler answer it, and
 * writes the payload 2.0 response. A failure inside the handler becomes a logged 500, as in the server.
 */
final class ApiGateway {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);
    private static final Map<String, String> HARDENING = PageHeaders.forPage("'none'");

    private ApiGateway() {
    }

    static void serve(InputStream input, OutputStream output, Context context, Function<HttpEvent, WebResponse> route)
            throws IOException {
        HttpEvent request = HttpEvent.from(read(input));
        WebResponse response;
        try {
            response = route.apply(request);
        } catch (RuntimeException e) {
            LOG.error("request {} failed: {}", requestId(context), request.routeKey(), e);
            response = WebResponse.text(500, "internal error");
        }
        JSON.writeValue(output, toJson(response));
    }

    /** The answer for a route the function does not serve (the API's routes and the handler disagree). */
    static WebResponse notServed(HttpEvent request) {
        LOG.warn("route {} is not served by this function; check the API's routes", request.routeKey());
        return WebResponse.text(404, "not found");
    }

    static JsonNode read(InputStream input) throws IOException {
        byte[] bytes = input.readAllBytes();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("the event is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The payload 2.0 response. Every answer carries the security headers of a page without script (a page's own
     * replace them), refusals and failures too, as on the server: not even an error can be framed or sniffed.
     */
    static ObjectNode toJson(WebResponse response) {
        ObjectNode json = JSON.createObjectNode();
        json.put("statusCode", response.status());
        ObjectNode headers = json.putObject("headers");
        headers.put("Content-Type", response.contentType());
        HARDENING.forEach(headers::put);
        response.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Set-Cookie")) {
                json.withArray("cookies").add(value); // each becomes a set-cookie header
            } else {
                headers.put(name, value);
            }
        });
        json.put("body", response.body());
        json.put("isBase64Encoded", false);
        return json;
    }

    static String requestId(Context context) {
        return context == null ? "-" : context.getAwsRequestId();
    }
}

package app.sendsongs.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JSON in and out of Javalin without depending on the app's JsonMapper configuration. */
final class JsonIo {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Javalin's own limit; a longer body goes through {@code body()}, which refuses it with 413. */
    private static final int MAX_BODY_BYTES = 1_000_000;

    private JsonIo() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(write(body));
    }

    /** The request body as a JSON object, or a 400 control error. */
    static JsonNode readBody(Context ctx) {
        String body = bodyText(ctx);
        if (body == null || body.isBlank()) {
            throw HttpProblem.control(400, "a JSON body is required");
        }
        return parseControl(body);
    }

    /** The request body as JSON, an empty object when there is none, or a 400 control error. */
    static JsonNode readOptionalBody(Context ctx) {
        String body = bodyText(ctx);
        return body == null || body.isBlank() ? MAPPER.createObjectNode() : parseControl(body);
    }

    private static JsonNode parseControl(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw HttpProblem.control(400, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The request body as text, read into an array of its declared length: Javalin's {@code body()}
     * copies each body through 16 KiB of fresh buffers, a large share of the demo server's garbage
     * when the emulators answer thousands of sends a second.
     */
    static String bodyText(Context ctx) {
        int length = ctx.req().getContentLength();
        if (length < 0 || length > MAX_BODY_BYTES) {
            return ctx.body();
        }
        try {
            return new String(ctx.req().getInputStream().readNBytes(length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a request body failed", e);
        }
    }

    static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (HttpProblem problem) {
                problem.respond(ctx);
            }
        };
    }
}

package app.sendsongs.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.UncheckedIOException;

/** JSON in and out of Javalin without depending on the app's JsonMapper configuration. */
final class JsonIo {
    static final ObjectMapper MAPPER = new ObjectMapper();

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
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            throw HttpProblem.control(400, "a JSON body is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw HttpProblem.control(400, "the body is not valid JSON: " + e.getOriginalMessage());
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

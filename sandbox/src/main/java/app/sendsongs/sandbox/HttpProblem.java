package app.sendsongs.sandbox;

import io.javalin.http.Context;
import java.util.Map;

/** An error answer, thrown from deep inside a handler and written by {@link JsonIo#guarded}. */
final class HttpProblem extends RuntimeException {
    private final int status;
    private final Object body;
    private final Map<String, String> headers;

    HttpProblem(int status, Object body) {
        this(status, body, Map.of());
    }

    HttpProblem(int status, Object body, Map<String, String> headers) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /** An error whose body is plain text, as a few services send (Spotify's 403 for a user a development-mode app does not serve). */
    static HttpProblem plainText(int status, String text) {
        return new HttpProblem(status, new PlainText(text));
    }

    /** A body written as {@code text/plain}. */
    record PlainText(String text) {
    }

    /** A control-API error: {@code {"error":"<message>"}}. */
    static HttpProblem control(int status, String message) {
        return new HttpProblem(status, Map.of("error", message));
    }

    int status() {
        return status;
    }

    Object body() {
        return body;
    }

    void respond(Context ctx) {
        headers.forEach(ctx::header);
        if (body instanceof PlainText plain) {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(plain.text());
        } else {
            JsonIo.send(ctx, status, body);
        }
    }
}

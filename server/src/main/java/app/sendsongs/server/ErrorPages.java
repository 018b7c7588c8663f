package app.sendsongs.server;

import app.sendsongs.web.PageHeaders;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers no page of ours writes: Jetty's, to a request it cannot read (a malformed path, a URL or headers too
 * large) or one that fails before a route runs; Javalin's, to a path or method no route takes; and the plain answers of
 * the routes themselves (health, the webhooks, a failure). Each carries the same security headers as every page of
 * ours, so that not even an error can be framed, sniffed or run script; a page sets its own policy over them.
 */
final class ErrorPages extends ErrorHandler {
    private static final Map<String, String> HEADERS = PageHeaders.forPage("'none'");

    /** The answer to a path or method no route takes: not Javalin's, which writes the path back. */
    private static final String NOT_FOUND = "not found";
    /** Where the demo mounts the emulators; {@code serve} has nothing there. */
    private static final String EMULATORS = "/sandbox/";

    /**
     * Before every request: the security headers, which a page replaces with its own. A {@code HEAD} gets Javalin's
     * bare 200 without any route running (so a link checker's {@code HEAD} on a callback redeems nothing), not to be
     * cached. The demo's emulators, on the same port under {@code /sandbox/}, stand for other sites and answer with
     * those sites' headers (an emulated Spotify short link's page runs its own script).
     */
    static void hardeningHeaders(Context ctx) {
        boolean head = ctx.method() == HandlerType.HEAD;
        if (head || !ctx.path().startsWith(EMULATORS)) {
            HEADERS.forEach(ctx::header);
        }
        if (head) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** What no route takes (an emulator's path too, on {@code serve}): a plain 404 that says nothing of the request. */
    static void notFound(Context ctx) {
        HEADERS.forEach(ctx::header);
        ctx.status(HttpStatus.NOT_FOUND).contentType(ContentType.TEXT_PLAIN).result(NOT_FOUND);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HEADERS.forEach(response::setHeader);
        super.handle(target, baseRequest, request, response);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        HEADERS.forEach(fields::put);
        return super.badMessageError(status, reason, fields);
    }
}

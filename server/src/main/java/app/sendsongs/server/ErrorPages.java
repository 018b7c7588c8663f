package app.sendsongs.server;

import app.sendsongs.web.PageHeaders;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
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
 * The answers Jetty writes itself, to a request it cannot read (a malformed path, a URL or headers too large) or one
 * that fails before a route runs, and to every {@code HEAD}: with the same security headers as every page of ours, so that not even an error
 * page can be framed, sniffed or run script.
 */
final class ErrorPages extends ErrorHandler {
    private static final Map<String, String> HEADERS = PageHeaders.forPage("'none'");

    /**
     * A {@code HEAD} gets Javalin's bare 200 without any route running (so a link checker's {@code HEAD} on a callback
     * redeems nothing): it carries the same security headers, and is not to be cached.
     */
    static void headersForHead(Context ctx) {
        if (ctx.method() == HandlerType.HEAD) {
            HEADERS.forEach(ctx::header);
            ctx.header("Cache-Control", "no-store");
        }
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

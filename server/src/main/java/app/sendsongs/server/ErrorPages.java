package app.sendsongs.server;

import app.sendsongs.web.PageHeaders;
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
 * that fails before a route runs: with the same security headers as every page of ours, so that not even an error
 * page can be framed, sniffed or run script.
 */
final class ErrorPages extends ErrorHandler {
    private static final Map<String, String> HEADERS = PageHeaders.forPage("'none'");

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

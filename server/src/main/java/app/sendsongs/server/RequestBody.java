package app.sendsongs.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a request body of known length into an array of exactly that size. Javalin's
 * {@code bodyAsBytes()} copies every body through 16 KiB of fresh buffers, which for the webhook's
 * few hundred bytes was a large share of the server's garbage under load.
 */
final class RequestBody {
    /** Javalin's own limit; a longer body goes through {@code bodyAsBytes()}, which refuses it with 413. */
    static final int MAX_BYTES = 1_000_000;

    private RequestBody() {
    }

    static byte[] bytes(Context ctx) {
        int length = ctx.req().getContentLength();
        if (length < 0 || length > MAX_BYTES) {
            return ctx.bodyAsBytes();
        }
        try {
            return ctx.req().getInputStream().readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a request body failed", e);
        }
    }
}

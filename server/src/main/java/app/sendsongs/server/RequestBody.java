package app.sendsongs.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body, however it is sent (with a {@code Content-Length} or chunked), never holding
 * more than {@link #MAX_BYTES}: a longer body is refused as soon as the cap is passed, before any
 * signature check. Reading straight from the stream also avoids Javalin's {@code bodyAsBytes()}, which
 * copies every body through 16 KiB of fresh buffers and applies its cap only to a declared length.
 */
final class RequestBody {
    static final int MAX_BYTES = 1_000_000;

    /** The body passed {@link #MAX_BYTES}; what was read so far is dropped. */
    static final class TooLarge extends RuntimeException {
        TooLarge(int cap) {
            super("request body over " + cap + " bytes");
        }
    }

    private RequestBody() {
    }

    static byte[] bytes(Context ctx) {
        return bytes(ctx, MAX_BYTES);
    }

    /** The body, refused as soon as it passes {@code cap} bytes. */
    static byte[] bytes(Context ctx, int cap) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > cap) {
            throw new TooLarge(cap);
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] body = declared >= 0 ? in.readNBytes((int) declared) : in.readNBytes(cap);
            if (declared < 0 && body.length == cap && in.read() >= 0) {
                throw new TooLarge(cap);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a request body failed", e);
        }
    }
}

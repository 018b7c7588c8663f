package app.sendsongs.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads a request body, however it is sent (with a {@code Content-Length} or chunked), never holding
 * more than {@link #MAX_BYTES}: a longer body is refused as soon as the cap is passed, before any
 * signature check. Reading straight from the stream also avoids Javalin's {@code bodyAsBytes()}, which
 * copies every body through 16 KiB of fresh buffers and applies its cap only to a declared length.
 */
final class RequestBody {
    static final int MAX_BYTES = 1_000_000;
    /**
     * What a chunked body's connection may bring beyond its cap while the body is read: the size lines of its chunks
     * (a few bytes each), and the start of a request sent behind it on the same connection.
     */
    static final int WIRE_SLACK = 64 * 1024;

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

    /**
     * The body, refused as soon as it passes {@code cap} bytes. A chunked one is refused too once its connection has
     * brought {@link #WIRE_SLACK} bytes more than the cap while it is read (see {@link WireLimit}).
     */
    static byte[] bytes(Context ctx, int cap) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > cap) {
            throw new TooLarge(cap);
        }
        Optional<WireLimit> wire = declared < 0 ? WireLimit.watch(ctx.req(), (long) cap + WIRE_SLACK)
                : Optional.empty();
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] body = declared >= 0 ? in.readNBytes((int) declared) : in.readNBytes(cap);
            if (declared < 0 && body.length == cap && in.read() >= 0) {
                throw new TooLarge(cap);
            }
            return body;
        } catch (IOException e) {
            if (wire.filter(WireLimit::passed).isPresent()) {
                throw new TooLarge(cap);
            }
            throw new UncheckedIOException("reading a request body failed", e);
        } finally {
            wire.ifPresent(WireLimit::close);
        }
    }
}

package app.sendsongs.server;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

/**
 * Fails the read of a chunked request body once its connection has brought more than a limit of bytes since the read
 * began. A chunk's size line may carry leading zeros and extensions ({@code 5;name=aaaa…}), which are no content and
 * which Jetty reads without bound: a reader counting content alone never sees its cap passed, however many megabytes
 * come, and the bytes keep the connection from ever being idle. The read then ends with an {@link IOException}, and
 * {@link #passed()} tells why.
 */
final class WireLimit implements AutoCloseable {
    /** How often the bytes are counted: one thread counts for every body being read. */
    private static final Duration CHECK_EVERY = Duration.ofMillis(20);
    private static final ScheduledThreadPoolExecutor CHECKS = checks();

    private final HttpChannel channel;
    private final long most;
    private final long atStart;
    private final AtomicBoolean passed = new AtomicBoolean();
    private final ScheduledFuture<?> check;

    private WireLimit(HttpChannel channel, long most) {
        this.channel = channel;
        this.most = most;
        this.atStart = channel.getConnection().getBytesIn();
        long every = CHECK_EVERY.toMillis();
        this.check = CHECKS.scheduleAtFixedRate(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** Watches the connection of {@code request} (when Jetty serves it) for more than {@code most} bytes. */
    static Optional<WireLimit> watch(ServletRequest request, long most) {
        Request jetty = Request.getBaseRequest(request);
        if (jetty == null || jetty.getHttpChannel() == null || jetty.getHttpChannel().getConnection() == null) {
            return Optional.empty();
        }
        return Optional.of(new WireLimit(jetty.getHttpChannel(), most));
    }

    /** Whether the connection brought more than the limit, which failed the read. */
    boolean passed() {
        return passed.get();
    }

    private void check() {
        if (channel.getConnection().getBytesIn() - atStart > most && passed.compareAndSet(false, true)) {
            // As Jetty fails a read that timed out: the reader waiting for content gets this error instead.
            channel.failed(new IOException("request body over " + most + " bytes on the wire"));
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }

    private static ScheduledThreadPoolExecutor checks() {
        ScheduledThreadPoolExecutor checks = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("request-body-wire-limit").factory());
        checks.setRemoveOnCancelPolicy(true);
        return checks;
    }
}

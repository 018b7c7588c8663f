package app.sendsongs.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request has not arrived whole within a time of its first byte. Jetty drops a connection
 * only once it has been idle for its idle timeout: a sender giving a byte every few seconds, in the headers or in the
 * body (a chunk size line of zeros included), is never idle, and held its connection for as long as it went on.
 * Jetty 11 has no such limit of its own; its parser knows where each request is and when its first byte was read, and
 * a check every second reads that for every open connection. A request that has arrived is not watched, however long
 * it is handled.
 */
final class SlowRequests extends ContainerLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(SlowRequests.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final Server server;
    private final Duration within;
    private final Scheduler checks = new ScheduledExecutorScheduler("slow-requests", true);

    /** Starts and stops with {@code server}, once added to it as a bean. */
    SlowRequests(Server server, Duration within) {
        this.server = server;
        this.within = within;
        addBean(checks);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        checks.schedule(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            long now = System.nanoTime();
            for (Connector connector : server.getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    if (endPoint.getConnection() instanceof HttpConnection http && stillArriving(http.getParser(), now)) {
                        LOG.warn("closed a connection from {}: its request was still arriving {} s after its first "
                                + "byte", remoteHost(endPoint), within.toSeconds());
                        endPoint.close();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("checking for slow requests failed", e);
        } finally {
            if (isRunning()) {
                checks.schedule(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Whether the parser is inside a request (past its first byte, before its end) begun longer ago than allowed. */
    private boolean stillArriving(HttpParser parser, long now) {
        HttpParser.State state = parser.getState();
        boolean inside = state != HttpParser.State.START && state.ordinal() < HttpParser.State.END.ordinal();
        return inside && now - parser.getBeginNanoTime() > within.toNanos();
    }

    /** The remote host of a connection, for the log. */
    private static String remoteHost(EndPoint endPoint) {
        return endPoint.getRemoteSocketAddress() instanceof InetSocketAddress address ? address.getHostString()
                : String.valueOf(endPoint.getRemoteSocketAddress());
    }
}

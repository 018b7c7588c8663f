package app.sendsongs.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * Where a command is about to listen, checked before it opens anything: the HTTP server would otherwise fail deep in
 * its start with a stack trace that blames the port even when the address is wrong. A port that another process
 * holds is worth retrying (that process may be an earlier start, stopping); an address that is not this machine's is
 * a configuration error.
 *
 * @param host        the address to listen on; null for every address
 * @param hostSetting what sets the address, named in the refusal ({@code HOST}, {@code --host})
 * @param portSetting what sets the port, named in the refusal ({@code PORT}, {@code --port})
 */
record ListenAddress(String host, int port, String hostSetting, String portSetting) {
    /** Why the command cannot listen, in one line, with its exit code (1: worth retrying, 2: configuration). */
    static final class Refused extends RuntimeException {
        private final int exitCode;

        Refused(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /** Listens there for a moment, as the HTTP server will (address reuse on), and stops again. */
    void requireFree() {
        InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw configuration(hostSetting + " is no known host name");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (BindException e) {
            throw refusal(String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT));
        } catch (UnresolvedAddressException e) {
            throw configuration(hostSetting + " is no known host name");
        } catch (IOException e) {
            throw new Refused(where() + ": " + e.getMessage(), 1);
        }
    }

    private Refused refusal(String reason) {
        if (reason.contains("in use")) {
            return new Refused(where() + ": another process listens there (an earlier start still running?); stop "
                    + "it, or set another " + portSetting, 1);
        }
        if (reason.contains("assign")) {
            return configuration(hostSetting + " is no address of this machine");
        }
        if (reason.contains("permission") || reason.contains("access")) {
            return new Refused(where() + ": a port below 1024 needs privileges this user does not have; set a "
                    + portSetting + " above 1023 behind the reverse proxy", 2);
        }
        return new Refused(where() + ": " + reason, 1);
    }

    private Refused configuration(String why) {
        return new Refused(where() + ": " + why + "; give " + (why.contains("address") ? "one of its addresses"
                : "one of this machine's addresses") + ": 127.0.0.1 for this machine only (behind a reverse proxy), "
                + "0.0.0.0 for every address", 2);
    }

    private String where() {
        return "cannot listen on " + (host == null ? "every address" : host) + " port " + port;
    }
}

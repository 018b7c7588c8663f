package app.sendsongs.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An outside service that hangs: it takes every connection on loopback and never answers. */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    SilentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::takeConnections);
    }

    /** How many connections were made to it so far. */
    int connections() {
        return held.size();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void takeConnections() {
        try {
            while (true) {
                held.add(socket.accept());
            }
        } catch (IOException closed) {
            // the server was closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : held) {
            connection.close();
        }
    }
}

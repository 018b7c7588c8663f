package app.sendsongs.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection that sends requests prepared in advance and reads each reply
 * (status and body; {@code Content-Length} or chunked). The load generator's client: it does no
 * work per request beyond writing and reading bytes, so the server, not the client, sets the pace.
 */
public final class LoopbackHttp implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    public LoopbackHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A whole POST request, headers and body, ready to be written any number of times. */
    public static byte[] post(String host, String path, String contentType, byte[] body, String... headerNamesAndValues) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            head.append(headerNamesAndValues[i]).append(": ").append(headerNamesAndValues[i + 1]).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** Sends one request and returns the reply's status; reconnects if the server closed the connection. */
    public int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(request);
        out.flush();
        Reply reply = readReply();
        if (reply.close()) {
            close();
        }
        return reply.status();
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        // Far longer than any answer takes (a full intake waits 5 s); a server that stops answering ends the run.
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    private record Reply(int status, boolean close) {
    }

    private Reply readReply() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 reply: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close");
                default -> { }
            }
        }
        if (chunked) {
            skipChunks();
        } else if (length > 0) {
            skip(length);
        }
        return new Reply(status, close);
    }

    private void skipChunks() throws IOException {
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long length = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return;
            }
            skip(length);
            line();
        }
    }

    private void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a reply body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One CRLF-terminated line without its terminator. */
    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
